import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PairIndex } from '../../engine/pack/pairIndex';

test('finds the slot of every pair it was given, and 0 for any other, whatever the characters', () => {
  // Pairs of CJK characters (their keys are negative as 32-bit integers), of ASCII, and of
  // neighbours that differ in one character only, as the pack's two-character keys are.
  const given = new Map<number, number>();
  // A 32-bit generator (Math.imul keeps the product exact), so the draws do not fall into a cycle.
  let seed = 7;
  const next = (n: number): number => ((seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) >>> 8) % n;
  for (let slot = 1; given.size < 900 && slot < 100_000; slot++) {
    const first = next(2) ? 0x4e00 + next(0x5200) : 0x20 + next(0x60);
    const second = next(3) ? 0x4e00 + next(64) : 0x8000 + next(16);
    given.set((first << 16) | second | 0, slot);
  }
  assert.equal(given.size, 900);
  const index = new PairIndex(given);
  for (const [pair, slot] of given) assert.equal(index.get(pair), slot);
  let absent = 0;
  for (let i = 0; i < 5000; i++) {
    const pair = ((0x4e00 + next(0x5200)) << 16) | (0x4e00 + next(0x5200));
    if (!given.has(pair | 0)) {
      absent++;
      assert.equal(index.get(pair), 0);
    }
  }
  assert.ok(absent > 4000);
  assert.equal(new PairIndex(new Map()).get(0x4e004e01), 0);
});
