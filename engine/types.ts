/**
 * The engine's plain data types. Nothing here knows about LSP, VS Code or files: the shells convert
 * these to their own types (LSP ranges, CLI's 1-based columns, SARIF regions) in one place each.
 */

/** A zero-based position; `character` counts UTF-16 code units, as LSP and JavaScript strings do. */
export interface Position {
  line: number;
  character: number;
}

/** A half-open range between two positions. */
export interface Range {
  start: Position;
  end: Position;
}

/** A half-open span of the source text in UTF-16 offsets; the engine's own currency. */
export interface Span {
  start: number;
  end: number;
}

/** How loudly a finding is reported; the same four levels as LSP and the CLI contract. */
export type Severity = 'error' | 'warning' | 'information' | 'hint';

/** A rule's configured level: a severity, or `off` to disable it. */
export type RuleLevel = Severity | 'off';

/** The language a draft is written in, detected from its prose. */
export type DraftLanguage = 'en' | 'zh' | 'mixed';

/** The language messages, hovers and inserted templates are written in. */
export type MessageLanguage = 'en' | 'zh';

/** A text in each message language; packs give every user-facing string this way. */
export interface Localized {
  en: string;
  zh: string;
}

/** A passage of the draft that satisfied a facet. */
export interface Evidence {
  span: Span;
  range: Range;
  /** The passage's prose with markup removed and whitespace collapsed, for reports and hovers. */
  text: string;
  /** What the passage is: a commitment, or (for facets that count it) a description of the cluster. */
  role?: PassageRole;
  /** The passage stands in a section of measures or objectives. */
  inMeasures?: boolean;
}

/** Whether one facet of an element is covered, and by which passages. */
export interface FacetCoverage {
  id: string;
  title: Localized;
  covered: boolean;
  evidence: Evidence[];
}

/** The coverage status of an element; `off` when disabled by configuration or a directive. */
export type ElementStatus = 'covered' | 'partial' | 'missing' | 'off';

/** The coverage of one element of the framework. */
export interface ElementCoverage {
  id: string;
  group: string;
  title: Localized;
  /** How many facets must be covered for the element to count as covered. */
  k: number;
  status: ElementStatus;
  facets: FacetCoverage[];
}

/** A group of elements (A to D in the built-in pack) and how many of its elements are covered. */
export interface GroupCoverage {
  id: string;
  title: Localized;
  covered: number;
  partial: number;
  missing: number;
  /** Elements that are not `off`. */
  total: number;
}

/** The coverage of a whole draft. */
export interface CoverageReport {
  /** (covered + ½·partial) / (elements not off), from 0 to 1; 1 when every element is off. */
  score: number;
  elements: ElementCoverage[];
  groups: GroupCoverage[];
  /**
   * Set when the text reads as being about something else than the cluster's firms (road
   * safety, a sports plan): few of its commitments name the firms, or as many name the public
   * or schools. There a facet counts only passages that name the firms, and needs the pack's
   * `focus.corroborate` of them, so a reader told why a facet is not covered.
   */
  offTopic?: boolean;
}

/** An insertion or replacement in the draft. Quick fixes only ever insert, or replace a term. */
export interface TextEdit {
  span: Span;
  range: Range;
  newText: string;
}

/** An edit a quick fix applies, with the title an editor shows for it. */
export interface Fix {
  title: string;
  edits: TextEdit[];
  /**
   * The fix inserts placeholders for the drafter to fill in (a template section, a measure's
   * missing fields), so a "fix all" that may run on every save leaves it to the drafter.
   */
  placeholders?: boolean;
}

/** What kind of rule produced a finding. */
export type RuleKind = 'coverage' | 'drafting';

/** One reported problem in a draft. */
export interface Finding {
  ruleId: string;
  kind: RuleKind;
  severity: Severity;
  message: string;
  span: Span;
  range: Range;
  /** The facet a coverage finding is about, when it is about one facet. */
  facet?: string;
  /**
   * For a finding that stands for several rules at one place (a measure that lacks a lead body and
   * a deadline): every rule it reports, `ruleId` first, each with its own severity. `severity` is
   * the highest of them.
   */
  parts?: { ruleId: string; severity: Severity }[];
  fix?: Fix;
}

/** A problem with a rule pack or with options, reported against the pack or configuration. */
export interface ConfigProblem {
  /** The pack or configuration source this problem is about (a file path, or `<built-in>`). */
  source: string;
  message: string;
  /** Zero-based position in the source, when known. */
  range?: Range;
  /** The rule the problem is about, when it is about one (an unknown id, a bad `k`). */
  ruleId?: string;
}

/**
 * What a passage does in a draft. Only a commitment covers a facet, unless the facet says what
 * else counts (`counts`): a description of the cluster's state, say.
 */
export type PassageRole =
  'commitment' | 'statement' | 'problem' | 'definition' | 'prohibition' | 'exclusion' | 'formula';

/** The passage roles, in the order a pack may name them. */
export const PASSAGE_ROLES: readonly PassageRole[] = [
  'commitment',
  'statement',
  'problem',
  'definition',
  'prohibition',
  'exclusion',
  'formula',
];
