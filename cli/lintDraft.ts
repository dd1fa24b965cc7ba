/**
 * Reads, lints and (for the formats written file by file) formats one draft, keeping only plain
 * data and text, so the same code runs in the main thread and in a worker thread (compiled packs
 * hold RegExps and cannot cross threads; their sources can).
 */
import { combinePacks, builtinPackSource, lint, type Pack, type PackSource, type RuleSetting } from '../engine';
import {
  failedFileReport,
  fileReport,
  severityCounts,
  toLocation1,
  type FileReport,
  type SeverityCounts,
} from '../report/model';
import type { Format } from './args';
import type { LanguageSetting } from '../project/config';
import { decodeDraft, type TextEncodingName } from '../project/decode';
import { describeFsError, formatBytes, readRegularFileSync } from '../project/fileSystem';
import type { TimeBudget } from '../project/limits';
import { formatSeconds, TimeBudgetExceeded, withinTime } from '../project/timeBudget';
import { githubFormat } from './formats/github';
import { jsonFormat } from './formats/json';
import type { GroupCounts, LintedDraft, StreamFormat } from './formats/runReport';
import { stylishFormat } from './formats/stylish';

/** The formats written file by file; the others are written whole at the end (see `reportBuilder.ts`). */
export const STREAM_FORMATS: Partial<Record<Format, StreamFormat>> = {
  json: jsonFormat,
  stylish: stylishFormat,
  github: githubFormat,
};

/** One draft to lint, with the settings its configuration resolved to. */
export interface LintTask {
  display: string;
  /** Where to read the draft (absent when `text` is given). */
  absolute?: string;
  /** The draft's bytes when they are already read (standard input). */
  bytes?: Uint8Array;
  rules: Record<string, RuleSetting>;
  language: LanguageSetting;
  /** Which set of user packs applies: a key of the pack sets the run loaded. */
  packKey: string;
  /** The display paths of those packs, to name them when the draft's check takes too long. */
  packNames?: string[];
}

/** How the run wants each draft's outcome. */
export interface OutcomeOptions {
  format: Format;
  color: boolean;
  /** `--lang`: the language of everything written, or `auto` to follow each draft and its configuration. */
  lang: 'auto' | 'en' | 'zh';
  /** Errors only (`--quiet`); the counts in `all` still count everything. */
  quiet: boolean;
  /** The largest draft linted, in bytes (`--max-size`). */
  maxDraftBytes: number;
  /** How long one draft's lint may take, in milliseconds (`--timeout`). */
  timeoutMs: number;
}

/**
 * What the main thread keeps of one draft: a few numbers, and either the draft's text in a format
 * written file by file, or the data a whole-report format needs.
 */
export interface DraftOutcome {
  display: string;
  encoding?: TextEncodingName;
  /** The language the draft's messages were written in. */
  messageLanguage?: 'en' | 'zh';
  /** Why the draft could not be linted. */
  error?: string;
  /** Every finding, counted, for the thresholds (even those `--quiet` hides). */
  all: SeverityCounts;
  /** The findings shown, counted, for the report's summary. */
  shown: SeverityCounts;
  score?: number;
  /** Problems the engine reported while linting (a rule that failed, an option it refused). */
  problems: string[];
  /** The draft's text in a stream format. */
  text?: string;
  /** For a whole-report format. */
  draft?: LintedDraft;
  /** For a whole-report format: the report of a draft that could not be linted. */
  failed?: FileReport;
}

/** Compiles each set of packs once per thread. */
export class PackCache {
  private readonly compiled = new Map<string, Pack>();

  constructor(private readonly sets: Readonly<Record<string, PackSource[]>>) {}

  get(key: string): Pack {
    let pack = this.compiled.get(key);
    if (!pack) {
      pack = combinePacks(builtinPackSource(), this.sets[key] ?? []);
      this.compiled.set(key, pack);
    }
    return pack;
  }
}

/** The bytes of a draft, or the sentence saying why they cannot be read. */
export type ReadResult = { bytes: Uint8Array } | { error: string };

/**
 * Reads a draft's bytes from the disk, synchronously: in a pool's threads, every read is followed
 * by CPU work anyway, and a synchronous read costs far less than a promise's round trip.
 */
export function readFromDisk(task: LintTask, maxDraftBytes: number): ReadResult {
  if (task.bytes)
    return task.bytes.length > maxDraftBytes ? { error: tooLargeReason(maxDraftBytes) } : { bytes: task.bytes };
  if (task.absolute === undefined) return { bytes: new Uint8Array() };
  try {
    return { bytes: readRegularFileSync(task.absolute, maxDraftBytes) };
  } catch (error) {
    return { error: readErrorReason(error, maxDraftBytes) };
  }
}

