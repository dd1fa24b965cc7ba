import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { LAKESIDE, project } from './fixtures';
import { removeFixture, runInProcess, writeFixture } from './harness';

const FILE_KEYS = ['path', 'language', 'coverage', 'diagnostics', 'error'];
// The contract's keys, and `parts`, which this version adds (one finding standing for several rules).
const DIAGNOSTIC_KEYS = [
  'ruleId',
  'severity',
  'message',
  'line',
  'column',
  'endLine',
  'endColumn',
  'facet',
  'fix',
  'parts',
];
const LOCATION_KEYS = ['line', 'column', 'endLine', 'endColumn'];

function assertSubset(keys: string[], allowed: string[], what: string): void {
  for (const key of keys)
    assert.ok(allowed.includes(key), `${what} has the field "${key}", which the contract does not name`);
}

test('writes the JSON report in exactly the contract shape, with 1-based UTF-16 positions and relative / paths', async () => {
  // The same draft with an astral character (two UTF-16 code units) before a finding on its line.
  const ASTRAL = LAKESIDE.replace("- Upgrade the county's", "- 𝔸 Upgrade the county's");
  const fixture = project({ 'drafts/sub dir/𝔸-plan.md': ASTRAL });
  const root = writeFixture(fixture);
  try {
    const out = await runInProcess({ args: ['--format', 'json', 'drafts'], fixture }, root);
    assert.equal(out.code, 0, out.stderr);
    const report = JSON.parse(out.stdout) as Record<string, any>;
    assert.deepEqual(Object.keys(report), ['tool', 'files', 'summary']);
    assert.equal(report.tool.name, 'cluster-policy-lint');
    assert.match(report.tool.version, /^\d+\.\d+\.\d+/);
    assert.deepEqual(Object.keys(report.summary), ['files', 'errors', 'warnings', 'information', 'hints']);
    assert.deepEqual(
      report.files.map((f: { path: string }) => f.path),
      ['drafts/lakeside.md', 'drafts/sub dir/𝔸-plan.md', 'drafts/zh/qingxi.md'],
      'paths are relative, with /, sorted',
    );
    let warnings = 0;
    for (const file of report.files) {
      assertSubset(Object.keys(file), FILE_KEYS, 'a file');
      assert.ok(['en', 'zh', 'mixed'].includes(file.language));
      assert.ok(file.coverage.score >= 0 && file.coverage.score <= 1);
      for (const element of file.coverage.elements) {
        assert.deepEqual(Object.keys(element), ['id', 'status', 'facets']);
        assert.ok(['covered', 'partial', 'missing', 'off'].includes(element.status));
        for (const facet of element.facets) {
          assert.deepEqual(Object.keys(facet), ['id', 'covered', 'evidence']);
          for (const ev of facet.evidence) {
            // The contract's keys first, then what this version adds: why the passage counts.
            assert.deepEqual(Object.keys(ev).slice(0, 5), [...LOCATION_KEYS, 'text']);
            assertSubset(Object.keys(ev).slice(5), ['role', 'inMeasures'], 'a piece of evidence');
            assert.ok(
              ['commitment', 'statement', 'problem', 'definition'].includes(ev.role),
              `the role of "${ev.text}"`,
            );
          }
        }
      }
      for (const d of file.diagnostics) {
        assertSubset(Object.keys(d), DIAGNOSTIC_KEYS, 'a diagnostic');
        assert.ok(['error', 'warning', 'information', 'hint'].includes(d.severity));
        if (d.severity === 'warning') warnings++;
        assert.ok(d.line >= 1 && d.column >= 1, 'positions are 1-based');
        if (d.fix) assert.deepEqual(Object.keys(d.fix), [...LOCATION_KEYS, 'text']);
      }
    }
    assert.equal(report.summary.warnings, warnings);
    assert.equal(report.summary.files, 3);

    // The rail spur measure's evidence, in the draft and in its copy with 𝔸 (two UTF-16 code
    // units) on that line: 1-based columns counted in UTF-16 cut the same words out of both.
    const spurOf = (file: any) =>
      file.coverage.elements
        .find((e: { id: string }) => e.id === 'hard-environment')
        .facets.find((f: { id: string }) => f.id === 'transport')
        .evidence.find((ev: { text: string }) => ev.text.includes('freight rail spur'));
    const cut = (text: string, ev: { line: number; column: number; endLine: number; endColumn: number }) => {
      assert.equal(ev.line, ev.endLine);
      return text.split('\n')[ev.line - 1]!.slice(ev.column - 1, ev.endColumn - 1);
    };
    const plain = cut(LAKESIDE, spurOf(report.files[0]));
    const astral = cut(ASTRAL, spurOf(report.files[1]));
    assert.match(plain, /Upgrade the county's freight rail spur/);
    assert.equal(astral.replace('𝔸 ', ''), plain);
  } finally {
    removeFixture(root);
  }
});

test('says when a draft reads as about another subject: offTopic in the JSON report, a note on the coverage line', async () => {
  // A road safety plan whose commitments name the firms now and then: its coverage counts only
  // passages that name them, and a reader is told why so little is covered.
  const roads = readFileSync(
    path.resolve(__dirname, '../../test/fixtures/judgement/en-off-topic-corroboration.md'),
    'utf8',
  );
  const fixture = project({ 'drafts/roads.md': roads });
  const root = writeFixture(fixture);
  try {
    const json = await runInProcess({ args: ['--format', 'json', 'drafts'], fixture }, root);
    const report = JSON.parse(json.stdout) as { files: { path: string; coverage: Record<string, unknown> }[] };
    const byPath = new Map(report.files.map((f) => [f.path, f.coverage]));
    assert.equal(byPath.get('drafts/roads.md')?.offTopic, true);
    assert.ok(!('offTopic' in byPath.get('drafts/lakeside.md')!), 'a cluster plan has no offTopic field');
    const stylish = await runInProcess({ args: ['drafts/roads.md', 'drafts/lakeside.md'], fixture }, root);
    const lines = stylish.stdout.split('\n').filter((l) => l.includes('coverage '));
    assert.equal(lines.length, 2, stylish.stdout);
    assert.equal(lines.filter((l) => l.includes('reads as about another subject')).length, 1, stylish.stdout);
  } finally {
    removeFixture(root);
  }
});
