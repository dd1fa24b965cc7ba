import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { FileReportResult } from '../../common/protocol';
import { renderHtmlReport } from '../../report/html';
import { messageLanguageOf, metaFromResults, reportFromResults } from '../../client/htmlMeta';

const result = (path: string, lang: 'en' | 'zh', elements: FileReportResult['elements']): FileReportResult => ({
  report: {
    path,
    language: lang,
    coverage: { score: 0, elements: elements.map((e) => ({ id: e.id, status: e.status, facets: [] })) },
    diagnostics: [],
  },
  messageLanguage: lang,
  elements,
  groups: [...new Set(elements.map((e) => e.group))].map((id) => ({
    id,
    title: { en: `Group ${id}`, zh: `组${id}` },
    covered: 0,
    partial: 0,
    missing: 0,
    total: 0,
  })),
});
const element = (id: string, group: string, facets?: string[]): FileReportResult['elements'][number] => ({
  id,
  group,
  title: { en: id.toUpperCase(), zh: id },
  status: 'missing',
  coveredFacets: 0,
  k: 1,
  ...(facets ? { facets: facets.map((f) => ({ id: f, title: { en: `${f} title`, zh: f } })) } : {}),
});

test("the coverage view builds the report metadata from the server's element summaries, every element once", () => {
  const results = [
    result('a.md', 'en', [element('roads', 'A', ['rail']), element('forum', 'B')]),
    result('b.md', 'zh', [element('roads', 'A'), element('local', 'C')]),
  ];
  const meta = metaFromResults(results);
  assert.deepEqual(
    meta.rules.map((r) => [r.id, r.group, r.kind]),
    [
      ['roads', 'A', 'coverage'],
      ['forum', 'B', 'coverage'],
      ['local', 'C', 'coverage'],
    ],
  );
  assert.deepEqual(meta.rules[0]!.facets, [{ id: 'rail', title: { en: 'rail title', zh: 'rail' } }]);
  assert.deepEqual(
    meta.groups.map((g) => g.id),
    ['A', 'B', 'C'],
  );
  const report = reportFromResults('1.2.3', results);
  assert.equal(report.tool.version, '1.2.3');
  assert.equal(report.files.length, 2);
  assert.equal(messageLanguageOf(results), 'en');
  assert.equal(messageLanguageOf([results[1]!]), 'zh');
  const html = renderHtmlReport(report, meta, { lang: 'en' });
  assert.ok(html.includes('title="ROADS: ○ Missing'), 'the element titles reach the matrix');
});
