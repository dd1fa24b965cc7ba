/**
 * The command line as a function: `main` takes the arguments, the current folder, the streams and
 * (optionally) a file system, and returns the exit code. `cli/bin.ts` wires it to the process; the
 * tests call it directly. Nothing here calls `process.exit` or reads `process` globals.
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { Worker } from 'node:worker_threads';
import { builtinPack, type Pack, type PackSource, type RuleInfo, type RuleSetting } from '../engine';
import { parseArgs, UsageError, type CliArgs } from './args';
import { CONFIG_NAMES, ConfigResolver, starterConfig, type ConfigIssue, type ResolvedConfig } from '../project/config';
import { describeFsError, nodeFileSystem, type CliFileSystem, type FileWriter } from '../project/fileSystem';
import { compare, expandOperands } from '../project/files';
import { formatRuleList, formatRuleListJson } from './formats/rules';
import type { RunNotification, TextSink } from './formats/runReport';
import { helpText, localeLanguage, VERSION, type CliLanguage } from './help';
import {
  failedOutcome,
  readErrorReason,
  readFromDisk,
  type LintTask,
  type OutcomeOptions,
  type ReadResult,
} from './lintDraft';
import { combineSafely, loadPackFiles } from '../project/packFiles';
import { lintEach, POOL_THRESHOLD, WorkerPool } from './pool';
import { displayPath, isGlob } from '../project/paths';
import { ReportBuilder } from './reportBuilder';

/** A draft to lint, or an operand that cannot be read, in the report's order. */
type RunEntry = { task: LintTask } | { unreadable: { display: string; reason: string } };

/** Everything `main` needs from outside. */
export interface MainOptions {
  /** The arguments after the executable's name. */
  argv: readonly string[];
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
  /** Standard input, read only for the operand `-`. */
  stdin?: AsyncIterable<Uint8Array | string> | Uint8Array | string;
  stdout: TextSink;
  stderr: TextSink;
  /** Whether standard output / standard error are terminals (colour, progress line). */
  isTTY?: { stdout?: boolean; stderr?: boolean };
  /** The file system; the real disk when absent. */
  fs?: CliFileSystem;
  /**
   * The worker script of the lint pool; by default `cli-worker.js` next to this bundle when it is
   * there. `null` keeps every lint in this thread.
   */
  workerScript?: string | null;
  /**
   * A lint worker already starting from that script (the executable starts one before it loads
   * this module). The run uses it, or leaves it to the caller to end when it lints nothing.
   */
  worker?: Worker;
}

