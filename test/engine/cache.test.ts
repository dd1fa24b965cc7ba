import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { lint, LintCache } from '../../engine';

// The shared corpus of real policy texts stands beside the repository (../shared/corpus).
const corpus = path.resolve(__dirname, '../../../shared/corpus');

test('lints an edited draft with a cache exactly as without one', () => {
  // A long draft of fixture texts, edited at random places as a drafter types and deletes.
  assert.ok(existsSync(corpus), `no corpus at ${corpus}: the tests read the shared corpus beside the checkout, as CI lays it out`);
  const parts = readdirSync(corpus)
    .filter((f) => /^(en|zh)-.*\.md$/.test(f))
    .map((f) => readFileSync(path.join(corpus, f), 'utf8'));
  assert.ok(parts.length >= 4, 'the corpus is there');
  let text = `# Draft\n\n${parts.join('\n\n').repeat(2)}`;
  const cache = new LintCache();
  let seed = 11;
  const next = (n: number): number => (seed = (seed * 1103515245 + 12345) % 2147483648) % n;
  const snippets = ['rail freight spur ', '\n\n## Measures\n\n', '- Build a testing centre by 2028 (Lead: County Bureau).\n', '联合采购原材料，', '\n\n第三条 ', 'x', '```\n'];
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
