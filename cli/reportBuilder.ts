/**
 * Puts the report together from the drafts' outcomes, in path order. A format written file by
 * file (SARIF too) goes to its sink (standard output, or the `--output` file) as it grows: the
 * main thread then holds a few numbers per draft, not two thousand reports. HTML is written whole
 * at the end.
 */
import type { RuleInfo } from '../engine';
import { addCounts, jsonReport, type JsonReport } from '../report/model';
import type { Format } from './args';
import type { TextSink } from './formats/runReport';
import { STREAM_FORMATS, type DraftOutcome, type OutcomeOptions } from './lintDraft';
import { formatHtml } from './formats/html';
import type { Formatter, FormatOptions, RunReport, StreamFormat } from './formats/runReport';
import { SarifWriter } from './formats/sarif';
import { VERSION } from './help';

const WHOLE_FORMATS: Partial<Record<Format, Formatter>> = { html: formatHtml };

/** What only the end of the run knows. */
export type RunContext = Pick<RunReport, 'notifications' | 'executionSuccessful' | 'rules' | 'groups'>;

/** Collects the outcomes of a run and writes the report. */
export class ReportBuilder {
  /** Error-level findings, every one (the exit code). */
  allErrors = 0;
  /** Warnings, every one, even those `--quiet` hides (`--max-warnings`). */
  allWarnings = 0;
  /** Each linted draft's coverage score, in path order (`--min-coverage`). */
  readonly scores: { path: string; score: number }[] = [];
  /** How many files could not be linted. */
  failedFiles = 0;

  private readonly stream: StreamFormat | undefined;
  /** How many drafts' messages were in each language, for the language of the report's own words. */
  private readonly languages = { en: 0, zh: 0 };
  private readonly sarif: SarifWriter | undefined;
  private readonly summary: JsonReport['summary'] = { files: 0, errors: 0, warnings: 0, information: 0, hints: 0 };
  /** The outcomes a whole-report format needs. */
  private readonly outcomes: DraftOutcome[] = [];
  private readonly problems = new Set<string>();

  constructor(
    /** The format, colour and `--quiet`: the same the worker threads were started with. */
    readonly outcomeOptions: OutcomeOptions,
    /** Where the report goes, as it grows. */
    private readonly sink: TextSink,
    /** The rules of the packs in use (SARIF lists them first). */
    rules: readonly RuleInfo[],
    /** Reports a problem the engine had with a draft (said once per draft and message). */
    private readonly problem: (line: string) => void,
  ) {
    this.stream = STREAM_FORMATS[outcomeOptions.format];
    this.sarif = outcomeOptions.format === 'sarif' ? new SarifWriter(sink, rules) : undefined;
    if (this.stream) this.write(this.stream.head());
  }

  private write(text: string): void {
    if (text) this.sink.write(text);
  }

  /** Takes the next draft's outcome, in path order. */
  take(outcome: DraftOutcome): void {
    if (this.stream) this.write(`${this.summary.files ? this.stream.between : ''}${outcome.text ?? ''}`);
    else if (this.sarif) this.sarif.file(outcome.draft?.report ?? outcome.failed!, outcome.draft, outcome.encoding);
    else this.outcomes.push(outcome);
    this.summary.files++;
    if (outcome.messageLanguage) this.languages[outcome.messageLanguage]++;
    addCounts(this.summary, outcome.shown);
    this.allErrors += outcome.all.error;
    this.allWarnings += outcome.all.warning;
    if (outcome.error !== undefined) this.failedFiles++;
    else if (outcome.score !== undefined) this.scores.push({ path: outcome.display, score: outcome.score });
    for (const p of outcome.problems) {
      const line = `${outcome.display}: ${p}`;
      if (this.problems.has(line)) continue;
      this.problems.add(line);
      this.problem(line);
    }
  }

  /** How the run's own words are written: `--lang`, or the language most drafts' messages are in. */
  private formatOptions(): FormatOptions {
    const { lang, color } = this.outcomeOptions;
    if (lang !== 'auto') return { color, lang };
    return { color, lang: this.languages.zh > this.languages.en ? 'zh' : 'en' };
  }

  /** Writes what is left: the report's end, or a whole-report format's whole text. */
  finish(context: () => RunContext): void {
    if (this.stream) {
      const ctx = context();
      this.write(
        this.stream.tail(
          { summary: this.summary, failed: this.failedFiles, notifications: ctx.notifications },
          this.formatOptions(),
        ),
      );
    } else if (this.sarif) {
      const ctx = context();
      this.sarif.finish(ctx.notifications, ctx.executionSuccessful);
    } else {
      const files = this.outcomes.map((o) => o.draft?.report ?? o.failed!);
      const report: RunReport = {
        ...context(),
        json: jsonReport(VERSION, files),
        drafts: this.outcomes.map((o) => o.draft),
        encodings: this.outcomes.map((o) => o.encoding),
      };
      this.write(WHOLE_FORMATS[this.outcomeOptions.format]!(report, this.formatOptions()));
    }
  }
}
