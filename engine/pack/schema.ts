import type { Localized, Severity } from '../types';

/**
 * The shape of a rule pack as written in YAML or JSON. The built-in `sme-cluster` pack and a
 * user's own packs are the same data and go through the same loader (`loadPack`).
 *
 * Lexicon entries are regular-expression sources. English entries match whole words,
 * case-insensitively, and a space in them also matches a hyphen or a line break. Chinese entries
 * are matched against simplified, half-width text, so a pack writes 产业链 and `(` once and
 * matches 產業鏈 and `（` too.
 */
export interface PackSource {
  /** The pack's id, e.g. `sme-cluster`. */
  pack: string;
  version?: number;
  title: Localized;
  /** A link to a rule's documentation; `{rule}` is replaced by the rule id. */
  docs?: string;
  groups: GroupSource[];
  elements: ElementSource[];
  negation?: ByLanguage<NegationSource>;
  drafting?: DraftingSource;
}

/** Entries for English and for Chinese; either may be absent. */
export interface ByLanguage<T> {
  en?: T;
  zh?: T;
}

/** A lexicon entry: one pattern, or patterns that must all occur in one sentence. */
export type LexiconEntry = string | { all: string[]; near?: number };

/** Where in the paper a rule comes from. */
export interface PaperCitation {
  section: string;
  paragraph?: number | string;
  /** A short paraphrase of what the paper says there. */
  says: Localized;
}

/** A group of elements (A to D in the built-in pack). */
export interface GroupSource {
  id: string;
  title: Localized;
  /** Headings of the sections where this group's elements usually belong. */
  headings?: ByLanguage<string[]>;
  paper?: PaperCitation;
}

/** A coverage element: a theme the paper says a cluster policy must address. */
export interface ElementSource {
  id: string;
  group: string;
  title: Localized;
  k: number;
  severity?: Severity;
  paper: PaperCitation;
  /** What the rule asks of a draft, in plain words. */
  asks: Localized;
  headings?: ByLanguage<string[]>;
  /** A Markdown section a quick fix inserts when the element is missing. */
  template: Localized;
  facets: FacetSource[];
}

/** One facet of an element, with its lexicons. */
export interface FacetSource {
  id: string;
  title: Localized;
  /** A line (Markdown list item text) a quick fix inserts when the element lacks this facet. */
  template?: Localized;
  match: ByLanguage<LexiconEntry[]>;
  /** Look-alike phrases: a match that lies inside one of these does not count. */
  exclude?: ByLanguage<string[]>;
  /** A match in a sentence that also contains one of these does not count. */
  unless?: ByLanguage<string[]>;
}

/** What makes a passage a negation rather than a commitment. */
export interface NegationSource {
  /** Cues before the match, in the same clause. */
  before?: string[];
  /** Cues after the match, in the same clause. */
  after?: string[];
  /** How many characters before the match a cue may stand. */
  window?: number;
}

/** Metadata of one drafting rule; its check is code, its words are data. */
export interface DraftingRuleSource {
  id: string;
  severity?: Severity;
  title: Localized;
  asks: Localized;
  paper?: PaperCitation;
  /**
   * What the rule says, by the name its check gives each message (`finding`, `fix` …), with
   * `{placeholders}` the check fills in.
   */
  messages?: Record<string, Localized>;
}

/** A part every draft should have (situation, objectives, measures, implementation). */
export interface StructurePartSource {
  id: string;
  title: Localized;
  headings: ByLanguage<string[]>;
  template: Localized;
}

/** A term the pack prefers another word for. */
export interface TermSource {
  /** A pattern (with capture groups if `replace` uses `$1` …). */
  find: string;
  language: 'en' | 'zh';
  replace: string;
  why: Localized;
}

/** The lexicons of the drafting rules. */
export interface DraftingSource {
  rules?: DraftingRuleSource[];
  measureHeadings?: ByLanguage<string[]>;
  objectiveHeadings?: ByLanguage<string[]>;
  owner?: ByLanguage<string[]>;
  /**
   * Units under a measures heading that are not measures: prohibitions (禁止…, shall not) and
   * definitions (本条例所称…, "means"). The measure rules skip them.
   */
  notMeasure?: ByLanguage<string[]>;
  /** Owner words that name no one in particular ("relevant departments", 有关部门). */
  vagueOwner?: ByLanguage<string[]>;
  timeframe?: ByLanguage<string[]>;
  indicator?: ByLanguage<string[]>;
  vague?: ByLanguage<string[]>;
  /** What makes a commitment concrete: an instrument, amount or date in the same sentence. */
  concrete?: ByLanguage<string[]>;
  terminology?: TermSource[];
  structure?: StructurePartSource[];
  /** Measure field labels (Lead: / 牵头单位：) used by completions and the grammar. */
  measureFields?: ByLanguage<{ owner: string; timeframe: string; indicator: string }>;
}
