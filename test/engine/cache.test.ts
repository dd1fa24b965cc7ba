import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { builtinPack, builtinPackSource, combinePacks, lint, LintCache } from '../../engine';
import { chunksOf, EDITOR_MIN_CHUNK } from '../../engine/markdown/chunks';

// The shared corpus of real policy texts stands beside the repository (../shared/corpus).
const corpus = path.resolve(__dirname, '../../../shared/corpus');

test('lints an edited draft with a cache exactly as without one', () => {
  // A long draft of fixture texts, edited at random places as a drafter types and deletes.
  assert.ok(
    existsSync(corpus),
    `no corpus at ${corpus}: the tests read the shared corpus beside the checkout, as CI lays it out`,
  );
  const parts = readdirSync(corpus)
    .filter((f) => /^(en|zh)-.*\.md$/.test(f))
    .map((f) => readFileSync(path.join(corpus, f), 'utf8'));
  assert.ok(parts.length >= 4, 'the corpus is there');
  let text = `# Draft\n\n${parts.join('\n\n').repeat(2)}`;
  const cache = new LintCache();
  let seed = 11;
  const next = (n: number): number => (seed = (seed * 1103515245 + 12345) % 2147483648) % n;
  const snippets = [
    'rail freight spur ',
    '\n\n## Measures\n\n',
    '- Build a testing centre by 2028 (Lead: County Bureau).\n',
    '联合采购原材料，',
    '\n\n第三条 ',
    'x',
    '```\n',
  ];
  for (let edit = 0; edit < 40; edit++) {
    const at = next(text.length + 1);
    if (next(3) === 0) text = text.slice(0, at) + text.slice(Math.min(text.length, at + next(200)));
    else text = text.slice(0, at) + snippets[next(snippets.length)] + text.slice(at);
    const cached = lint(text, { cache });
    const fresh = lint(text);
    assert.deepEqual(cached.coverage, fresh.coverage, `coverage after edit ${edit}`);
    assert.deepEqual(cached.findings, fresh.findings, `findings after edit ${edit}`);
    assert.equal(cached.language, fresh.language);
  }
});

// Pieces that change how a draft is cut when typed or deleted: fences and raw HTML that swallow
// what follows, blank lines that end a chunk, list and article lines that continue one.
const PIECES = [
  '## Measures\n\n',
  '- Build a testing centre by 2028 (Lead: County Bureau).\n',
  '1. Open a shared lab. Lead: County Bureau. Deadline: June 2028. Target: 40 firms.\n',
  'We will further strengthen cooperation and actively promote brands.\n',
  'The SME cluster will use the broker network to reach small and middle sized firms.\n',
  '第三条 大力推进产业集群发展，积极推动中小型企业合作。\n',
  '| 措施 | 牵头单位 |\n|---|---|\n| 建设检测中心 | 县市场监管局 |\n',
  '```\n',
  '<!--\n',
  '-->\n',
  '\n\n',
  '\n',
  'x',
];

/** A draft of many pieces, long enough to be cut into many chunks. */
function randomDraft(next: (n: number) => number, pieces: number): string {
  let text = '# Draft\n\n';
  for (let i = 0; i < pieces; i++) text += PIECES[next(PIECES.length)]! + (next(2) ? '\n' : '');
  return text;
}

test('cuts an edited draft into the chunks a fresh cut gives, and lints it as a fresh lint does', () => {
  let seed = 5;
  const next = (n: number): number => (seed = (seed * 1103515245 + 12345) % 2147483648) % n;
  const pack = builtinPack();
  for (let draft = 0; draft < 6; draft++) {
    let text = randomDraft(next, 300);
    const cache = new LintCache();
    for (let edit = 0; edit < 30; edit++) {
      const at = next(text.length + 1);
      const kind = next(4);
      if (kind === 0) text = text.slice(0, at) + text.slice(Math.min(text.length, at + next(400)));
      else if (kind === 1) text = text.slice(0, at) + PIECES[next(PIECES.length)]! + text.slice(at);
      else {
        // Typing: several characters one after another at one place, each linted.
        for (let k = 0; k < 3; k++) {
          text = text.slice(0, at + k) + 'ab\n'[next(3)]! + text.slice(at + k);
          lint(text, { cache, pack });
        }
      }
      const cached = lint(text, { cache, pack });
      assert.deepEqual(
        cache.analyses(text, pack).map((c) => c.offset),
        chunksOf(text, EDITOR_MIN_CHUNK).map((c) => c.offset),
        `chunks after edit ${edit} of draft ${draft}`,
      );
      const fresh = lint(text, { pack });
      assert.deepEqual(cached.findings, fresh.findings, `findings after edit ${edit} of draft ${draft}`);
      assert.deepEqual(cached.coverage, fresh.coverage, `coverage after edit ${edit} of draft ${draft}`);
    }
  }
});

test('starts afresh when the pack changes, and gives the same lint for the same text', () => {
  const text = randomDraft(
    (
      (seed) => (n: number) =>
        (seed = (seed * 1103515245 + 12345) % 2147483648) % n
    )(3),
    200,
  );
  const cache = new LintCache();
  const first = lint(text, { cache });
  // The same rules compiled again: another pack object, as a pack file's reload gives.
  const otherPack = combinePacks(builtinPackSource());
  assert.deepEqual(lint(text, { cache, pack: otherPack }).findings, lint(text, { pack: otherPack }).findings);
  assert.deepEqual(lint(text, { cache }).findings, first.findings);
  // Settings that change which rules run or how they see a draft apply at once to a cached draft.
  const settings = {
    rules: {
      'measure-owner': 'off' as const,
      'vague-commitment': 'error' as const,
      'measure-indicator': { headings: ['Measures'] },
    },
  };
  assert.deepEqual(lint(text, { cache, ...settings }).findings, lint(text, settings).findings);
});

