import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { describe, test } from 'node:test';
import { boundYoungGeneration, semiSpaceSizeGiven, YOUNG_GENERATION_BOUND, youngGenerationSize } from '../../server/youngGeneration';

/*
 * The bound changes V8's settings for the whole process, so each case runs in a child process: this
 * file run again with CHILD set, which keeps much of what it allocates alive, as a server holding
 * open drafts does, and prints how large the young generation became.
 */
const CHILD = 'CLUSTER_POLICY_LINT_YOUNG_GENERATION_CHILD';

async function grow(): Promise<void> {
  let kept: { index: number; text: string }[] = [];
  for (let round = 0; round < 60; round++) {
    for (let i = 0; i < 20000; i++) kept.push({ index: i, text: `item ${i}` });
    if (kept.length > 200000) kept = kept.slice(100000);
    // Collections are observed between turns of the event loop, as they are in the server.
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/** The young generation's size after `grow` in a new process, bounded or not. */
function grownSize(bounded: boolean): number {
  const child = spawnSync(process.execPath, [__filename], { env: { ...process.env, [CHILD]: bounded ? 'bounded' : 'free' }, encoding: 'utf8' });
  assert.equal(child.status, 0, child.stderr);
  return Number(child.stdout.trim());
}

if (process.env[CHILD]) {
  if (process.env[CHILD] === 'bounded') boundYoungGeneration();
  void grow().then(() => process.stdout.write(`${youngGenerationSize()}\n`));
} else {
  describe('the young generation of a server started without flags', () => {
    test("stops growing at the bound, where it would grow to V8's maximum", () => {
      const free = grownSize(false);
      const bounded = grownSize(true);
      assert.ok(free > YOUNG_GENERATION_BOUND, `left alone, this workload grows it past the bound (${free} bytes)`);
      assert.ok(bounded >= YOUNG_GENERATION_BOUND, `it grows up to the bound (${bounded} bytes)`);
      assert.ok(bounded < free, `bounded, it stops short of where it grows when left alone (${bounded} against ${free} bytes)`);
    });

    test('is not bounded when the process was started with a semi-space size of its own', () => {
      assert.equal(semiSpaceSizeGiven(['--max-semi-space-size=4'], ''), true, "VS Code's flag");
      assert.equal(semiSpaceSizeGiven(['--max_semi_space_size', '64'], ''), true, 'a flag with underscores and its value apart');
      assert.equal(semiSpaceSizeGiven([], '--no-warnings --max-semi-space-size=2'), true, 'NODE_OPTIONS');
      assert.equal(semiSpaceSizeGiven(['--max-old-space-size=512'], '--max-semi-space-sizes=1'), false, 'other flags');
      assert.equal(semiSpaceSizeGiven([], ''), false, 'no flags');
    });
  });
}
