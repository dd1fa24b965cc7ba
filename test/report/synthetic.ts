/**
 * A hand-made report and pack metadata with every status, so the tests can name exact statuses
 * without depending on the built-in pack's lexicons (which grow).
 */
import type { HtmlReportMeta } from '../../report/html';
import type { JsonReport } from '../../report/model';

const loc = (line: number) => ({ line, column: 1, endLine: line, endColumn: 20 });

export const SYNTHETIC_META: HtmlReportMeta = {
  groups: [
    { id: 'A', title: { en: 'Environment', zh: '环境' } },
    { id: 'B', title: { en: 'Networks', zh: '网络' } },
  ],
  rules: [
    {
      id: 'roads',
      kind: 'coverage',
      group: 'A',
      k: 1,
      title: { en: 'Roads', zh: '道路' },
      facets: [{ id: 'rail', title: { en: 'rail', zh: '铁路' } }],
    },
    {
      id: 'money',
      kind: 'coverage',
      group: 'A',
      k: 2,
      title: { en: 'Money', zh: '资金' },
      asks: { en: 'Say who lends to the firms.', zh: '说明谁向企业贷款。' },
      facets: [
        { id: 'banks', title: { en: 'banks', zh: '银行' } },
        { id: 'funds', title: { en: 'funds', zh: '基金' } },
      ],
    },
    {
      id: 'forum',
      kind: 'coverage',
      group: 'B',
      k: 1,
      title: { en: 'Forum', zh: '论坛' },
      facets: [{ id: 'meetings', title: { en: 'meetings', zh: '会议' } }],
    },
    {
      id: 'brand',
      kind: 'coverage',
      group: 'B',
      k: 1,
      title: { en: 'Brand', zh: '品牌' },
      facets: [{ id: 'mark', title: { en: 'mark', zh: '商标' } }],
    },
    { id: 'measure-owner', kind: 'drafting', title: { en: 'Measure owner', zh: '责任主体' } },
  ],
};

/** Draft one covers roads, half-covers money, misses forum and has brand off; draft two misses all but roads. */
export const SYNTHETIC_REPORT: JsonReport = {
  tool: { name: 'cluster-policy-lint', version: '9.9.9' },
  files: [
    {
      path: 'one.md',
      language: 'en',
      coverage: {
        score: 0.5,
        elements: [
          {
            id: 'roads',
            status: 'covered',
            facets: [
              {
                id: 'rail',
                covered: true,
                evidence: [
                  {
                    ...loc(3),
                    text: 'Upgrade the rail spur <script>window.__pwned = 3</script><img src=x onerror="window.__pwned = 4">.',
                  },
                ],
              },
            ],
          },
          {
            id: 'money',
            status: 'partial',
            facets: [
              {
                id: 'banks',
                covered: true,
                evidence: [1, 2, 3, 4].map((n) => ({ ...loc(4 + n), text: `Bank loan ${n}.` })),
              },
              { id: 'funds', covered: false, evidence: [] },
            ],
          },
          { id: 'forum', status: 'missing', facets: [{ id: 'meetings', covered: false, evidence: [] }] },
          { id: 'brand', status: 'off', facets: [{ id: 'mark', covered: false, evidence: [] }] },
        ],
      },
      diagnostics: [
        {
          ruleId: 'forum',
          severity: 'warning',
          message: 'No forum <b>at all</b>.',
          ...loc(1),
          fix: { ...loc(12), text: '## Forum\n' },
        },
        { ruleId: 'measure-owner', severity: 'error', message: 'Who does this?', ...loc(9) },
      ],
    },
    {
      path: 'two.md',
      language: 'zh',
      coverage: {
        score: 0.333,
        elements: [
          {
            id: 'roads',
            status: 'covered',
            facets: [{ id: 'rail', covered: true, evidence: [{ ...loc(2), text: '改造铁路专用线。' }] }],
          },
          {
            id: 'money',
            status: 'missing',
            facets: [
              { id: 'banks', covered: false, evidence: [] },
              { id: 'funds', covered: false, evidence: [] },
            ],
          },
          { id: 'forum', status: 'missing', facets: [{ id: 'meetings', covered: false, evidence: [] }] },
          { id: 'brand', status: 'missing', facets: [{ id: 'mark', covered: false, evidence: [] }] },
        ],
      },
      diagnostics: [],
    },
    { path: 'three.md', error: 'Cannot read <three.md>: permission denied', diagnostics: [] },
  ],
  summary: { files: 3, errors: 1, warnings: 1, information: 0, hints: 0 },
};