/** Why a draft could not be read, in the report's words. */
export function readErrorReason(error: unknown, maxDraftBytes: number): string {
  return (error as { code?: unknown } | null)?.code === 'EFBIG'
    ? tooLargeReason(maxDraftBytes)
    : describeFsError(error);
}

function tooLargeReason(maxDraftBytes: number): string {
  return `it is larger than ${formatBytes(maxDraftBytes)}, the limit (--max-size), so it is not linted`;
}

/**
 * Decodes, lints and formats one draft. Never throws for a draft's content. `budget` keeps the
 * lint to the run's time budget: `withinTime` in the main thread; a pool's worker lints without
 * one, since the pool ends a worker that overruns (a timed call costs each lint a watchdog
 * thread).
 */
export function lintRead(
  task: LintTask,
  read: ReadResult,
  packs: PackCache,
  options: OutcomeOptions,
  budget: TimeBudget = withinTime,
): DraftOutcome {
  const decoded = 'bytes' in read ? decodeDraft(read.bytes) : { ok: false as const, reason: read.error };
  if (!decoded.ok) return failedOutcome(task.display, decoded.reason, options);
  const { text, encoding } = decoded;
  const messageLanguage = options.lang === 'auto' ? task.language : options.lang;
  let result;
  try {
    // The pack is compiled outside the budget: it is the run's, not this draft's.
    const pack = packs.get(task.packKey);
    result = budget(options.timeoutMs, () => lint(text, { pack, rules: task.rules, messageLanguage }));
  } catch (error) {
    if (error instanceof TimeBudgetExceeded)
      return failedOutcome(task.display, overrunReason(task, text.length, options.timeoutMs), options);
    // A bug the draft brings out must cost this draft, not the run.
    return failedOutcome(
      task.display,
      `its check failed with an internal error (${error instanceof Error ? error.name : 'error'}), so it is not linted; please report it`,
      options,
    );
  }
  const full = fileReport(task.display, result);
  const all = severityCounts(full.diagnostics);
  const keep = options.quiet
    ? full.diagnostics.map((d, i) => (d.severity === 'error' ? i : -1)).filter((i) => i >= 0)
    : undefined;
  const report = keep ? { ...full, diagnostics: keep.map((i) => full.diagnostics[i]!) } : full;
  const groups: GroupCounts = result.coverage.groups.map((g) => ({
    id: g.id,
    covered: g.covered,
    partial: g.partial,
    total: g.total,
  }));
  const outcome: DraftOutcome = {
    display: task.display,
    encoding,
    messageLanguage: result.messageLanguage,
    all,
    shown: keep ? severityCounts(report.diagnostics) : all,
    score: result.coverage.score,
    problems: result.problems.map((p) => p.message),
  };
  const stream = STREAM_FORMATS[options.format];
  if (stream) {
    outcome.text = stream.file(report, groups, { color: options.color, lang: result.messageLanguage });
    return outcome;
  }
  // Only the whole-report formats print fixes in full (SARIF), so only they pay for converting them.
  const findings = keep ? keep.map((i) => result.findings[i]!) : result.findings;
  const fixes = findings.map((f) =>
    f.fix
      ? { title: f.fix.title, edits: f.fix.edits.map((e) => ({ ...toLocation1(e.range), text: e.newText })) }
      : undefined,
  );
  outcome.draft = { report, fixes, groups };
  return outcome;
}

/**
 * Why a draft's check was stopped: its time, and what can make a check slow here. A pattern of the
 * workspace's packs can still be slow on some texts although it passed the load-time checks;
 * otherwise only the draft's size can.
 */
export function overrunReason(task: LintTask, length: number | undefined, timeoutMs: number): string {
  const took = `its check took longer than ${formatSeconds(timeoutMs)} (--timeout) and was stopped, so it is not linted`;
  const size = length === undefined ? '' : ` (the draft has ${length.toLocaleString('en')} characters)`;
  return task.packNames?.length
    ? `${took}; a pattern of ${task.packNames.join(', ')} may be too slow for it${size}`
    : `${took}${size}`;
}

/** The outcome of a draft that could not be read or decoded. */
export function failedOutcome(display: string, error: string, options: OutcomeOptions): DraftOutcome {
  const report = failedFileReport(display, error);
  const outcome: DraftOutcome = { display, error, all: severityCounts([]), shown: severityCounts([]), problems: [] };
  const stream = STREAM_FORMATS[options.format];
  if (stream) outcome.text = stream.file(report, undefined, { color: options.color, lang: fixedLanguage(options) });
  else outcome.failed = report;
  return outcome;
}

/** The language `--lang` fixes for the tool's own words, English when it follows the drafts. */
export function fixedLanguage(options: OutcomeOptions): 'en' | 'zh' {
  return options.lang === 'auto' ? 'en' : options.lang;
}
