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

const SEVERITY_RANK = { hint: 0, information: 1, warning: 2, error: 3 };

/**
 * The diagnostics an editor shows for the CLI's `report`. The CLI's JSON keeps one diagnostic per
 * rule id: a finding that stands for several rules (a measure that lacks a lead body, a deadline
 * and a target) is listed once per rule, at the same place with the same message, each entry
 * naming them all in `parts`. The language server publishes that finding once: its code is the
 * first of `parts`, its severity the highest of theirs, and its `data.parts` lists them. Entries
 * without `parts` stay as they are.
 */
export function editorDiagnostics(report) {
  const out = [];
  const merged = new Map();
  for (const d of report.diagnostics) {
    if (!d.parts || d.parts.length < 2) {
      out.push(d);
      continue;
    }
    const at = JSON.stringify([d.line, d.column, d.endLine, d.endColumn, d.message, d.parts]);
    let group = merged.get(at);
    if (!group) {
      group = { entries: [], parts: d.parts };
      merged.set(at, group);
      out.push(group);
    }
    group.entries.push(d);
  }
  return out.map((x) => {
    if (!x.entries) return x;
    const { entries, parts } = x;
    const rules = entries.map((e) => e.ruleId);
    if (rules.length !== parts.length || !parts.every((p) => rules.includes(p)))
      throw new Error(
        `${report.path}: the CLI lists ${rules.join(', ')} for a finding whose parts are ${parts.join(', ')}`,
      );
    const first = entries.find((e) => e.ruleId === parts[0]);
    const severity = entries.reduce(
      (a, e) => (SEVERITY_RANK[e.severity] > SEVERITY_RANK[a] ? e.severity : a),
      entries[0].severity,
    );
    return { ...first, ruleId: parts[0], severity, parts };
  });
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
