import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { splitChunks } from '../../engine/markdown/chunks';
import { assembleDocument, parseDraft } from '../../engine/markdown/draft';
import { parseChunk } from '../../engine/markdown/parse';

// Pieces of real drafts, including the constructs that must never be split: fenced code and raw
// HTML with blank lines inside, lists that continue after a blank line, tables, articles.
const PIECES = [
  '# 青溪县陶瓷产业集群发展规划\n',
  '## Measures\n',
  'Paragraph about the rail spur and testing centre by 2028.\n',
  '- Build a testing centre (Lead: County Bureau).\n\n  Continued item text after a blank line.\n- Second item\n',
  '1. First numbered\n\n2. Second numbered after a blank\n',
  '```\ncode line\n\n# not a heading inside a fence\n```\n',
  '<!--\nA comment\n\n# not a heading inside a comment\n-->\n',
  '<pre>\npre text\n\n# not a heading inside pre\n</pre>\n',
  '| 措施 | 牵头单位 |\n|---|---|\n| 建设检测中心 | 县市场监管局 |\n',
  '第一章 总则\n',
  '第一条 为了促进产业集群发展，制定本条例。\n',
  '本条第二款内容，继续上一条。\n',
  '> A quote about trust\n>\n> continued after a blank quote line\n',
  '<div>\n<p>HTML block text about brands.</p>\n</div>\n',
  '    indented code\n',
  'Setext heading\n==============\n',
  '一、发展目标\n',
  '（一）加强基础设施\n',
  '* * *\n',
  'Text with `code` and [a link](http://example.org) and **bold**.\n',
];

function randomDraft(seed: number, size: number): string {
  let state = seed;
  const next = (): number => (state = (state * 1103515245 + 12345) % 2147483648);
  const parts = ['---\ntitle: x\n---\n'];
  let length = 0;
  while (length < size) {
    const piece = PIECES[next() % PIECES.length]!;
    parts.push(piece, next() % 4 === 0 ? '\n\n' : '\n');
    length += piece.length + 2;
  }
  return parts.join('');
}

describe('parsing in chunks', () => {
  test('splits long drafts into several chunks, each starting after a blank line', () => {
    const draft = randomDraft(1, 40000);
    const starts = splitChunks(draft);
    assert.ok(starts.length > 5, `only ${starts.length} chunks`);
    for (const s of starts.slice(1)) assert.equal(draft.slice(s - 2, s), '\n\n');
  });

  test('gives exactly the document that one whole parse gives', () => {
    for (let seed = 1; seed <= 25; seed++) {
      const draft = randomDraft(seed, 30000);
      const chunked = parseDraft(draft);
      const whole = assembleDocument(draft, [{ offset: 0, model: parseChunk(draft) }]);
      assert.equal(chunked.prose, whole.prose, `prose, seed ${seed}`);
      assert.deepEqual(chunked.blocks, whole.blocks, `blocks, seed ${seed}`);
      assert.deepEqual(chunked.sections, whole.sections, `sections, seed ${seed}`);
      assert.deepEqual(chunked.items, whole.items, `items, seed ${seed}`);
      assert.deepEqual(chunked.articles, whole.articles, `articles, seed ${seed}`);
      assert.deepEqual(chunked.comments, whole.comments, `comments, seed ${seed}`);
    }
  });
});
