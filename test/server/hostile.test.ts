/**
 * A hostile workspace opened in an editor: the same hostile repository as the CLI's tests
 * (test/cli/hostile.test.ts), through a real stdio connection. The server must keep answering
 * (diagnostics and hovers within seconds), say what it refused and why, and never send the text
 * of a file it must not read.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { StreamMessageReader, type Diagnostic, type Hover } from 'vscode-languageserver/node';
import { HOSTILE, longWords, packOf, TOKEN } from '../support/hostile';
import { TestClient, Workspace } from './lspClient';

const SERVER = path.resolve(__dirname, '../../dist/server.js');
const LONG_WORDS = longWords('The county will build a testing centre.');
const PLAN = '# Lakeside hardware cluster plan\n\n## Measures\n\n- Build a shared testing centre.\n';

/** Fails when a promise takes longer than `ms`: the issue's bound on an answer. */
async function within<T>(ms: number, what: string, promise: Promise<T>): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, late]);
  } finally {
    clearTimeout(timer);
  }
}

const hoverAt = (client: TestClient, uri: string) =>
  client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 3 } });

describe('a hostile workspace, opened in an editor', () => {
  const workspaces: Workspace[] = [];
  const clients: TestClient[] = [];
  const open = async (files: Record<string, string>, options: Parameters<typeof TestClient.start>[1] = {}) => {
    const ws = new Workspace({
      '.git/config': `[remote "origin"]\n\turl = https://x:${TOKEN}@github.com/o/r\n`,
      ...files,
    });
    workspaces.push(ws);
    const client = await TestClient.start(ws, { pull: true, ...options });
    clients.push(client);
    return { ws, client };
  };
  after(async () => {
    for (const c of clients) await c.stop();
    for (const w of workspaces) w.dispose();
  });

  test('refuses each backtracking pack pattern on the pack, and answers diagnostics and a hover within 5 s', async () => {
    const { ws, client } = await open({
      '.cluster-policy-lint.yaml': 'packs: ["packs/hostile.yaml"]\n',
      'packs/hostile.yaml': packOf(HOSTILE, 'hostile'),
    });
    const uri = ws.uri('drafts/long-words.md');
    await client.open(uri, LONG_WORDS);
    const diagnostics = await within(5000, 'the diagnostics', client.pull(uri));
    assert.ok(diagnostics.some((d) => d.code === 'hostile'));
    await within(5000, 'a hover', hoverAt(client, uri));
    const onPack = await client.pushedWhere(
      ws.uri('packs/hostile.yaml'),
      (d) => d.filter((x) => /^This pattern/.test(x.message)).length === HOSTILE.length * 2,
      'every pattern refused on the pack',
    );
    assert.ok(onPack.every((d) => d.range.start.line >= 11));
  });

  test('ignores a backtracking measures heading setting, with a message, and keeps answering', async () => {
    const { ws, client } = await open({}, { settings: { measureHeadings: ['^Measures', '(\\w|\\w)*x'] } });
    const uri = ws.uri('drafts/long-words.md');
    await client.open(uri, LONG_WORDS);
    await within(5000, 'the diagnostics', client.pull(uri));
    await client.until(
      () =>
        client.messages.some((m) => /measureHeadings" pattern 2 is ignored\. This pattern repeats/.test(m.message))
          ? true
          : undefined,
      'a message about the refused pattern',
    );
  });

  test('stops a lint that overruns its budget, says so, and goes on answering', async () => {
    const { ws, client } = await open(
      {
        '.cluster-policy-lint.yaml': 'packs: ["packs/slow.yaml"]\n',
        'packs/slow.yaml': packOf(['产[^。]*业'], 'slow'),
      },
      { initializationOptions: { timeoutSeconds: 2 } },
    );
    const slow = ws.uri('drafts/slow.md');
    await client.open(slow, `# 规划\n\n${'产'.repeat(300_000)}\n`);
    assert.deepEqual(await within(8000, 'the stopped draft’s diagnostics', client.pull(slow)), []);
    await client.until(
      () =>
        client.messages.some((m) =>
          /slow\.md is not checked: its check took longer than 2 s.*packs\/slow\.yaml/.test(m.message),
        )
          ? true
          : undefined,
      'a message naming the cause',
    );
    // Asked again, the stopped draft does not stop the server again.
    assert.deepEqual(await within(1000, 'the stopped draft again', client.pull(slow)), []);
    const plan = ws.uri('drafts/plan.md');
    await client.open(plan, PLAN);
    assert.ok((await within(5000, 'another draft’s diagnostics', client.pull(plan))).length > 0);
  });

  test('does not check a draft over 20 MB, says so, and answers about the others', async () => {
    const { ws, client } = await open({});
    const big = ws.uri('drafts/big.md');
    await client.open(big, `# Plan\n\n${'x'.repeat(21 << 20)}\n`);
    assert.deepEqual(await within(10_000, 'the big draft’s diagnostics', client.pull(big)), []);
    await client.until(
      () =>
        client.messages.some((m) => /big\.md is not checked: it is larger than 20 MB/.test(m.message))
          ? true
          : undefined,
      'a message about the size',
    );
    const plan = ws.uri('drafts/plan.md');
    await client.open(plan, PLAN);
    await within(5000, 'a hover on another draft', hoverAt(client, plan));
  });

  test('reads no pack in .git or outside the workspace unless the user’s own settings name it', async () => {
    const outside = mkdtempSync(path.join(os.tmpdir(), 'cpl-user-pack-'));
    try {
      writeFileSync(path.join(outside, 'county.yaml'), packOf(['cooperative kiln'], 'county'));
      const { ws, client } = await open(
        { '.cluster-policy-lint.yaml': 'packs: [".git/config"]\n', 'drafts/leak.md': '' },
        { settings: { packs: [path.join(outside, 'county.yaml')], userPacks: [path.join(outside, 'county.yaml')] } },
      );
      const uri = ws.uri('drafts/plan.md');
      await client.open(uri, PLAN);
      const diagnostics = await client.pull(uri);
      // The user's own pack is read (its element, missing here, is reported); the workspace's is refused.
      assert.ok(diagnostics.some((d) => d.code === 'county'));
      await client.until(
        () =>
          client.messages.some((m) =>
            /that the workspace's clusterPolicyLint\.packs names is not read: it is outside the project/.test(
              m.message,
            ),
          )
            ? true
            : undefined,
        'a message about the workspace setting',
      );
      const onConfig = await client.pushedWhere(
        ws.uri('.cluster-policy-lint.yaml'),
        (d) => d.some((x) => /inside a \.git folder/.test(x.message)),
        'the .git pack refused on the configuration',
      );
      // A closed draft that links into .git is not read for a custom request either.
      rmSync(path.join(ws.root, 'drafts/leak.md'));
      symlinkSync(path.join(ws.root, '.git/config'), path.join(ws.root, 'drafts/leak.md'));
      assert.equal(await client.request('clusterPolicyLint/fileReport', { uri: ws.uri('drafts/leak.md') }), null);
      const everything = JSON.stringify([client.messages, [...client.pushed.values()], onConfig]);
      assert.ok(!everything.includes('FAKEtoken'));
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });

  test('refuses settings keys that are not rule ids, and reports "constructor" as an unknown rule', async () => {
    const { ws, client } = await open(
      {},
      { settings: { rules: { toString: 'off', ['__proto__']: 'off', constructor: 'error' } } },
    );
    const uri = ws.uri('drafts/plan.md');
    await client.open(uri, PLAN);
    const diagnostics: Diagnostic[] = await client.pull(uri);
    assert.ok(diagnostics.length > 0);
    await client.until(
      () =>
        client.messages.filter((m) => /names something that is not a rule id/.test(m.message)).length >= 1
          ? true
          : undefined,
      'a message about the keys',
    );
    await client.until(
      () => (client.messages.some((m) => /Unknown rule "constructor"/.test(m.message)) ? true : undefined),
      'a message about constructor',
    );
  });
});

describe('the stdio transport', () => {
  /** The server over raw pipes: what the test writes, byte for byte, and what it answers. */
  const raw = () => {
    const child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: 'pipe' });
    const answers: { id?: number; result?: unknown; error?: { code: number } }[] = [];
    const logs: string[] = [];
    new StreamMessageReader(child.stdout).listen((m) => {
      const message = m as { id?: number; method?: string; params?: { message?: string } };
      if (message.method === 'window/logMessage') logs.push(message.params?.message ?? '');
      else if (message.id !== undefined && message.method === undefined)
        answers.push(message as (typeof answers)[number]);
    });
    const frame = (body: unknown, length?: number) => {
      const text = JSON.stringify(body);
      child.stdin.write(`Content-Length: ${length ?? Buffer.byteLength(text)}\r\n\r\n${text}`);
    };
    const answer = async (id: number) => {
      for (const until = Date.now() + 10_000; Date.now() < until; await new Promise((r) => setTimeout(r, 20))) {
        const found = answers.find((a) => a.id === id);
        if (found) return found;
      }
      throw new Error(`no answer to ${id}`);
    };
    return { child, frame, answer, logs };
  };
  const root = mkdtempSync(path.join(os.tmpdir(), 'cpl-transport-'));
  after(() => rmSync(root, { recursive: true, force: true }));
  const initialize = (id: number) => ({
    jsonrpc: '2.0',
    id,
    method: 'initialize',
    params: { processId: null, rootUri: pathToFileURL(root).toString(), capabilities: {} },
  });

  test('answers a request before initialize with error -32002', async () => {
    const { child, frame, answer } = raw();
    try {
      frame({
        jsonrpc: '2.0',
        id: 1,
        method: 'textDocument/hover',
        params: { textDocument: { uri: 'file:///x.md' }, position: { line: 0, character: 0 } },
      });
      assert.equal((await answer(1)).error?.code, -32002);
      frame(initialize(2));
      assert.ok((await answer(2)).result);
    } finally {
      child.kill();
    }
  });

  test('recovers from a frame whose Content-Length exceeds its body, and says so in the log', async () => {
    const { child, frame, answer, logs } = raw();
    try {
      frame(initialize(1));
      await answer(1);
      frame({ jsonrpc: '2.0', method: 'initialized', params: {} });
      // A broken frame, then a good request: the broken one must not swallow it for good.
      frame({ jsonrpc: '2.0', id: 2, method: 'shutdown' }, 500);
      frame({ jsonrpc: '2.0', id: 3, method: 'clusterPolicyLint/rules', params: {} });
      frame({ jsonrpc: '2.0', id: 4, method: 'clusterPolicyLint/rules', params: {} });
      const rules = await answer(4);
      assert.ok(Array.isArray(rules.result));
      assert.ok(
        logs.some((l) => /could not be read: a message whose Content-Length was larger than its body/.test(l)),
        logs.join('\n'),
      );
      // A broken frame with nothing after it: once the sender pauses, it is read with its real length.
      frame({ jsonrpc: '2.0', id: 5, method: 'clusterPolicyLint/rules', params: {} }, 5000);
      assert.ok(Array.isArray((await answer(5)).result));
    } finally {
      child.kill();
    }
  });
});
