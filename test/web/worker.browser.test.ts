import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { lint } from '../../engine';
import { launchChromium } from '../report/chromium';
import { EN_DRAFT, ZH_DRAFT } from '../server/drafts';

// The web build of the language server, dist/web/server.js, in a Worker of headless Chromium,
// started as VS Code's web extension host starts workers: from a blob: script that calls
// importScripts. The test speaks LSP to it over postMessage, as vscode-languageclient/browser does,
// and answers its requests as a client without files would (settings null: the defaults).
const SERVER = path.resolve(__dirname, '../../dist/web/server.js');
const ORIGIN = 'http://cluster-policy-lint.test';
const WAIT_MS = 10_000;

const PAGE = `<!doctype html><meta charset="utf-8"><script>
window.received = [];
window.start = async () => {
  const code = await (await fetch('/server.js')).text();
  const script = URL.createObjectURL(new Blob([code], { type: 'text/javascript' }));
  const boot = URL.createObjectURL(new Blob(['importScripts(' + JSON.stringify(script) + ');'], { type: 'text/javascript' }));
  const worker = new Worker(boot);
  window.send = (message) => worker.postMessage(message);
  worker.onmessage = (event) => {
    const m = event.data;
    if (m.id !== undefined && m.method) {
      // A request from the server: settings (null: the defaults), registrations, file reads.
      const result = m.method === 'workspace/configuration' ? m.params.items.map(() => null) : null;
      worker.postMessage({ jsonrpc: '2.0', id: m.id, result });
      return;
    }
    window.received.push(m);
  };
  worker.onerror = (e) => window.received.push({ workerError: String(e.message) });
};
</script>`;

const frontMatter = (text: string) => `---\ncluster-policy-lint: true\n---\n${text}`;

let browser: Browser;
let page: Page;
let nextId = 1;

before(async () => {
  browser = await launchChromium();
  page = await browser.newPage();
  // The page and the script are served by the test itself: nothing listens on a socket.
  await page.route(`${ORIGIN}/**`, (route) => {
    const url = new URL(route.request().url());
    if (url.pathname === '/server.js')
      return route.fulfill({ body: readFileSync(SERVER, 'utf8'), contentType: 'text/javascript' });
    return route.fulfill({ body: PAGE, contentType: 'text/html' });
  });
  await page.goto(`${ORIGIN}/`);
  await page.evaluate('window.start()');
});
after(async () => {
  await browser?.close();
});

async function notify(method: string, params: unknown): Promise<void> {
  await page.evaluate(`window.send(${JSON.stringify({ jsonrpc: '2.0', method, params })})`);
}

async function request<R>(method: string, params: unknown): Promise<R> {
  const id = nextId++;
  await page.evaluate(`window.send(${JSON.stringify({ jsonrpc: '2.0', id, method, params })})`);
  const handle = await page.waitForFunction(`window.received.find((m) => m.id === ${id} || m.workerError)`, undefined, {
    timeout: WAIT_MS,
  });
  const answer = (await handle.jsonValue()) as { result?: R; error?: unknown; workerError?: string };
  assert.equal(answer.workerError, undefined, 'the worker script runs');
  assert.equal(answer.error, undefined, `${method} answered`);
  return answer.result as R;
}

interface Diagnostic {
  code: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  message: string;
}

describe('the web build of the language server in a browser worker', () => {
  const drafts = [
    { name: 'an English untitled draft', uri: 'untitled:Untitled-1', text: frontMatter(EN_DRAFT) },
    {
      name: 'a Chinese draft in a github.dev repository',
      uri: 'vscode-vfs://github/county-office/plans/drafts/%E8%A7%84%E5%88%92.md',
      text: frontMatter(ZH_DRAFT),
    },
  ];

  test('initialises over postMessage', async () => {
    const result = await request<{ capabilities: Record<string, unknown> }>('initialize', {
      processId: null,
      rootUri: 'vscode-vfs://github/county-office/plans',
      workspaceFolders: [{ uri: 'vscode-vfs://github/county-office/plans', name: 'plans' }],
      capabilities: {
        workspace: { configuration: true },
        textDocument: { diagnostic: {}, hover: { contentFormat: ['markdown'] }, codeAction: {} },
      },
    });
    assert.ok(result.capabilities.diagnosticProvider, 'it offers pulled diagnostics');
    assert.ok(result.capabilities.hoverProvider);
    await notify('initialized', {});
  });

  for (const draft of drafts) {
    test(`checks ${draft.name}: the engine's diagnostics, a hover and a quick fix`, async () => {
      await notify('textDocument/didOpen', {
        textDocument: { uri: draft.uri, languageId: 'markdown', version: 1, text: draft.text },
      });
      const report = await request<{ items: Diagnostic[] }>('textDocument/diagnostic', {
        textDocument: { uri: draft.uri },
      });
      const expected = lint(draft.text).findings.map((f) => [
        f.ruleId,
        f.range.start.line,
        f.range.start.character,
        f.message,
      ]);
      assert.ok(expected.length > 0);
      assert.deepEqual(
        report.items.map((d) => [d.code, d.range.start.line, d.range.start.character, d.message]),
        expected,
      );

      const missing = report.items.find((d) => d.code === 'joint-action')!;
      const hover = await request<{ contents: { value: string } }>('textDocument/hover', {
        textDocument: { uri: draft.uri },
        position: missing.range.start,
      });
      assert.match(hover.contents.value, /joint-action/);
      const actions = await request<{ title: string; edit?: unknown }[]>('textDocument/codeAction', {
        textDocument: { uri: draft.uri },
        range: missing.range,
        context: { diagnostics: [missing] },
      });
      assert.ok(
        actions.some((a) => a.edit),
        `a quick fix with an edit among: ${actions.map((a) => a.title).join('; ')}`,
      );
    });
  }
});
