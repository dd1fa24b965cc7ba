import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { lint, type LintResult } from '../../engine';
import { matchSnapshot } from '../support/snapshot';

// Real public policy texts, kept beside the repository in ../shared/corpus. Their coverage is
// snapshotted in a form a reviewer can read against the text and its labels (test/eval/labels):
// each facet with the line, the role and the words of its first evidence.
const corpus = path.resolve(__dirname, '../../../shared/corpus');
const snapshots = path.resolve(__dirname, '../../test/snapshots/corpus');

function render(name: string, result: LintResult): string {
  const lines = [`${name} · language ${result.language} · score ${result.coverage.score}`, ''];
  for (const element of result.coverage.elements) {
    lines.push(`${element.id}: ${element.status} (k=${element.k})`);
    for (const facet of element.facets) {
      const first = facet.evidence[0];
      const excerpt = first
        ? ` L${first.range.start.line + 1} [${first.role}${first.inMeasures ? ', measures' : ''}] "${first.text.length > 90 ? `${first.text.slice(0, 90)}…` : first.text}"`
        : '';
      const more = facet.evidence.length > 1 ? ` (+${facet.evidence.length - 1})` : '';
      lines.push(`  ${facet.covered ? '✓' : '·'} ${facet.id}${excerpt}${more}`);
    }
  }
  const counts = new Map<string, number>();
  for (const f of result.findings) counts.set(f.ruleId, (counts.get(f.ruleId) ?? 0) + 1);
  lines.push('', 'findings:', ...[...counts].sort().map(([rule, n]) => `  ${rule}: ${n}`), '');
  return lines.join('\n');
}

describe('the shared corpus of real policy texts', () => {
  const files = existsSync(corpus)
    ? readdirSync(corpus)
        .filter((f) => f.endsWith('.md') && f !== 'SOURCES.md')
        .sort()
    : [];
  test('is there to lint', () =>
    assert.ok(
      files.length >= 8,
      `found ${files.length} texts in ${corpus}: the tests read the shared corpus beside the checkout, as CI lays it out`,
    ));
  for (const file of files) {
    test(`${file} lints without error and keeps the coverage a reader agreed with`, () => {
      const result = lint(readFileSync(path.join(corpus, file), 'utf8'));
      assert.deepEqual(result.problems, []);
      matchSnapshot(path.join(snapshots, file.replace(/\.md$/, '.txt')), render(file, result));
    });
  }
});
