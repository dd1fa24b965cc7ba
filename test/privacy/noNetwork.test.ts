import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import type { Hover, MarkupContent } from 'vscode-languageserver/node';
import { type Fixture, REPO, removeFixture, runSpawned, writeFixture } from '../cli/harness';
import { EN_DRAFT, ZH_DRAFT } from '../server/drafts';
import { TestClient, Workspace } from '../server/lspClient';

// The README promises "no telemetry, no network access". The CLI and the language server run here
// with test/support/noNetwork.cjs preloaded, which records every socket, server, request, name
// lookup and fetch to a file; the tests read that file.

const PRELOAD = path.join(REPO, 'test', 'support', 'noNetwork.cjs');

interface NetworkLogEntry {
  pid: number;
  thread: number;
  armed?: boolean;
  call?: string;
  stack?: string;
}

/** A fresh network log and the environment that arms the guard in a process and its threads. */
function guarded(): { env: Record<string, string>; entries: () => NetworkLogEntry[]; dispose: () => void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cpl-network-'));
  const log = path.join(dir, 'network.jsonl');
  writeFileSync(log, '');
  return {
    env: { NODE_OPTIONS: `--require ${JSON.stringify(PRELOAD)}`, CPL_NETWORK_LOG: log },
    entries: () =>
      readFileSync(log, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as NetworkLogEntry),
    dispose: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** The network calls a log holds, each with the code that made it. */
const calls = (entries: NetworkLogEntry[]) =>
  entries.filter((e) => e.call).map((e) => `${e.call} (thread ${e.thread})\n${e.stack}`);

describe('the CLI', () => {
  // More drafts than the worker pool's threshold, so a machine with a second core lints them in
  // worker threads too, and the guard watches those threads as well.
  const fixture: Fixture = { '.cluster-policy-lint.yaml': '# Every Markdown file here is a policy draft.\n' };
  for (let i = 0; i < 60; i++) fixture[`drafts/plan-${String(i).padStart(2, '0')}.md`] = i % 2 ? ZH_DRAFT : EN_DRAFT;
  const root = writeFixture(fixture);
  after(() => removeFixture(root));

  for (const format of ['json', 'html']) {
    test(`opens no socket while it writes a ${format} report on a folder of drafts`, () => {
      const network = guarded();
      try {
        const run = runSpawned({ args: ['drafts', '--format', format], fixture, env: network.env }, root);
        const entries = network.entries();
        assert.deepEqual(calls(entries), []);
        assert.equal(run.code, 0, run.stderr);
        if (format === 'json') assert.equal(JSON.parse(run.stdout).files.length, 60);
        else assert.match(run.stdout, /^<!DOCTYPE html>/i);
        // The guard was in place, in the main thread and, given a second core, in the workers.
        assert.ok(entries.some((e) => e.armed && e.thread === 0));
        if (os.availableParallelism() > 1) assert.ok(entries.some((e) => e.armed && e.thread !== 0));
      } finally {
        network.dispose();
      }
    });
  }
});

describe('the language server', () => {
  test('opens no socket over a stdio session: initialize, open a draft, diagnostics, hover, shutdown', async () => {
    const network = guarded();
    const ws = new Workspace({ 'plans/zh.md': ZH_DRAFT });
    try {
      const client = await TestClient.start(ws, { env: network.env });
      const uri = ws.uri('plans/zh.md');
      await client.open(uri, ZH_DRAFT);
      const diagnostics = await client.pushedWhere(uri, (d) => d.length > 0, 'the draft’s diagnostics');
      const hover = await client.request<Hover | null>('textDocument/hover', {
        textDocument: { uri },
        position: { line: diagnostics[0]!.range.start.line, character: diagnostics[0]!.range.start.character + 1 },
      });
      assert.ok((hover?.contents as MarkupContent | undefined)?.value, 'a hover on the first diagnostic');
      assert.match(await client.shutdown(), /exited \(code 0\)/);
      const entries = network.entries();
      assert.deepEqual(calls(entries), []);
      assert.ok(entries.some((e) => e.armed));
    } finally {
      ws.dispose();
      network.dispose();
    }
  });
});
