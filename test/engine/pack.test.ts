import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { packOf } from '../support/hostile';
import { builtinPack, insertElementTemplate, lint, loadPackText } from '../../engine';
import type { MessageLanguage } from '../../engine';

// The built-in pack's coverage part, checked against ../shared/framework.md: the ids, facets, k and
// severities are a public contract, so they are written out here rather than read from the pack.
const FRAMEWORK: { id: string; group: string; k: number; severity: string; facets: string[] }[] = [
  {
    id: 'hard-environment',
    group: 'A',
    k: 2,
    severity: 'warning',
    facets: ['infrastructure', 'transport', 'communications', 'support-facilities'],
  },
  {
    id: 'soft-institutional',
    group: 'A',
    k: 2,
    severity: 'warning',
    facets: ['finance', 'talent-mobility', 'industry-associations'],
  },
  { id: 'soft-cultural', group: 'A', k: 2, severity: 'warning', facets: ['education-level', 'values-trust'] },
  {
    id: 'soft-regulatory',
    group: 'A',
    k: 2,
    severity: 'warning',
    facets: ['government-coordination', 'actor-synergy'],
  },
  {
    id: 'innovation-network',
    group: 'B',
    k: 2,
    severity: 'warning',
    facets: ['firm-collaboration', 'research-links', 'innovation-services'],
  },
  {
    id: 'network-broker',
    group: 'B',
    k: 2,
    severity: 'warning',
    facets: ['regular-dialogue', 'bottleneck-resolution', 'trust-building'],
  },
  {
    id: 'joint-action',
    group: 'B',
    k: 3,
    severity: 'warning',
    facets: [
      'joint-procurement',
      'joint-marketplace',
      'joint-equipment',
      'joint-orders',
      'joint-rnd',
      'collective-brand',
      'mutual-guarantee',
      'shared-facilities',
      'joint-training',
      'joint-pollution-control',
    ],
  },
  {
    id: 'innovation-incentive',
    group: 'C',
    k: 2,
    severity: 'warning',
    facets: ['ip-protection', 'innovation-support'],
  },
  {
    id: 'orderly-competition',
    group: 'C',
    k: 2,
    severity: 'warning',
    facets: ['quality-standards', 'market-order', 'differentiation'],
  },
  {
    id: 'quality-brand',
    group: 'C',
    k: 2,
    severity: 'warning',
    facets: ['brand-building', 'anti-counterfeiting', 'regional-reputation'],
  },
  {
    id: 'value-chain',
    group: 'C',
    k: 2,
    severity: 'warning',
    facets: ['core-components', 'upstream-downstream', 'beyond-processing'],
  },
  {
    id: 'rootedness',
    group: 'D',
    k: 2,
    severity: 'information',
    facets: ['local-embedding', 'new-firm-formation', 'lead-firm-network'],
  },
  { id: 'cluster-profile', group: 'D', k: 1, severity: 'information', facets: ['cluster-type', 'factor-endowment'] },
  { id: 'international-competitiveness', group: 'D', k: 1, severity: 'information', facets: ['international-markets'] },
  { id: 'sustainable-development', group: 'D', k: 1, severity: 'information', facets: ['sustainability'] },
];

// The paper's section headings, as the pack must cite them.
const SECTIONS = [
  'The Importance of the Development of SME Clusters',
  'Current Situation of Enterprise Cluster',
  'Enterprise Cluster Development Problems',
  'The Policy to Develop SEM Cluster',
  'Conclusion',
];

const yamlPath = path.resolve(__dirname, '../../packs/sme-cluster.yaml');
const loaded = loadPackText(readFileSync(yamlPath, 'utf8'), 'packs/sme-cluster.yaml');

// Minimal drafts with a title and a measures section, and nothing any element covers.
const MINIMAL: Record<MessageLanguage, string> = {
  en: '# County cluster plan 2026\n\n## Measures\n\n- The county will publish this plan.\n',
  zh: '# 县产业集群发展规划\n\n## 主要任务\n\n- 县政府发布本规划。\n',
};

function applyEdits(text: string, edits: readonly { span: { start: number; end: number }; newText: string }[]): string {
  let out = text;
  for (const e of [...edits].sort((a, b) => b.span.start - a.span.start))
    out = out.slice(0, e.span.start) + e.newText + out.slice(e.span.end);
  return out;
}

