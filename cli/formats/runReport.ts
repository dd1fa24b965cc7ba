import type { Localized, RuleInfo } from '../../engine';
import type { FileReport, JsonReport, Location1 } from '../../report/model';
import type { TextEncodingName } from '../../project/decode';

/** A stream the CLI writes text to. */
export interface TextSink {
  write(text: string): unknown;
}

/** A quick fix with all its edits, for SARIF (the JSON contract keeps only the first edit). */
export interface FullFix {
  title: string;
  edits: (Location1 & { text: string })[];
}

/** Coverage per group, for the stylish coverage line. */
export type GroupCounts = { id: string; covered: number; partial: number; total: number }[];

/** What the whole-report formats keep of one lint. */
export interface LintedDraft {
  report: FileReport;
  /** The fix of each diagnostic in `report.diagnostics`, by index (SARIF prints them whole). */
  fixes: (FullFix | undefined)[];
  groups: GroupCounts;
}

/** A problem with the run rather than with a draft: a broken pack, an operand that matched nothing. */
export interface RunNotification {
  level: 'error' | 'warning' | 'note';
  message: string;
  /** The display path of the file it is about (a pack or configuration file), when there is one. */
  file?: string;
  line?: number;
  column?: number;
}

/** Everything a whole-report formatter may use. `json` is the contract's report; the rest is extra detail. */
export interface RunReport {
  json: JsonReport;
  /** Per file of `json.files`, by index: the lint's extra detail, absent for a failed file. */
  drafts: (LintedDraft | undefined)[];
  /** Per file of `json.files`, by index: the encoding it was read in. */
  encodings: (TextEncodingName | undefined)[];
  /** The rules of every pack in use, built-in first. */
  rules: RuleInfo[];
  /** The element groups of the packs in use. */
  groups: { id: string; title: Localized }[];
  notifications: RunNotification[];
  /** Whether the run as a whole worked (false when the exit code is 2). */
  executionSuccessful: boolean;
}

/** How a report is written. */
export interface FormatOptions {
  color: boolean;
  /**
   * The language of the tool's own words: for one file's text, the language of its messages; for
   * the run's head and tail and a whole report, `--lang` or the language most files' messages are in.
   */
  lang: 'en' | 'zh';
}

/** Writes a whole report at once (SARIF and HTML need every file before they can begin). */
export type Formatter = (report: RunReport, options: FormatOptions) => string;

/** What is known once every file is written: the end of a streamed report. */
export interface RunEnd {
  summary: JsonReport['summary'];
  /** How many files could not be linted. */
  failed: number;
  notifications: RunNotification[];
}

/**
 * A format written file by file, in path order, as the drafts are linted: the report of two
 * thousand drafts is never held whole. `file` runs where the draft was linted (a worker thread),
 * so it gets plain data and returns text; `head`, `between` and `tail` join the texts.
 */
export interface StreamFormat {
  head(): string;
  file(file: FileReport, groups: GroupCounts | undefined, options: FormatOptions): string;
  /** Written between two files' texts. */
  between: string;
  tail(end: RunEnd, options: FormatOptions): string;
}