/** Runs the command line; resolves to the exit code (0, 1 or 2, as the contract says). */
export async function main(options: MainOptions): Promise<number> {
  const say = (text: string) => options.stderr.write(`${text}\n`);
  let args: CliArgs;
  try {
    args = parseArgs(options.argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    say(`cluster-policy-lint: ${error.message}\nRun cluster-policy-lint --help to see the options.`);
    return 2;
  }
  if (args.help)
    return (options.stdout.write(helpText(args.lang === 'auto' ? localeLanguage(options.env) : args.lang)), 0);
  if (args.version) return (options.stdout.write(`${VERSION}\n`), 0);
  return new Run(options, args).go();
}

/** One run of the command line, with its options and what it has found so far. */
class Run {
  private readonly fs: CliFileSystem;
  private readonly cwd: string;
  private readonly notifications: RunNotification[] = [];
  /** Set when the run itself failed: the exit code is then 2, whatever the findings. */
  private failed = false;

  constructor(
    private readonly options: MainOptions,
    private readonly args: CliArgs,
  ) {
    this.fs = options.fs ?? nodeFileSystem;
    this.cwd = options.cwd;
  }

  private say(text: string): void {
    this.options.stderr.write(`${text}\n`);
  }

  private display(absolute: string): string {
    return displayPath(this.cwd, absolute);
  }

  /** Reports a problem with the run on standard error (and in formats that have room for it). */
  private fail(
    message: string,
    at?: { file: string; line?: number; column?: number },
    level: RunNotification['level'] = 'error',
  ): void {
    if (level === 'error') this.failed = true;
    const where = at
      ? `${this.display(at.file)}${at.line ? `:${at.line}${at.column ? `:${at.column}` : ''}` : ''}: `
      : 'cluster-policy-lint: ';
    this.say(`${where}${message}`);
    const n: RunNotification = { level, message };
    if (at) {
      n.file = this.display(at.file);
      if (at.line !== undefined) n.line = at.line;
      if (at.column !== undefined) n.column = at.column;
    }
    this.notifications.push(n);
  }

  private reportIssues(issues: readonly ConfigIssue[]): void {
    for (const issue of issues) this.fail(issue.message, issue);
  }

  async go(): Promise<number> {
    const { args } = this;
    if (args.init) return this.init();
    let explicitConfig: string | undefined;
    if (args.config) {
      explicitConfig = path.resolve(this.cwd, args.config);
      let found;
      try {
        found = await this.fs.stat(explicitConfig);
      } catch (error) {
        this.say(
          `cluster-policy-lint: the configuration file ${args.config} cannot be read: ${describeFsError(error)}.`,
        );
        return 2;
      }
      if (!found?.isFile) {
        this.say(`cluster-policy-lint: the configuration file ${args.config} does not exist.`);
        return 2;
      }
    }
    const config = new ConfigResolver(this.fs, this.cwd, explicitConfig);
    if (args.printConfig) return this.printConfig(config, path.resolve(this.cwd, args.printConfig));
    if (args.listRules) return this.listRules(config);
    if (args.stdinFilename && !args.operands.includes('-')) {
      this.say(
        'cluster-policy-lint: --stdin-filename names the draft read from standard input; add the operand - to read it.',
      );
      return 2;
    }

    // Workers start now when the run looks large, so that their start overlaps the file search.
    const pool = this.startPool(args);
    try {
      return await this.lintDrafts(config, pool);
    } finally {
      pool?.close();
    }
  }

  /** Finds the drafts, reads their configuration and packs, lints them and writes the report. */
  private async lintDrafts(config: ConfigResolver, pool: WorkerPool | undefined): Promise<number> {
    const { args } = this;
    const expansion = await expandOperands(args.operands, {
      fs: this.fs,
      cwd: this.cwd,
      config,
      ...(args.stdinFilename ? { stdinFilename: args.stdinFilename } : {}),
    });
    const configs = await Promise.all(expansion.drafts.map((d) => config.resolve(d.absolute)));
    const packs = await loadPackFiles(
      this.fs,
      configs.flatMap((c) => c.packs),
      (p) => this.display(p),
    );
    const allSources = [...packs.sources.values()];
    const combined = combineSafely(allSources);
    if (combined.problem) this.fail(combined.problem);
    await config.checkRuleIds(combined.pack.rules, { unknownAllowed: packs.issues.length > 0 });
    if (config.issues.length) {
      // A broken configuration would make every finding doubtful: say where, and lint nothing.
      this.reportIssues(config.issues);
      return 2;
    }
    this.reportIssues(packs.issues);
    for (const note of expansion.notes) this.say(`cluster-policy-lint: ${note}`);
    for (const unmatched of expansion.unmatched) this.fail(unmatched);

    const known = new Set(combined.pack.rules.map((r) => r.id));
    const packSets: Record<string, PackSource[]> = {};
    // Every draft to lint and every operand that cannot be read, in the report's order (by path).
    const entries: RunEntry[] = [];
    for (const [i, draft] of expansion.drafts.entries()) {
      const resolved = configs[i]!;
      const used = resolved.packs.filter((p) => packs.sources.has(p));
      const packKey = used.join('\n');
      packSets[packKey] ??= resolved.packs.flatMap((p) => packs.sources.get(p) ?? []);
      const task: LintTask = {
        display: draft.display,
        rules: knownRules(resolved, known),
        language: resolved.language,
        packKey,
      };
      if (used.length) task.packNames = used.map((p) => this.display(p));
      if (draft.stdin) {
        try {
          task.bytes = await readStdin(this.options.stdin, args.maxDraftBytes);
        } catch (error) {
          entries.push({
            unreadable: { display: draft.display, reason: `standard input cannot be read: ${describeFsError(error)}` },
          });
          continue;
        }
      } else task.absolute = draft.absolute;
      entries.push({ task });
    }
    for (const unreadable of expansion.unreadable) entries.push({ unreadable });
    const displayOf = (e: (typeof entries)[number]) => ('task' in e ? e.task.display : e.unreadable.display);
    entries.sort((a, b) => compare(displayOf(a), displayOf(b)));

    // With --output the report is written as it grows too, to a file put in place once complete.
    let output: { file: FileWriter; path: string } | undefined;
    if (args.output !== undefined) {
      const file = await this.openOutput(args.output);
      if (!file) return 2;
      output = { file, path: args.output };
    }
    try {
      return await this.lintAndReport(entries, packSets, combined.pack, pool, output);
    } finally {
      // Once committed there is nothing to drop; before, the run stopped short of a whole report.
      await output?.file.discard();
    }
  }

  /** Lints the drafts and writes the report, to standard output or to the `--output` file; returns the exit code. */
  private async lintAndReport(
    entries: RunEntry[],
    packSets: Record<string, PackSource[]>,
    pack: Pack,
    pool: WorkerPool | undefined,
    output: { file: FileWriter; path: string } | undefined,
  ): Promise<number> {
    const report = new ReportBuilder(this.outcomeOptions(), output?.file ?? this.options.stdout, pack.rules, (line) =>
      this.fail(line),
    );
    const tasks: LintTask[] = [];
    const entryOfTask: number[] = [];
    entries.forEach((e, i) => {
      if ('task' in e) {
        entryOfTask.push(i);
        tasks.push(e.task);
      }
    });
    // The operands that cannot be read take their turn between the drafts, in path order.
    let cursor = 0;
    const takeUnreadable = (upTo: number) => {
      for (; cursor < upTo; cursor++) {
        const e = entries[cursor]!;
        if ('unreadable' in e)
          report.take(failedOutcome(e.unreadable.display, e.unreadable.reason, report.outcomeOptions));
      }
    };
    const progress = this.progress(tasks.length);
    await lintEach(tasks, {
      packSets,
      outcome: report.outcomeOptions,
      read: (task) => this.readTask(task),
      ...(pool ? { pool } : {}),
      onOutcome: (outcome, i) => {
        takeUnreadable(entryOfTask[i]!);
        report.take(outcome);
        cursor++;
        progress.update(i + 1);
      },
    });
    takeUnreadable(entries.length);
    progress.done();
    // A draft that cannot be linted fails the run (exit 2), but only after the others are linted.
    if (report.failedFiles) this.failed = true;

    // Thresholds are judged on every finding, even those --quiet hides, so --quiet cannot pass a gate.
    const thresholdsFailed = this.checkThresholds(report.allWarnings, report.scores);
    report.finish(() => ({
      notifications: this.notifications,
      executionSuccessful: !this.failed,
      rules: pack.rules,
      groups: pack.groups.map((g) => ({ id: g.id, title: g.title })),
    }));
    if (output && !(await this.commit(output.file, output.path))) return 2;
    if (this.failed) return 2;
    return report.allErrors > 0 || thresholdsFailed ? 1 : 0;
  }

  /** Reads a draft in this thread (the worker threads read their own). */
  private async readTask(task: LintTask): Promise<ReadResult> {
    // On the real disk a synchronous read is cheaper than a trip through the thread pool, and the
    // lint that follows is synchronous anyway.
    const max = this.args.maxDraftBytes;
    if (task.bytes || this.fs === nodeFileSystem) return readFromDisk(task, max);
    try {
      return { bytes: await this.fs.readFile(task.absolute!, max) };
    } catch (error) {
      return { error: readErrorReason(error, max) };
    }
  }

  /** `--max-warnings` and `--min-coverage`, each failure said on standard error. */
  private checkThresholds(warnings: number, scores: readonly { path: string; score: number }[]): boolean {
    let failed = false;
    const { maxWarnings, minCoverage } = this.args;
    if (maxWarnings !== undefined && warnings > maxWarnings) {
      failed = true;
      this.say(
        `cluster-policy-lint: ${warnings} warnings, more than --max-warnings ${maxWarnings}${this.args.quiet ? ' (they are hidden by --quiet)' : ''}.`,
      );
    }
    if (minCoverage !== undefined) {
      for (const { path: file, score } of scores) {
        if (score * 100 >= minCoverage) continue;
        failed = true;
        this.say(
          `cluster-policy-lint: the coverage of ${file} is ${percent(score, minCoverage)}, below --min-coverage ${minCoverage}.`,
        );
      }
    }
    return failed;
  }

  /** Writes a text made whole (the rule list) to standard output or to the `--output` file. */
  private async emit(text: string): Promise<boolean> {
    if (this.args.output === undefined) {
      this.options.stdout.write(text);
      return true;
    }
    const file = await this.openOutput(this.args.output);
    if (!file) return false;
    file.write(text);
    return this.commit(file, this.args.output);
  }

  /** Starts the `--output` file, or says why it cannot be written. */
  private async openOutput(output: string): Promise<FileWriter | undefined> {
    try {
      return await this.fs.createFile(path.resolve(this.cwd, output));
    } catch (error) {
      this.cannotWrite(output, error);
      return undefined;
    }
  }

  /**
   * Puts the `--output` file in place. It appears only whole: a run that fails to write it, or
   * stops before the end, leaves what was there before.
   */
  private async commit(file: FileWriter, output: string): Promise<boolean> {
    try {
      await file.commit();
      return true;
    } catch (error) {
      this.cannotWrite(output, error);
      return false;
    }
  }

  private cannotWrite(output: string, error: unknown): void {
    this.say(`cluster-policy-lint: the report cannot be written to ${output}: ${describeFsError(error, 'write')}.`);
  }

  private color(): boolean {
    if (this.args.color !== undefined) return this.args.color;
    if (this.args.output) return false;
    const env = this.options.env;
    if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
    if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0') return true;
    return this.options.isTTY?.stdout === true;
  }

  /**
   * The worker threads that lint the drafts, so that this thread stays free to answer an
   * interrupt at once. One worker, or one per core when the run looks large: a glob, or more
   * files and folder entries than the pool threshold (no operand is the current folder).
   * Undefined where there is no worker script (a test bundle) or the drafts are not on the disk;
   * this thread lints them then. They start before the file search so that their start overlaps it.
   */
  private startPool(args: CliArgs): WorkerPool | undefined {
    if (this.options.workerScript === null || this.fs !== nodeFileSystem) return undefined;
    // In the bundle, the worker sits next to this file; in a test bundle there is none.
    const script = this.options.workerScript ?? path.join(__dirname, 'cli-worker.js');
    if (!existsSync(script)) return undefined;
    return WorkerPool.start(script, this.looksLarge(args), this.options.worker);
  }

  /**
   * Whether a run looks like it will lint many drafts. Each file operand counts one; each folder
   * its entries, and as many as the threshold if it has a subfolder (not a hidden one), whose
   * drafts are not counted here. Only the operands' own listings are read; one that cannot be read
   * counts as large, and the search reports it.
   */
  private looksLarge(args: CliArgs): boolean {
    const operands = args.operands.length === 0 ? ['.'] : args.operands.filter((o) => o !== '-');
    if (operands.some(isGlob)) return true;
    let count = 0;
    for (const operand of operands) {
      if (/\.(md|markdown)$/i.test(operand)) {
        count++;
        continue;
      }
      try {
        const entries = readdirSync(path.resolve(this.cwd, operand), { withFileTypes: true });
        count += entries.some((e) => e.isDirectory() && !e.name.startsWith('.')) ? POOL_THRESHOLD + 1 : entries.length;
      } catch {
        count += POOL_THRESHOLD + 1;
      }
      if (count > POOL_THRESHOLD) return true;
    }
    return false;
  }

  /** What every draft's outcome is made for: the format, colour and `--quiet`. */
  private outcomeOptions(): OutcomeOptions {
    const { format, quiet, lang, maxDraftBytes, timeoutMs } = this.args;
    return { format, color: this.color(), quiet, lang, maxDraftBytes, timeoutMs };
  }

  /** A progress line on standard error, only on a terminal, so logs and pipes stay clean. */
  private progress(total: number): { update: (done: number) => void; done: () => void } {
    if (!this.options.isTTY?.stderr || total < 2) return { update: () => {}, done: () => {} };
    const step = Math.max(1, Math.floor(total / 50));
    return {
      update: (done) => {
        if (done % step === 0 || done === total) this.options.stderr.write(`\rLinting ${done}/${total} drafts…`);
      },
      done: () => this.options.stderr.write('\r\u001b[K'),
    };
  }

  private async init(): Promise<number> {
    for (const name of CONFIG_NAMES) {
      if (await this.fs.stat(path.join(this.cwd, name)).catch(() => true)) {
        this.say(`cluster-policy-lint: there is already a configuration here (${name}); --init never overwrites one.`);
        return 2;
      }
    }
    const file = path.join(this.cwd, CONFIG_NAMES[0]);
    try {
      await this.fs.writeFile(file, starterConfig(builtinPack().rules, this.ownLanguage()));
    } catch (error) {
      this.say(`cluster-policy-lint: ${CONFIG_NAMES[0]} cannot be written: ${describeFsError(error, 'write')}.`);
      return 2;
    }
    this.options.stdout.write(
      this.ownLanguage() === 'zh'
        ? `已写入 ${CONFIG_NAMES[0]}：一份初始配置，列出了所有规则，均已注释。\n`
        : `Wrote ${CONFIG_NAMES[0]}: a starter configuration with every rule listed and commented out.\n`,
    );
    return 0;
  }

  /**
   * The language of the tool's own words where there are no drafts to follow (`--init`,
   * `--list-rules`): `--lang`, then the configuration's `language` here, then the locale.
   */
  private ownLanguage(configured: 'auto' | 'en' | 'zh' = 'auto'): CliLanguage {
    if (this.args.lang !== 'auto') return this.args.lang;
    if (configured !== 'auto') return configured;
    return localeLanguage(this.options.env);
  }

  private async printConfig(config: ConfigResolver, draft: string): Promise<number> {
    const resolved = await config.resolve(draft);
    const ignoredBy = await config.ignoredBy(draft);
    const packs = await loadPackFiles(this.fs, resolved.packs, (p) => this.display(p));
    await config.checkRuleIds(combineSafely([...packs.sources.values()]).pack.rules, {
      unknownAllowed: packs.issues.length > 0,
    });
    this.reportIssues([...config.issues, ...packs.issues]);
    if (this.failed) return 2;
    const out = {
      file: this.display(draft),
      configFiles: resolved.files.map((f) => this.display(f)),
      ignored: ignoredBy ? `by ${this.display(ignoredBy)}` : false,
      language: resolved.language,
      rules: resolved.rules,
      packs: resolved.packs.map((p) => this.display(p)),
    };
    this.options.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
    return 0;
  }

  private async listRules(config: ConfigResolver): Promise<number> {
    // The rules in force here: the built-in pack and the packs the configuration of this folder adds.
    const resolved = await config.resolve(path.join(this.cwd, 'draft.md'));
    const packs = await loadPackFiles(this.fs, resolved.packs, (p) => this.display(p));
    this.reportIssues([...config.issues, ...packs.issues]);
    const rules: RuleInfo[] = combineSafely([...packs.sources.values()]).pack.rules;
    const text =
      this.args.format === 'json'
        ? formatRuleListJson(rules)
        : formatRuleList(rules, this.ownLanguage(resolved.language));
    if (!(await this.emit(text))) return 2;
    return this.failed ? 2 : 0;
  }
}

/** The rule settings the engine is given: those of rules that exist (a broken pack may lack some). */
function knownRules(resolved: ResolvedConfig, known: ReadonlySet<string>): Record<string, RuleSetting> {
  return Object.fromEntries(Object.entries(resolved.rules).filter(([id]) => known.has(id)));
}

/** A percentage precise enough that "below P" never reads as "P". */
function percent(score: number, threshold: number): string {
  const rounded = Math.round(score * 100);
  return rounded < threshold ? `${rounded}%` : `${(Math.floor(score * 1000) / 10).toFixed(1)}%`;
}

/**
 * The draft on standard input, read up to one byte past the size limit: enough for the lint to
 * say it is too large without holding whatever a pipe may bring.
 */
async function readStdin(stdin: MainOptions['stdin'], maxBytes: number): Promise<Uint8Array> {
  if (stdin === undefined) return new Uint8Array();
  if (typeof stdin === 'string') return new TextEncoder().encode(stdin);
  if (stdin instanceof Uint8Array) return stdin;
  const chunks: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of stdin) {
    const bytes = typeof chunk === 'string' ? new TextEncoder().encode(chunk) : chunk;
    chunks.push(bytes);
    total += bytes.length;
    if (total > maxBytes) break;
  }
  return Buffer.concat(chunks);
}
