import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { EN_DRAFT } from './drafts';
import { TestClient, Workspace } from './lspClient';

/** Whether a diagnostic reports a rule: as its code, or as one of the rules it stands for. */
function reports(d: { code?: unknown; data?: unknown }, rule: string): boolean {
  return d.code === rule || ((d.data as { parts?: string[] } | undefined)?.parts ?? []).includes(rule);
}

describe('settings pulled per document', () => {
  let ws: Workspace;
  let client: TestClient;
  before(async () => {
    ws = new Workspace();
    client = await TestClient.start(ws, { pull: false, settings: {} });
  });
  after(async () => {
    await client.stop();
    ws.dispose();
  });

  test('pulls the settings for the draft being linted (scopeUri) and re-pulls them when they change', async () => {
    const uri = ws.uri('plan.md');
    await client.open(uri, EN_DRAFT);
    await client.pushedWhere(uri, (d) => d.some((x) => x.code === 'measure-owner'), 'a measure-owner diagnostic');
    assert.ok(client.configurationRequests.some((r) => r.scopeUri === uri && r.section === 'clusterPolicyLint'));

    const asked = client.configurationRequests.length;
    client.settings = { rules: { 'measure-owner': 'off', terminology: 'error' } };
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    const after = await client.pushedWhere(
      uri,
      (d) => d.length > 0 && !d.some((x) => x.code === 'measure-owner'),
      'diagnostics without measure-owner',
    );
    assert.ok(client.configurationRequests.length > asked, 'the settings were pulled again');
    assert.equal(after.find((d) => d.code === 'terminology')?.severity, 1, 'terminology is now an error');
  });

  test('writes messages in the language the settings ask for', async () => {
    const uri = ws.uri('plan.md');
    client.settings = { messageLanguage: 'zh' };
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    const diagnostics = await client.pushedWhere(
      uri,
      (d) => d.length > 0 && d.every((x) => /[\u4e00-\u9fff]/.test(x.message)),
      'Chinese messages',
    );
    assert.ok(diagnostics.some((d) => d.code === 'measure-owner'));
  });

  test('reports a bad setting in a message and keeps linting with the rest', async () => {
    const uri = ws.uri('plan.md');
    client.settings = { rules: { 'measure-owner': 'loud', 'no-such-rule': 'off' }, measureHeadings: ['(unclosed'] };
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await client.until(
      () => (client.messages.some((m) => /loud|severity/.test(m.message)) ? true : undefined),
      'a message about the bad severity',
    );
    await client.until(
      () => (client.messages.some((m) => /no-such-rule/.test(m.message)) ? true : undefined),
      'a message about the unknown rule',
    );
    await client.until(
      () => (client.messages.some((m) => /measureHeadings" pattern 1 is ignored/.test(m.message)) ? true : undefined),
      'a message about the bad pattern',
    );
    await client.pushedWhere(
      uri,
      (d) => d.some((x) => x.code === 'measure-owner' && /[A-Za-z]/.test(x.message)),
      'English diagnostics with measure-owner',
    );
  });
});

describe('a client that sends settings only with didChangeConfiguration', () => {
  test('uses the pushed settings', async () => {
    const ws = new Workspace();
    const client = await TestClient.start(ws, { pull: false, configuration: false });
    try {
      const uri = ws.uri('plan.md');
      await client.open(uri, EN_DRAFT);
      await client.pushedWhere(uri, (d) => d.some((x) => x.code === 'terminology'), 'a terminology diagnostic');
      await client.connection.sendNotification('workspace/didChangeConfiguration', {
        settings: { clusterPolicyLint: { rules: { terminology: 'off' } } },
      });
      await client.pushedWhere(
        uri,
        (d) => d.length > 0 && !d.some((x) => x.code === 'terminology'),
        'diagnostics without terminology',
      );
      assert.equal(client.configurationRequests.length, 0);
    } finally {
      await client.stop();
      ws.dispose();
    }
  });
});

describe('configuration files and user packs', () => {
  let ws: Workspace;
  let client: TestClient;
  before(async () => {
    ws = new Workspace({ 'drafts/plan.md': EN_DRAFT });
    client = await TestClient.start(ws, { pull: true });
  });
  after(async () => {
    await client.stop();
    ws.dispose();
  });

  const changed = (...names: string[]) =>
    client.connection.sendNotification('workspace/didChangeWatchedFiles', {
      changes: names.map((n) => ({ uri: ws.uri(n), type: 2 })),
    });

  test('applies the configuration file the CLI reads, and a change to it once the watcher reports it', async () => {
    const uri = ws.uri('drafts/plan.md');
    await client.open(uri, EN_DRAFT);
    assert.ok((await client.pull(uri)).some((d) => d.code === 'measure-owner'));
    ws.write('.cluster-policy-lint.yaml', 'rules:\n  measure-owner: off\n');
    const refreshes = client.diagnosticRefreshes;
    await changed('.cluster-policy-lint.yaml');
    await client.until(
      () => (client.diagnosticRefreshes > refreshes ? true : undefined),
      'a diagnostic refresh request',
    );
    assert.ok(!(await client.pull(uri)).some((d) => d.code === 'measure-owner'));
  });

  test('reports a broken configuration file on that file, and still lints', async () => {
    const uri = ws.uri('drafts/plan.md');
    ws.write('.cluster-policy-lint.yaml', 'rules:\n  measure-owner: [off\n');
    await changed('.cluster-policy-lint.yaml');
    // The editor pulls again after the server's refresh request; the pull is what re-lints.
    assert.ok((await client.pull(uri)).length > 0, 'the draft is still linted');
    const problems = await client.pushedWhere(
      ws.uri('.cluster-policy-lint.yaml'),
      (d) => d.length > 0,
      'a diagnostic on the configuration file',
    );
    assert.match(problems[0]!.message, /YAML/);
    assert.equal(problems[0]!.range.start.line, 1);
  });

  test('reports an unknown rule id on its line in the configuration file', async () => {
    ws.write('.cluster-policy-lint.yaml', 'rules:\n  measure-owner: off\n  measure-ownr: off\n');
    await changed('.cluster-policy-lint.yaml');
    await client.pull(ws.uri('drafts/plan.md'));
    const problems = await client.pushedWhere(
      ws.uri('.cluster-policy-lint.yaml'),
      (d) => d.some((x) => /not a rule id\. Did you mean "measure-owner"/.test(x.message)),
      'the unknown rule reported',
    );
    assert.equal(problems.find((x) => /not a rule id/.test(x.message))!.range.start.line, 2);
  });

  test('loads a user pack named by the configuration and reports a broken one on the pack, still linting', async () => {
    const uri = ws.uri('drafts/plan.md');
    ws.write(
      'packs/county.yaml',
      [
        'pack: county-terms',
        'title: { en: "County terms", zh: "县用语" }',
        'groups: []',
        'elements: []',
        'drafting:',
        '  terminology:',
        '    - find: "hinges"',
        '      language: en',
        '      replace: "hinge fittings"',
        '      why: { en: "The county statistics say hinge fittings.", zh: "统计口径。" }',
        '',
      ].join('\n'),
    );
    ws.write('.cluster-policy-lint.yaml', 'packs:\n  - packs/county.yaml\n');
    await changed('.cluster-policy-lint.yaml');
    const withPack = await client.pull(uri);
    assert.ok(
      withPack.some((d) => d.code === 'terminology' && /hinge fittings/.test(d.message)),
      withPack.map((d) => d.message).join('\n'),
    );

    ws.write('packs/county.yaml', 'pack: county-terms\ntitle: { en: "County terms"\n');
    await changed('packs/county.yaml');
    await client.pull(uri);
    const problems = await client.pushedWhere(
      ws.uri('packs/county.yaml'),
      (d) => d.length > 0,
      'a diagnostic on the broken pack',
    );
    assert.match(problems[0]!.message, /pack/i);
    const after = await client.pull(uri);
    assert.ok(
      after.some((d) => d.code === 'measure-owner'),
      'the built-in pack still lints the draft',
    );
  });
});

describe('configuration kept between keystrokes', () => {
  // The server keeps a draft's configuration until the editor's file watcher reports a change.
  let ws: Workspace;
  let client: TestClient;
  const uri = () => ws.uri('drafts/plan.md');
  const typeSpace = () =>
    client.edit(uri(), [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: ' ' }]);
  const write = async (name: string, text: string, type = 2) => {
    ws.write(name, text);
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', {
      changes: [{ uri: ws.uri(name), type }],
    });
  };
  before(async () => {
    ws = new Workspace({
      'drafts/plan.md': EN_DRAFT,
      '.cluster-policy-lint.yaml': 'extends: config/base.yaml\nrules:\n  measure-owner: off\n',
      'config/base.yaml': 'rules:\n  measure-timeline: off\n',
    });
    client = await TestClient.start(ws, { pull: true });
    await client.open(uri(), EN_DRAFT);
  });
  after(async () => {
    await client.stop();
    ws.dispose();
  });

  test('applies a configuration file added in a nearer folder at the next edit', async () => {
    assert.ok(
      !(await client.pull(uri())).some((d) => d.code === 'measure-owner'),
      'the root file turns measure-owner off',
    );
    await write('drafts/.cluster-policy-lint.yaml', 'rules:\n  measure-owner: warning\n', 1);
    await typeSpace();
    assert.ok(
      (await client.pull(uri())).some((d) => d.code === 'measure-owner'),
      'the nearer file turns it on again',
    );
  });

  test('applies a change to the file a configuration extends at the next edit', async () => {
    assert.ok(
      !(await client.pull(uri())).some((d) => reports(d, 'measure-timeline')),
      'the extended file turns measure-timeline off',
    );
    await write('config/base.yaml', 'rules:\n  measure-timeline: warning\n');
    await typeSpace();
    assert.ok(
      (await client.pull(uri())).some((d) => reports(d, 'measure-timeline')),
      'the changed extended file turns it on again',
    );
  });

  test('reports an unknown rule id once, however often the draft is linted', async () => {
    await write('drafts/.cluster-policy-lint.yaml', 'rules:\n  measure-ownr: warning\n');
    await typeSpace();
    await client.pull(uri());
    const config = ws.uri('drafts/.cluster-policy-lint.yaml');
    await client.pushedWhere(
      config,
      (d) => d.some((x) => /not a rule id/.test(x.message)),
      'the unknown rule reported',
    );
    for (let i = 0; i < 3; i++) {
      await typeSpace();
      await client.pull(uri());
    }
    const problems = await client.pushedWhere(config, () => true, 'the problems of the configuration file');
    assert.deepEqual(
      problems.map((d) => d.message),
      [problems.find((d) => /not a rule id/.test(d.message))!.message],
      'one problem, not one per lint',
    );
  });
});
