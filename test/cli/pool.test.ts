import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { test } from 'node:test';
import { POOL_THRESHOLD } from '../../cli/pool';
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
