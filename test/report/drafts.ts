/**
 * The drafts the report's tests render: small English and Chinese fixtures linted by the real
 * engine, put together in the CLI contract's JSON shape exactly as the CLI does.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { type LintResult, lint } from '../../engine';
import { type FileReport, type JsonReport, failedFileReport, fileReport, jsonReport } from '../../report/model';
import type { HtmlReportMeta } from '../../report/html';

/** The repository root: the bundled tests run from `dist-test/report/`. */
export const ROOT = path.resolve(__dirname, '..', '..');
export const FIXTURES = path.join(ROOT, 'test', 'report', 'fixtures');
export const OUTPUT = path.join(ROOT, 'test-output', 'report');

export function fixture(name: string): string {
  return readFileSync(path.join(FIXTURES, name), 'utf8');
}

/** A set of linted drafts with the results kept, so tests can compare the page with the engine. */
export interface LintedSet {
  report: JsonReport;
  results: (LintResult | undefined)[];
  meta: HtmlReportMeta;
}

/** Lints `drafts` (report path → text); a `null` text stands for a file that could not be read. */
export function lintSet(drafts: [string, string | null][]): LintedSet {
  const files: FileReport[] = [];
  const results: (LintResult | undefined)[] = [];
  let meta: HtmlReportMeta | undefined;
  for (const [name, text] of drafts) {
    if (text === null) {
      files.push(failedFileReport(name, 'The file is not valid UTF-8 (byte 0xFF at offset 12).'));
      results.push(undefined);
      continue;
    }
    const result = lint(text);
    meta ??= { rules: result.pack.rules, groups: result.pack.groups };
    files.push(fileReport(name, result));
    results.push(result);
  }
  const pack = lint('').pack;
  return { report: jsonReport('0.0.0-test', files), results, meta: meta ?? { rules: pack.rules, groups: pack.groups } };
}

/** The English set: three drafts, one with an injection attempt, and one unreadable file. */
export function englishSet(): LintedSet {
  return lintSet([
    ['drafts/lakeside-hardware.md', fixture('lakeside-hardware.md')],
    ['drafts/thin-note.md', fixture('thin-note.md')],
    ['drafts/<b>inject</b> & "quotes".md', fixture('injection.md')],
    ['drafts/broken.md', null],
  ]);
}

/** The Chinese set. */
export function chineseSet(): LintedSet {
  return lintSet([
    ['草案/青溪县陶瓷.md', fixture('qingxi-ceramics.md')],
    ['草案/会议纪要.md', '# 会议纪要\n\n委员会于周二开会，同意下月再次开会。\n'],
  ]);
}