test('a cached lint still gives the draft its prose and evidence after an edit elsewhere', () => {
  // Eleven measures paragraphs far apart, each evidence for the same facets: after the first is
  // deleted, the eleventh becomes evidence, read from a chunk that was not edited.
  const paragraph = (i: number): string =>
    `Measure ${i}: the county will fund a shared testing centre for lock makers, with a grant of EUR ${i}m.\n\n${'Filler text about the town. '.repeat(90)}\n\n`;
  let text = `# Plan\n\n## Measures\n\n${Array.from({ length: 12 }, (_, i) => paragraph(i + 1)).join('')}`;
  const cache = new LintCache();
  lint(text, { cache });
  text = text.replace(paragraph(1), '');
  const cached = lint(text, { cache });
  const fresh = lint(text);
  assert.deepEqual(cached.coverage, fresh.coverage);
  assert.equal(cached.document.prose, fresh.document.prose);
});

test('judges a measure again when an edit changes a later paragraph it runs on into', () => {
  // An article runs to the next article, over blank lines, so across chunks: its deadline may be
  // added in a paragraph the edit touches while the chunk where it starts stays as it was.
  // (Chunks are at least 2 KB, so the article's first paragraph is long.)
  const first = `第一条 建设陶瓷检测中心，牵头单位：县市场监管局，服务企业40家。${'中心为企业提供原料、釉料和成品检测。'.repeat(130)}`;
  const before = `# 青溪县陶瓷产业集群发展规划\n\n## 主要任务\n\n${first}\n\n该中心面向全县陶瓷企业开放。\n\n第二条 设立品牌基金，牵头单位：县商务局，2027年底前扶持品牌10个。\n`;
  // The same length, so the article's span is the same as before: only its text differs.
  const after = before.replace('面向全县陶瓷企业开放', '于2027年底前开放');
  const cache = new LintCache();
  const timeline = (text: string): number[] =>
    lint(text, { cache })
      .findings.filter((f) => f.ruleId === 'measure-timeline')
      .map((f) => f.range.start.line);
  assert.ok(
    chunksOf(before, EDITOR_MIN_CHUNK).length > 1 && chunksOf(before, EDITOR_MIN_CHUNK)[1]!.text.startsWith('该中心'),
    'the article runs on into a second chunk',
  );
  assert.deepEqual(timeline(before), [4], 'the first article gives no deadline');
  assert.deepEqual(timeline(after), [], 'its deadline, added in its second paragraph, counts');
  assert.deepEqual(timeline(before), [4], 'and is missed again once removed');
});

test('follows edits that add or remove front matter, switch line endings, empty or replace the draft', () => {
  const pack = builtinPack();
  const body = randomDraft(
    (
      (seed) => (n: number) =>
        (seed = (seed * 1103515245 + 12345) % 2147483648) % n
    )(9),
    120,
  );
  const versions = [
    body,
    `---\ntitle: Plan\n---\n${body}`,
    `---\ntitle: Plan\n${body}`,
    body.replace(/\n/g, '\r\n'),
    '',
    body,
    body.slice(0, body.length / 2),
    `${body}\n\n${body}`,
    'x',
    body,
  ];
  const cache = new LintCache();
  for (const [i, text] of versions.entries()) {
    const cached = lint(text, { cache, pack });
    assert.deepEqual(
      cache.analyses(text, pack).map((c) => c.offset),
      chunksOf(text, EDITOR_MIN_CHUNK).map((c) => c.offset),
      `chunks of version ${i}`,
    );
    const fresh = lint(text, { pack });
    assert.deepEqual(cached.findings, fresh.findings, `findings of version ${i}`);
    assert.deepEqual(cached.coverage, fresh.coverage, `coverage of version ${i}`);
  }
});

test('a long draft linted once keeps the first passages of each facet as evidence, as a cached lint does', () => {
  // Forty sections, each naming the same transport measure: a one-off lint stops looking for a
  // facet once the chunks before have given it the evidence a report keeps.
  const filler = 'The working group met with firms of the cluster to hear what they need from the county. '.repeat(8);
  let text = '# Lakeside County hardware cluster plan\n\n';
  for (let i = 1; i <= 40; i++) {
    text += `## Section ${i}\n\nThe county will upgrade the freight rail spur to the industrial park by 20${28 + (i % 3)} (Lead: County Transport Bureau).\n\n${filler}\n\n`;
  }
  assert.ok(chunksOf(text).length > 10, 'the draft is cut into many chunks');
  for (const maxEvidence of [undefined, 3, 1, 0]) {
    const fresh = lint(text, { maxEvidence });
    const cached = lint(text, { maxEvidence, cache: new LintCache() });
    assert.deepEqual(fresh.coverage, cached.coverage, `coverage with maxEvidence ${maxEvidence}`);
    assert.deepEqual(fresh.findings, cached.findings, `findings with maxEvidence ${maxEvidence}`);
    const transport = fresh.coverage.elements
      .find((e) => e.id === 'hard-environment')
      ?.facets.find((f) => f.id === 'transport');
    assert.ok(transport?.covered, `the transport facet is covered with maxEvidence ${maxEvidence}`);
    assert.equal(transport.evidence.length, maxEvidence ?? 10, `evidence kept with maxEvidence ${maxEvidence}`);
    // The first passages in the draft, in order: sections 1, 2, 3 …
    transport.evidence.forEach((ev, i) => {
      assert.match(ev.text, /freight rail spur/);
      assert.equal(ev.range.start.line, 4 + 6 * i, `evidence ${i}`);
    });
  }
});
