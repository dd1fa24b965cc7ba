import type { Localized, RuleInfo } from '../../engine';
import type { JsonReport } from '../../report/model';
import type { TextEncodingName } from '../decode';
import type { LintedDraft } from '../lintDraft';

/** A problem with the run rather than with a draft: a broken pack, an operand that matched nothing. */
export interface RunNotification {
  level: 'error' | 'warning' | 'note';
  message: string;
  /** The display path of the file it is about (a pack or configuration file), when there is one. */
  file?: string;
  line?: number;
  column?: number;
}

/** Everything a formatter may use. `json` is the contract's report; the rest is extra detail. */
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

/** Writes a report as text. */
export type Formatter = (report: RunReport, options: { color: boolean }) => string;
