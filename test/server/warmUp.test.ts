import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { builtinPack, lint, LintCache, type LintOptions } from '../../engine';
import { LONG_DRAFT, LongDraftWarmUp, warmUp } from '../../server/warmUp';

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

describe('the warm-up on the first long draft', () => {
  /** A `LongDraftWarmUp` whose runs are recorded instead of run. */
  function recordedLongDraftWarmUp(): { warm: LongDraftWarmUp; runs: { rounds: number; text: string; cache: LintCache }[] } {
    const runs: { rounds: number; text: string; cache: LintCache }[] = [];
    const warm = new LongDraftWarmUp((_pack, options = {}) => {
      runs.push({ rounds: options.rounds!, text: options.draft!.text, cache: options.draft!.options.cache });
      return () => {};
    });
    return { warm, runs };
  }
  const draftOf = (length: number): string => `# Plan\n\n${'The county will upgrade the freight rail spur to the park by 2028.\n\n'.repeat(Math.ceil(length / 66))}`.slice(0, length);

  test('warms up once, on the first draft long enough, through a fork of its cache', () => {
    const { warm, runs } = recordedLongDraftWarmUp();
    const pack = builtinPack();
    const cache = new LintCache();
    assert.equal(warm.offer(draftOf(LONG_DRAFT - 1), { pack, cache }), false, 'a short draft is warm once the start-up warm-up is done');
    const long = draftOf(100_000);
    assert.equal(warm.offer(long, { pack, cache }), true);
    assert.equal(runs.length, 1);
    assert.equal(runs[0]!.text, long, 'it types into the draft itself');
    assert.notEqual(runs[0]!.cache, cache, "the draft's own cache is not typed into");
    assert.equal(runs[0]!.rounds, 40);
    assert.equal(warm.offer(draftOf(200_000), { pack, cache: new LintCache() }), false, 'the code stays warm for the drafts after');
    assert.equal(runs.length, 1);
  });

  test('gives longer drafts fewer rounds, and none to a draft so long that a round would hold up typing', () => {
    const pack = builtinPack();
    const huge = recordedLongDraftWarmUp();
    assert.equal(huge.warm.offer(draftOf(5_000_000), { pack, cache: new LintCache() }), false);
    assert.equal(huge.warm.offer(draftOf(1_000_000), { pack, cache: new LintCache() }), true, 'a later long draft still gets one');
    assert.equal(huge.runs[0]!.rounds, 4);
  });

  test('lints the typed copy through the fork as a fresh lint does, and leaves the draft as it was', async () => {
    const pack = builtinPack();
    const text = draftOf(LONG_DRAFT + 5000);
    const cache = new LintCache();
    const before = lint(text, { pack, cache });
    const lints: { text: string; options: LintOptions }[] = [];
    const warm = new LongDraftWarmUp((p, options) =>
      warmUp(p, { ...options, delayMs: 0, spacingMs: 0, lint: (t, o) => (lints.push({ text: t, options: o }), lint(t, o)) }),
    );
    assert.ok(warm.offer(text, { pack, cache }));
    // Bounded, so that a warm-up that never lints fails here rather than hanging the suite.
    for (let waited = 0; lints.length < 5 && waited < 400; waited++) await new Promise((resolve) => setTimeout(resolve, 5));
    assert.ok(lints.length >= 5, `${lints.length} lints in two seconds`);
    warm.stop();
    const count = lints.length;
    await new Promise((resolve) => setTimeout(resolve, 30));
    assert.equal(lints.length, count, 'it stops when asked');
    for (const [i, { text: typed, options }] of lints.entries()) {
      assert.equal(typed.length, text.length + i + 1, 'one character more each time');
      assert.notEqual(options.cache, cache);
      assert.deepEqual(lint(typed, options).findings, lint(typed, { pack }).findings);
    }
    assert.deepEqual(lint(text, { pack, cache }).findings, before.findings, "the draft's cache still stands at the draft");
  });
});
