import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { lint, LineIndex, type LintResult } from '../../engine';

const SAMPLES = path.resolve(__dirname, '../../samples');
const drafts = readdirSync(SAMPLES)
  .filter((name) => name.endsWith('.md') && name !== 'README.md')
  .map((name) => ({ name, text: readFileSync(path.join(SAMPLES, name), 'utf8').replace(/\r\n/g, '\n') }));

/** What a reader compares: each finding's rule and place, and each element's status and evidence lines. */
function outcome(result: LintResult) {
  return {
    score: result.coverage.score,
    findings: result.findings.map((f) => `${f.ruleId} ${f.range.start.line}:${f.range.start.character}`),
    elements: result.coverage.elements.map(
      (e) =>
        `${e.id} ${e.status} ${e.facets.map((f) => f.evidence.map((x) => x.range.start.line).join(',')).join(';')}`,
    ),
  };
}

describe('line endings', () => {
  for (const { name, text } of drafts) {
    test(`a draft with CR or CRLF endings gets the findings and coverage it gets with LF: ${name}`, () => {
      const lf = outcome(lint(text));
      assert.deepEqual(outcome(lint(text.replace(/\n/g, '\r'))), lf, 'CR');
      assert.deepEqual(outcome(lint(text.replace(/\n/g, '\r\n'))), lf, 'CRLF');
    });
  }

  test('counts lines right after a lone CR in a draft with mixed endings', () => {
    const { text } = drafts[0]!;
    const lines = text.split('\n');
    // The first ten lines end in CR, the next ten in CRLF, the rest in LF.
    const mixed = lines.map((line, i) => line + (i === lines.length - 1 ? '' : i < 10 ? '\r' : i < 20 ? '\r\n' : '\n'));
    assert.deepEqual(outcome(lint(mixed.join(''))), outcome(lint(text)));
  });

  test('the line index counts LF, CRLF and a lone CR as one line break each', () => {
    const index = new LineIndex('a\rb\r\nc\nd\r\re');
    assert.equal(index.lineCount, 6);
    assert.deepEqual(
      [0, 1, 2, 3, 4, 5].map((line) => index.lineSpan(line)),
      [
        { start: 0, end: 1 },
        { start: 2, end: 3 },
        { start: 5, end: 6 },
        { start: 7, end: 8 },
        { start: 9, end: 9 },
        { start: 10, end: 11 },
      ],
    );
    assert.deepEqual(index.positionAt(10), { line: 5, character: 0 });
  });
});
