import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { builtinPack, lint, type LintCache, type LintOptions } from '../../engine';
import { warmUp } from '../../server/warmUp';

/** One turn of the event loop: the warm-up's own step, queued first, runs before this resolves. */
const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** A warm-up whose lints are recorded (and run, so a broken warm-up draft shows). */
function recordedWarmUp(rounds: number): { lints: { text: string; cache: LintCache | undefined }[]; stop: () => void } {
  const lints: { text: string; cache: LintCache | undefined }[] = [];
  const stop = warmUp(builtinPack(), {
    rounds,
    lint: (text: string, options: LintOptions) => {
      lints.push({ text, cache: options.cache });
      return lint(text, options);
    },
  });
  return { lints, stop };
}

describe('the warm-up after start', () => {
  test('lints one draft per turn of the event loop, so a request waits for one small lint at most', async () => {
    const { lints, stop } = recordedWarmUp(40);
    try {
      assert.equal(lints.length, 0, 'nothing runs before the server has answered what is waiting');
      for (let n = 1; n <= 5; n++) {
        await turn();
        assert.equal(lints.length, n);
      }
    } finally {
      stop();
    }
  });

  test('stops when the server shuts down, and after its rounds', async () => {
    const stopped = recordedWarmUp(40);
    await turn();
    await turn();
    stopped.stop();
    for (let n = 0; n < 10; n++) await turn();
    assert.equal(stopped.lints.length, 2);

    const finished = recordedWarmUp(6);
    for (let n = 0; n < 20; n++) await turn();
    assert.equal(finished.lints.length, 6);
  });

  test('types one character at a time through one engine cache, as an open draft is edited', async () => {
    const { lints } = recordedWarmUp(30);
    for (let n = 0; n < 40; n++) await turn();
    assert.equal(lints.length, 30);
    assert.ok(lints.every((l) => l.cache && l.cache === lints[0]!.cache), 'every lint goes through the same cache, as an open draft does');
    const places = new Set<number>();
    for (let i = 1; i < lints.length; i++) {
      const before = lints[i - 1]!.text;
      const after = lints[i]!.text;
      assert.equal(after.length, before.length + 1);
      let at = 0;
      while (before[at] === after[at]) at++;
      assert.equal(after.slice(0, at) + after.slice(at + 1), before, `edit ${i} only inserts`);
      places.add(Math.floor((8 * at) / before.length));
    }
    // Spread over the draft, so that edits meet its different blocks and both languages.
    assert.ok(places.size >= 5, `edits land in ${places.size} eighths of the draft`);
  });
});
