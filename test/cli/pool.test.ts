import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import type { DraftOutcome, LintTask } from '../../cli/lintDraft';
import { lintEach, POOL_THRESHOLD, WorkerPool } from '../../cli/pool';
import { LAKESIDE, QINGXI } from './fixtures';
import { cliPath, removeFixture, runInProcess, runSpawned, writeFixture, type Fixture } from './harness';

test('lints many drafts on worker threads with the same report, in the same order, as in one thread', async () => {
  const fixture: Fixture = { '.git/': '' };
  // More drafts than the pool threshold, named so that creation order is not path order.
  for (let i = 0; i < POOL_THRESHOLD + 10; i++) {
    const name = `drafts/${String((i * 37) % 97).padStart(2, '0')}-${i}.md`;
    fixture[name] = i % 2 ? QINGXI : LAKESIDE.replace('1,200', String(1000 + i));
  }
  const root = writeFixture(fixture);
  try {
    const request = { args: ['--format', 'json', 'drafts'], fixture };
    // The spawned CLI finds dist/cli-worker.js next to it and uses the pool; main() here has no worker script.
    const pooled = runSpawned(request, root);
    const single = await runInProcess(request, root);
    assert.equal(pooled.code, single.code, pooled.stderr);
    assert.equal(pooled.stdout, single.stdout);
    const paths = (JSON.parse(pooled.stdout) as { files: { path: string }[] }).files.map((f) => f.path);
    assert.deepEqual(paths, [...paths].sort());
    assert.equal(paths.length, POOL_THRESHOLD + 10);
  } finally {
    removeFixture(root);
  }
});

test('stops quietly with exit 2 when the reader of the report goes away (… | head)', async () => {
  const fixture: Fixture = { '.git/': '' };
  for (let i = 0; i < POOL_THRESHOLD + 10; i++) fixture[`drafts/${String(i).padStart(3, '0')}.md`] = LAKESIDE;
  const root = writeFixture(fixture);
  try {
    const child = spawn(process.execPath, [cliPath(), '--format', 'json', 'drafts'], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    // Read the report's first bytes, then close the pipe as `head` does.
    const first = await new Promise<string>((resolve) =>
      child.stdout.once('data', (d: Buffer) => resolve(d.toString())),
    );
    child.stdout.destroy();
    const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
    assert.match(first, /^\{\n {2}"tool"/);
    assert.equal(code, 2);
    assert.equal(stderr, '');
  } finally {
    removeFixture(root);
  }
});

/**
 * A stand-in for `cli-worker.js` that speaks the pool's protocol: it waits `startMs` before it
 * starts on each draft (a worker still starting up, or compiling a workspace's packs), then says
 * it started, then takes `lintMs` of busy time to lint it.
 */
function fakeWorker(dir: string, startMs: number, lintMs: number): string {
  const script = path.join(dir, `worker-${startMs}-${lintMs}.js`);
  writeFileSync(
    script,
    `const { parentPort } = require('node:worker_threads');
const busy = (ms) => { const end = Date.now() + ms; while (Date.now() < end); };
parentPort.on('message', (m) => {
  if (m.run) return;
  busy(${startMs});
  parentPort.postMessage({ id: m.id, started: true });
  busy(${lintMs});
  const none = { error: 0, warning: 0, information: 0, hint: 0 };
  parentPort.postMessage({ id: m.id, outcome: { display: m.task.display, all: none, shown: none, problems: [] } });
});
`,
  );
  return script;
}

async function outcomesOf(script: string, timeoutMs: number, drafts: number): Promise<DraftOutcome[]> {
  const tasks: LintTask[] = Array.from({ length: drafts }, (_, i) => ({
    display: `d${i}.md`,
    absolute: `/nowhere/d${i}.md`,
    rules: {},
    language: 'auto',
    packKey: '',
  }));
  const outcomes: DraftOutcome[] = [];
  await lintEach(tasks, {
    packSets: {},
    outcome: { format: 'json', color: false, lang: 'auto', quiet: false, maxDraftBytes: 1 << 20, timeoutMs },
    read: () => Promise.reject(new Error('the pool should not read in this thread')),
    pool: WorkerPool.start(script, false)!,
    onOutcome: (outcome) => outcomes.push(outcome),
  });
  return outcomes;
}

test("a draft's budget starts when its lint does, not while its worker starts up", async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cpl-pool-'));
  try {
    // Each draft waits 1.5 s before its lint starts, over a budget of 1 s, and lints in 50 ms.
    const outcomes = await outcomesOf(fakeWorker(dir, 1500, 50), 1000, 2);
    assert.deepEqual(
      outcomes.map((o) => o.error),
      [undefined, undefined],
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a worker whose lint overruns its budget is ended within about a second, and the draft reported as not linted', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cpl-pool-'));
  try {
    const started = Date.now();
    // A lint that would take 30 s, over a budget of 1 s.
    const outcomes = await outcomesOf(fakeWorker(dir, 0, 30_000), 1000, 1);
    assert.ok(Date.now() - started < 10_000, `${Date.now() - started} ms`);
    assert.match(outcomes[0]!.error!, /took longer than 1 s \(--timeout\) and was stopped/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
