import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { DraftStatusRequest, type DraftStatus } from '../../common/protocol';
import { EN_DRAFT, ZH_DRAFT } from './drafts';
import { TestClient, Workspace } from './lspClient';

const README = '# Tools\n\nRun `make` to build. See the wiki for more.\n';
const frontMatter = (on: boolean, text: string) => `---\ncluster-policy-lint: ${on}\n---\n${text}`;

describe('a workspace without a configuration file', () => {
  const ws = new Workspace(
    { 'README.md': README, 'plan.md': EN_DRAFT, 'drafts/zh.md': frontMatter(true, ZH_DRAFT) },
    { configured: false },
  );
  let client: TestClient;
  after(async () => {
    await client?.stop();
    ws.dispose();
  });
  const status = (uri: string) => client.request<DraftStatus>(DraftStatusRequest.method, { uri });

  test('gives a plain README no findings, and says why', async () => {
    client = await TestClient.start(ws, { pull: true, settings: {} });
    const uri = ws.uri('README.md');
    await client.open(uri, README);
    assert.deepEqual(await client.pull(uri), []);
    assert.deepEqual(await status(uri), { checked: false, reason: 'no-configuration' });
  });

  test('leaves a draft alone until something says it is one', async () => {
    const uri = ws.uri('plan.md');
    await client.open(uri, EN_DRAFT);
    assert.deepEqual(await client.pull(uri), []);
  });

  test('checks a draft whose front matter says cluster-policy-lint: true', async () => {
    const uri = ws.uri('drafts/zh.md');
    await client.open(uri, frontMatter(true, ZH_DRAFT));
    assert.ok((await client.pull(uri)).some((d) => d.code === 'measure-owner'));
    assert.deepEqual(await status(uri), { checked: true, reason: 'front-matter' });
  });

  test('checks an untitled draft with that front matter', async () => {
    const uri = 'untitled:Untitled-1';
    await client.open(uri, frontMatter(true, EN_DRAFT));
    assert.ok((await client.pull(uri)).some((d) => d.code === 'terminology'));
  });

  test('checks the files the include setting names, and those the user asked for', async () => {
    client.settings = { include: ['plan.md'] };
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    const plan = ws.uri('plan.md');
    assert.ok((await client.pull(plan)).length > 0, 'the glob names plan.md');
    assert.deepEqual(await status(plan), { checked: true, reason: 'setting' });
    assert.deepEqual(await client.pull(ws.uri('README.md')), []);

    client.settings = { requested: true };
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    assert.ok((await client.pull(ws.uri('README.md'))).length > 0, 'the user asked for it');
    assert.deepEqual(await status(ws.uri('README.md')), { checked: true, reason: 'requested' });
  });
});

describe('a configured workspace', () => {
  const ws = new Workspace({ 'plan.md': EN_DRAFT, 'notes/minutes.md': frontMatter(false, EN_DRAFT) });
  let client: TestClient;
  after(async () => {
    await client?.stop();
    ws.dispose();
  });

  test('checks its drafts as before', async () => {
    client = await TestClient.start(ws, { pull: true, settings: {} });
    const uri = ws.uri('plan.md');
    await client.open(uri, EN_DRAFT);
    assert.ok((await client.pull(uri)).some((d) => d.code === 'terminology'));
    assert.deepEqual(await client.request(DraftStatusRequest.method, { uri }), {
      checked: true,
      reason: 'configuration',
    });
  });

  test('leaves a file whose front matter says cluster-policy-lint: false', async () => {
    const uri = ws.uri('notes/minutes.md');
    await client.open(uri, frontMatter(false, EN_DRAFT));
    assert.deepEqual(await client.pull(uri), []);
    assert.deepEqual(await client.request(DraftStatusRequest.method, { uri }), {
      checked: false,
      reason: 'front-matter-off',
    });
  });
});
