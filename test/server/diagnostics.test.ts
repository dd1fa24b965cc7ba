import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver/node';
import { EN_DRAFT, ZH_DRAFT } from './drafts';
import { TestClient, Workspace } from './lspClient';

const ours = (d: Diagnostic) => d.source === 'cluster-policy-lint';

describe('diagnostics for a client that only takes pushed diagnostics (Neovim 0.7)', () => {
  let ws: Workspace;
  let client: TestClient;
  before(async () => {
    ws = new Workspace({ 'plan.md': EN_DRAFT });
    client = await TestClient.start(ws, { pull: false });
  });
  after(async () => {
    await client.stop();
    ws.dispose();
  });

  test('pushes diagnostics when a draft is opened, each with its rule id, source and documentation link', async () => {
    const uri = ws.uri('plan.md');
    await client.open(uri, EN_DRAFT);
    const diagnostics = await client.pushedWhere(uri, (d) => d.length > 0, 'diagnostics for plan.md');
    assert.ok(diagnostics.every(ours));
    for (const d of diagnostics) {
      assert.equal(typeof d.code, 'string');
      assert.match(d.codeDescription!.href, new RegExp(`^file://.*/docs/rules\\.md#${d.code}$`));
    }
    const codes = diagnostics.map((d) => d.code);
    assert.ok(codes.includes('terminology'), `terminology among ${codes.join(', ')}`);
    assert.ok(codes.includes('measure-owner'), `measure-owner among ${codes.join(', ')}`);
  });

  test('reports a missing or partial element at the heading of its section or at the title', async () => {
    const uri = ws.uri('plan.md');
    const diagnostics = await client.pushedWhere(
      uri,
      (d) => d.some((x) => x.code === 'hard-environment'),
      'a hard-environment diagnostic',
    );
    const hard = diagnostics.find((d) => d.code === 'hard-environment')!;
    const line = EN_DRAFT.split('\n')[hard.range.start.line]!;
    assert.match(line, /^#/, `reported on a heading, not on "${line}"`);
    assert.equal(hard.severity, DiagnosticSeverity.Warning);
  });

  test('re-lints after an edit and pushes the new diagnostics', async () => {
    const uri = ws.uri('plan.md');
    await client.replace(uri, EN_DRAFT.replace('SEM cluster', 'SME cluster'));
    const diagnostics = await client.pushedWhere(
      uri,
      (d) => d.length > 0 && !d.some((x) => x.code === 'terminology'),
      'diagnostics without terminology',
    );
    assert.ok(diagnostics.some((d) => d.code === 'measure-owner'));
  });

  test('writes messages in the language of a Chinese draft', async () => {
    const uri = ws.uri('zh.md');
    await client.open(uri, ZH_DRAFT);
    const diagnostics = await client.pushedWhere(uri, (d) => d.length > 0, 'diagnostics for zh.md');
    assert.ok(
      diagnostics.every((d) => /[\u4e00-\u9fff]/.test(d.message)),
      diagnostics.map((d) => d.message).join('\n'),
    );
  });

  test('clears the diagnostics of a draft that is closed', async () => {
    const uri = ws.uri('zh.md');
    await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    await client.pushedWhere(uri, (d) => d.length === 0, 'empty diagnostics for the closed draft');
  });

  test('gives no diagnostics for an empty or odd draft and keeps running', async () => {
    const uri = ws.uri('odd.md');
    await client.open(uri, '\u0000\uFFFF```\n<!-- \n# \n|||\n\r\r\n');
    await client.pushedWhere(uri, () => true, 'any diagnostics for the odd draft');
    const hover = await client.request<unknown>('textDocument/hover', {
      textDocument: { uri: ws.uri('plan.md') },
      position: { line: 0, character: 2 },
    });
    assert.ok(hover, 'the server still answers');
  });
});

describe('diagnostics for a client that pulls them (VS Code)', () => {
  let ws: Workspace;
  let client: TestClient;
  before(async () => {
    ws = new Workspace({ 'plan.md': EN_DRAFT });
    client = await TestClient.start(ws, { pull: true });
  });
  after(async () => {
    await client.stop();
    ws.dispose();
  });

  test('answers textDocument/diagnostic with the findings of the current text', async () => {
    const uri = ws.uri('plan.md');
    await client.open(uri, EN_DRAFT);
    const first = await client.pull(uri);
    assert.ok(first.some((d) => d.code === 'terminology'));
    await client.replace(uri, EN_DRAFT.replace('SEM cluster', 'SME cluster'));
    const second = await client.pull(uri);
    assert.ok(second.length > 0 && !second.some((d) => d.code === 'terminology'));
    assert.ok(second.every(ours));
  });

  test('answers "unchanged" to a client holding the current report, and the full report otherwise', async () => {
    const uri = ws.uri('other.md');
    await client.open(uri, EN_DRAFT);
    const first = await client.pullReport(uri);
    assert.equal(first.kind, 'full');
    assert.ok(first.resultId && first.items!.length > 0);

    // A blank line at the end changes the text but none of its diagnostics.
    await client.replace(uri, `${EN_DRAFT}\n`);
    const same = await client.pullReport(uri, first.resultId);
    assert.deepEqual(same, { kind: 'unchanged', resultId: first.resultId });

    // A client that names another report (or none) gets every item again.
    const stranger = await client.pullReport(uri, 'a report this server never gave');
    assert.equal(stranger.kind, 'full');
    assert.deepEqual(stranger.items, first.items);

    // An edit that fixes a finding changes the report: it comes whole, under a new id.
    await client.replace(uri, EN_DRAFT.replace('SEM cluster', 'SME cluster'));
    const changed = await client.pullReport(uri, stranger.resultId);
    assert.equal(changed.kind, 'full');
    assert.notEqual(changed.resultId, stranger.resultId);
    assert.ok(first.items!.some((d) => d.code === 'terminology'));
    assert.ok(!changed.items!.some((d) => d.code === 'terminology'));
  });
});
