/**
 * Lints one decoded draft and keeps only plain data, so the same code runs in the main thread and
 * in a worker thread (compiled packs hold RegExps and cannot cross threads; their sources can).
 */
import { combinePacks, builtinPackSource, lint, type Pack, type PackSource, type RuleSetting } from '../engine';
import { fileReport, toLocation1, type FileReport, type Location1 } from '../report/model';
import type { LanguageSetting } from './config';

/** One draft to lint, with the settings its configuration resolved to. */
export interface LintTask {
  display: string;
  text: string;
  rules: Record<string, RuleSetting>;
  language: LanguageSetting;
  /** Which set of user packs applies: a key of the pack sets the run loaded. */
  packKey: string;
}

/** A quick fix with all its edits, for SARIF (the JSON contract keeps only the first edit). */
export interface FullFix {
  title: string;
  edits: (Location1 & { text: string })[];
}

/** What the CLI keeps of one lint. */
export interface LintedDraft {
  report: FileReport;
  /** The fix of each diagnostic in `report.diagnostics`, by index. */
  fixes: (FullFix | undefined)[];
  /** Coverage per group, for the stylish coverage line. */
  groups: { id: string; covered: number; partial: number; total: number }[];
  /** Problems the engine reported while linting (a rule that failed, an option it refused). */
  problems: string[];
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

/** Lints one draft. */
export function lintDraft(task: LintTask, packs: PackCache): LintedDraft {
  const result = lint(task.text, { pack: packs.get(task.packKey), rules: task.rules, messageLanguage: task.language });
  return {
    report: fileReport(task.display, result),
    fixes: result.findings.map((f) =>
      f.fix ? { title: f.fix.title, edits: f.fix.edits.map((e) => ({ ...toLocation1(e.range), text: e.newText })) } : undefined,
    ),
    groups: result.coverage.groups.map((g) => ({ id: g.id, covered: g.covered, partial: g.partial, total: g.total })),
    problems: result.problems.map((p) => p.message),
  };
}
