// What a draft should show in an editor, from the project's own command line on the same file:
// the editors and the CLI run one engine, so the CLI's JSON report is the expectation.
import { spawnSync } from 'node:child_process';
import { cp, mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { repoRoot, scratchDir } from './setup.mjs';

/** The CLI's report of one file (`--format json`): `{ path, language, coverage, diagnostics }`. */
export function cliReport(file) {
  const r = spawnSync(
    process.execPath,
    [path.join(repoRoot, 'dist', 'cli.js'), '--format', 'json', '--no-color', file],
    {
      cwd: path.dirname(file),
      encoding: 'utf8',
    },
  );
  if (r.status !== 0 && r.status !== 1) throw new Error(`cli on ${file} exited ${r.status}: ${r.stderr}`);
  const report = JSON.parse(r.stdout);
  const fr =
    report.files.find((f) => path.resolve(path.dirname(file), f.path) === path.resolve(file)) ?? report.files[0];
  if (!fr || fr.error) throw new Error(`cli could not lint ${file}: ${fr?.error ?? 'no file in the report'}`);
  return fr;
}

/** Coverage diagnostics: those whose rule id is one of the draft's coverage elements. */
export function coverageDiagnostics(report) {
  const ids = new Set((report.coverage?.elements ?? []).map((e) => e.id));
  return report.diagnostics.filter((d) => ids.has(d.ruleId));
}

/**
 * The coverage diagnostic the scenario fixes: an element the draft misses entirely, whose
 * finding carries a fix (the template section).
 */
export function missingElementWithFix(report) {
  const missing = new Set((report.coverage?.elements ?? []).filter((e) => e.status === 'missing').map((e) => e.id));
  const d = report.diagnostics.find((x) => missing.has(x.ruleId) && x.fix);
  if (!d) throw new Error(`${report.path}: no missing element with a fix`);
  return d;
}

/**
 * Copies the sample drafts (and their configuration) into a fresh folder outside the repository:
 * inside it, the repository's .gitignore (test-output/) would make the CLI skip them.
 */
export async function freshSamples(name) {
  const dir = path.join(scratchDir(), name);
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  await cp(path.join(repoRoot, 'samples'), dir, { recursive: true });
  return dir;
}

/** The sample drafts the scenarios use: a partial one in each language. */
export const DRAFTS = {
  en: 'riverton-textiles-plan.md',
  zh: 'jiangkou-bamboo-action-plan.md',
};