describe('the sme-cluster pack (coverage part)', () => {
  test('its YAML text loads through loadPackText with no problems', () => {
    assert.deepEqual(loaded.problems, []);
    assert.ok(loaded.pack);
  });

  test('every lexicon pattern begins with known words or characters, so none is run over a whole draft', () => {
    // A pattern the key table cannot file is run over every draft from end to end; the pack's own
    // lexicons are written so that none needs to be (see the comment at 百|千 in the YAML).
    const pack = builtinPack();
    for (const lang of ['en', 'zh'] as const) {
      assert.deepEqual(
        pack.keyTable(lang)!.unkeyed.map((c) => c.pattern.scan?.source),
        [],
        `${lang} patterns without a key`,
      );
    }
  });

  test('it names no documentation page on the internet: its rules link to the docs/rules.md that ships with the tool', () => {
    assert.equal(loaded.pack!.docs, undefined);
  });

  test('element ids, groups, k, severities and facet ids are exactly those of framework.md', () => {
    const pack = loaded.pack!;
    assert.deepEqual(
      pack.elements.map((e) => ({
        id: e.id,
        group: e.group,
        k: e.k,
        severity: e.severity,
        facets: e.facets.map((f) => f.id),
      })),
      FRAMEWORK,
    );
    assert.deepEqual(
      pack.groups.map((g) => g.id),
      ['A', 'B', 'C', 'D'],
    );
  });

  test('every group and element cites the paper, and says what it asks, in both languages', () => {
    const pack = loaded.pack!;
    for (const g of pack.groups) {
      assert.ok(g.paper, `group ${g.id} cites the paper`);
      assert.ok(g.title.en && g.title.zh, `group ${g.id} has titles`);
      assert.ok(g.headings?.en?.length && g.headings?.zh?.length, `group ${g.id} has heading patterns`);
    }
    for (const e of pack.elements) {
      assert.ok(SECTIONS.includes(e.paper.section), `${e.id} cites a section heading of the paper: ${e.paper.section}`);
      assert.ok(e.paper.paragraph !== undefined, `${e.id} cites a paragraph`);
      for (const lang of ['en', 'zh'] as const) {
        assert.ok(e.paper.says[lang].length > 40, `${e.id} paraphrases the paper (${lang})`);
        assert.ok(e.asks[lang].length > 20, `${e.id} says what it asks (${lang})`);
        assert.ok(e.headings?.[lang]?.length, `${e.id} has heading patterns (${lang})`);
        assert.match(e.template[lang], /^## /, `${e.id} template starts with a section heading (${lang})`);
        assert.match(e.template[lang], /\n- /, `${e.id} template has measure bullets (${lang})`);
        for (const f of e.facets) {
          assert.ok(f.title[lang], `${e.id}/${f.id} has a title (${lang})`);
          assert.ok(f.template?.[lang], `${e.id}/${f.id} has a template line (${lang})`);
          assert.ok(f.match[lang]?.length, `${e.id}/${f.id} has a ${lang} lexicon`);
        }
      }
      assert.ok(e.title.zh && e.title.en);
    }
  });

  test('the minimal drafts cover nothing', () => {
    for (const lang of ['en', 'zh'] as const) {
      const covered = lint(MINIMAL[lang]).coverage.elements.filter((e) => e.status !== 'missing');
      assert.deepEqual(
        covered.map((e) => e.id),
        [],
        lang,
      );
    }
  });

  for (const lang of ['en', 'zh'] as const) {
    test(`every element's template, inserted by the quick fix, makes the element covered (${lang})`, () => {
      const pack = builtinPack();
      for (const element of pack.elements) {
        const doc = lint(MINIMAL[lang]).document;
        const text = applyEdits(MINIMAL[lang], insertElementTemplate(doc, pack, element, lang));
        const result = lint(text);
        const coverage = result.coverage.elements.find((e) => e.id === element.id)!;
        assert.equal(
          coverage.status,
          'covered',
          `${element.id} (${lang}) after inserting its template:\n${text}\nfacets: ${JSON.stringify(coverage.facets.map((f) => [f.id, f.covered]))}`,
        );
      }
    });

    test(`every facet's template line covers its facet (${lang})`, () => {
      for (const element of builtinPack().elements) {
        for (const facet of element.facets) {
          const text = `${MINIMAL[lang]}- ${facet.template![lang]}\n`;
          const coverage = lint(text).coverage.elements.find((e) => e.id === element.id)!;
          assert.ok(
            coverage.facets.find((f) => f.id === facet.id)!.covered,
            `${element.id}/${facet.id} (${lang}): ${facet.template![lang]}`,
          );
        }
      }
    });
  }

  test('a heading alone covers nothing: an empty template section is not coverage', () => {
    const text =
      '# Plan\n\n## Transport and infrastructure\n\n## Joint procurement, mutual guarantee and collective brand\n';
    const result = lint(text);
    assert.equal(result.coverage.elements.find((e) => e.id === 'hard-environment')!.status, 'missing');
    assert.equal(result.coverage.elements.find((e) => e.id === 'joint-action')!.status, 'missing');
  });
});

test("a pack's focus.corroborate must be a whole number from 1 to 10, or the pack says so", () => {
  const withFocus = (corroborate: string) =>
    `${packOf(['widgets?'], 'focus', ['en'])}actors:\n  firms:\n    en: ['firms?']\nfocus: { actors: [firms], share: 0.3, corroborate: ${corroborate} }\n`;
  assert.deepEqual(loadPackText(withFocus('2'), 'focus.yaml').problems, []);
  for (const bad of ['0', '1.5', '"two"']) {
    const { problems } = loadPackText(withFocus(bad), 'focus.yaml');
    assert.ok(
      problems.some((p) => /focus\.corroborate/.test(p.message)),
      `${bad}: ${problems.map((p) => p.message).join('; ')}`,
    );
  }
});
