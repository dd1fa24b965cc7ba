import type { Localized, PassageRole, Severity } from '../types';

export { PASSAGE_ROLES, type PassageRole } from '../types';

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
  /** How a passage's role is read: the cues of its clause and the sections that set it. */
  roles?: RolesSource;
  /**
   * Named lexicons of actors and objects (the cluster's firms, schools, residents …), which
   * elements and facets name in `actors` to say who must, or must not, be what a passage is about.
   */
  actors?: Record<string, ByLanguage<string[]>>;
  /**
   * What a policy text is about. A text in which fewer than `share` of the commitments that match
   * any facet name one of `actors` (the cluster's firms) is about something else (road safety,
   * public tenders), and there a passage covers a facet only if it names them itself. A text with
   * fewer than `atLeast` such commitments is too short to tell. In a text about something else, a
   * facet needs `corroborate` passages that count (one by default): one stray sentence in such a
   * text is more often the framework's words used for its own subject than a measure.
   */
  focus?: {
    actors: string[];
    share: number;
    atLeast?: number;
    rivals?: string[];
    rivalShare?: number;
    corroborate?: number;
  };
  drafting?: DraftingSource;
}

/** The cue lexicons that give a sentence its role, by what they signal. */
export type RoleCue =
  'commitment' | 'action' | 'past' | 'problem' | 'definition' | 'prohibition' | 'exclusion' | 'formula';

/** The names of the cue lexicons. */
export const ROLE_CUES: readonly RoleCue[] = [
  'commitment',
  'action',
  'past',
  'problem',
  'definition',
  'prohibition',
  'exclusion',
  'formula',
];

/** Kinds of section whose heading sets the role of what they hold. */
export type SectionKind = 'background' | 'principles' | 'definitions' | 'penalties' | 'closing';

/** The names of the section kinds. */
export const SECTION_KINDS: readonly SectionKind[] = [
  'background',
  'principles',
  'definitions',
  'penalties',
  'closing',
];

/** How passages' roles are read: cue lexicons per language, and headings of sections. */
export interface RolesSource {
  /**
   * Cues, per language: `commitment` (will, shall, 应当, 将), `action` (a verb that acts: 支持,
   * 建设; in English an imperative at a sentence's start), `past` (what was done: has been, 已),
   * `problem` (面临…问题, "lack of"), `definition` (本办法所称, "means"), `prohibition` (不得,
   * "shall not", fines), `exclusion` (a deferral: 暂不, "covered by other strategies") and
   * `formula` (slogans and statutory formulas).
   */
  cues?: Partial<Record<RoleCue, ByLanguage<string[]>>>;
  /** Headings of sections whose passages take a role from them (背景, 指导思想, 法律责任 …). */
  sections?: Partial<Record<SectionKind, ByLanguage<string[]>>>;
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
  /** The passage roles that cover the element's facets (default: commitments only). */
  counts?: PassageRole[];
  /** Who or what a passage must, or must not, be about to cover the element's facets. */
  actors?: ActorRule;
  facets: FacetSource[];
}

/**
 * Who or what a passage must be about. The scope is the sentence, with its list's lead-in. `need`:
 * it names one of these actors (or its section's heading does); `not`: a passage that names one of
 * these and none of `unlessAlso` is about another actor or object, and does not count.
 */
export interface ActorRule {
  need?: string[];
  not?: string[];
  unlessAlso?: string[];
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
  /** The passage roles that cover this facet, replacing the element's `counts`. */
  counts?: PassageRole[];
  /** Who or what a passage must be about, replacing the element's `actors`. */
  actors?: ActorRule;
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

/** The drafting rules' lexicons: lists of patterns by language, each read, checked and merged alike. */
export const DRAFTING_LEXICONS = [
  'measureHeadings',
  'measureTitles',
  'deliveryHeadings',
  'objectiveHeadings',
  'notMeasure',
  'duty',
  'regulated',
  'owner',
  'vagueOwner',
  'timeframe',
  'indicator',
  'vague',
  'concrete',
] as const;

/** The lexicons of the drafting rules. */
export interface DraftingSource {
  rules?: DraftingRuleSource[];
  measureHeadings?: ByLanguage<string[]>;
  /**
   * Titles of drafts that are sets of measures as a whole (若干措施, "Action plan"): a draft with
   * no measures heading has its whole body read as measures when its title matches.
   */
  measureTitles?: ByLanguage<string[]>;
  /**
   * Sections on how the plan is delivered, overseen and funded ("Delivery and governance",
   * 组织实施): a section written as measures but under no measures heading is read as measures,
   * unless its heading is one of these. A measures heading still makes one a measures section.
   */
  deliveryHeadings?: ByLanguage<string[]>;
  objectiveHeadings?: ByLanguage<string[]>;
  owner?: ByLanguage<string[]>;
  /**
   * Units under a measures heading that are not measures: prohibitions (禁止…, shall not) and
   * definitions (本条例所称…, "means"). The measure rules skip them.
   */
  notMeasure?: ByLanguage<string[]>;
  /**
   * Words that put a duty on someone (应当, shall). A unit whose first duty falls on those the text
   * regulates (`regulated`: 市场开办者应当…, "no vehicle shall be parked") and on no owner is a rule
   * of conduct for them, not a measure of the plan.
   */
  duty?: ByLanguage<string[]>;
  /** Those a regulation lays duties on: operators, traders, sellers, firms, persons. */
  regulated?: ByLanguage<string[]>;
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
