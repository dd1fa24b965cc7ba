import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { CodeAction, Diagnostic } from 'vscode-languageserver/node';
import { EN_DRAFT, ZH_DRAFT } from './drafts';
import { applyWorkspaceEdit, keepsAllText, TestClient, Workspace } from './lspClient';

/**
 * Each kind of code action is applied to the text as an editor would, the result is sent back
 * and pulled again: the diagnostic it fixed is gone and every character of the draft is still
 * there (or, for a term replacement, only that term changed).
 */
describe('code actions', () => {
  let ws: Workspace;
  let client: TestClient;
  let version = 0;
  before(async () => {
    ws = new Workspace();
    client = await TestClient.start(ws, { pull: true });
  });
  after(async () => {
    await client.stop();
    ws.dispose();
  });

  /** Opens a fresh copy of a draft and returns its uri and diagnostics. */
  async function fresh(text: string): Promise<{ uri: string; diagnostics: Diagnostic[] }> {
    const uri = ws.uri(`draft-${++version}.md`);
    await client.open(uri, text);
    return { uri, diagnostics: await client.pull(uri) };
  }

  /** The actions for one diagnostic, as an editor asks for them with the cursor on it. */
  async function actionsFor(uri: string, diagnostic: Diagnostic, only?: string[]): Promise<CodeAction[]> {
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: diagnostic.range,
      context: { diagnostics: [diagnostic], ...(only ? { only } : {}) },
    });
    if (!only)
      assert.ok(
        actions.filter((a) => a.kind === 'quickfix').every((a) => a.diagnostics?.[0]?.code === diagnostic.code),
        'only quick fixes for the named diagnostic',
      );
    return actions;
  }

  /** Applies an action, sends the change, and returns the new text and its diagnostics. */
  async function apply(uri: string, action: CodeAction): Promise<{ text: string; diagnostics: Diagnostic[] }> {
    const before = client.text(uri);
    const text = applyWorkspaceEdit(before, uri, action.edit);
    await client.edit(uri, action.edit!.changes![uri]!);
    assert.equal(client.text(uri), text);
    return { text, diagnostics: await client.pull(uri) };
  }

  const same = (a: Diagnostic, b: Diagnostic) => a.code === b.code && a.range.start.line === b.range.start.line;

  test('inserts the template section of a missing element, in the draft language, and the element is no longer missing', async () => {
    // Without their rail measure, neither draft says anything of the hard environment.
    for (const draft of [EN_DRAFT.replace(/^- Upgrade.*\n/m, ''), ZH_DRAFT.replace(/^- 2028.*\n/m, '')]) {
      const { uri, diagnostics } = await fresh(draft);
      const missing = diagnostics.find((d) => d.code === 'hard-environment');
      assert.match(missing?.message ?? '', /does not address|未涉及/);
      const [fix] = await actionsFor(uri, missing!);
      assert.ok(fix?.isPreferred, 'the template insertion is the preferred fix');
      const { text, diagnostics: after } = await apply(uri, fix);
      assert.ok(keepsAllText(draft, text), 'no user text removed');
      assert.ok(!after.some((d) => d.code === 'hard-environment'), after.map((d) => d.message).join('\n'));
      const inserted = fix.edit!.changes![uri]![0]!.newText;
      assert.match(
        inserted,
        draft.startsWith('# 青溪县') ? /[\u4e00-\u9fff]/ : /^[\x00-\u2030]*$/,
        'inserted in the draft language',
      );
    }
  });

  test('adds lines for the missing facets of a partly covered element, and its diagnostic is gone', async () => {
    const { uri, diagnostics } = await fresh(EN_DRAFT);
    const partial = diagnostics.find((d) => d.code === 'hard-environment');
    assert.ok(partial, 'the hard environment is only partly covered');
    const [fix] = await actionsFor(uri, partial);
    const { text, diagnostics: after } = await apply(uri, fix!);
    assert.ok(keepsAllText(EN_DRAFT, text));
    assert.ok(!after.some((d) => d.code === 'hard-environment'), after.map((d) => d.message).join('\n'));
  });

  test('replaces a term the pack prefers another word for, changing only that term', async () => {
    const { uri, diagnostics } = await fresh(EN_DRAFT);
    const term = diagnostics.find((d) => d.code === 'terminology')!;
    const [fix] = await actionsFor(uri, term);
    const edits = fix!.edit!.changes![uri]!;
    assert.equal(edits.length, 1);
    const { text, diagnostics: after } = await apply(uri, fix!);
    assert.equal(text, EN_DRAFT.replace('SEM cluster', edits[0]!.newText));
    assert.match(text, /SME cluster/);
    assert.ok(!after.some((d) => d.code === 'terminology'));
  });

  test('turns a rule off for one line with a directive, and only that diagnostic goes', async () => {
    for (const code of ['measure-owner', 'hard-environment']) {
      const { uri, diagnostics } = await fresh(EN_DRAFT);
      const target = diagnostics.find((d) => d.code === code)!;
      const action = (await actionsFor(uri, target)).find((a) => /this line/.test(a.title))!;
      assert.ok(action, `a disable-for-this-line action for ${code}`);
      const { text, diagnostics: after } = await apply(uri, action);
      assert.ok(keepsAllText(EN_DRAFT, text));
      assert.match(text, /<!-- cluster-policy-lint-disable-(next-)?line /);
      assert.ok(
        !after.some((d) => same(d, target) || (d.code === code && d.message === target.message)),
        `${code} still reported`,
      );
      assert.equal(after.length, diagnostics.length - 1, 'every other diagnostic stays');
    }
  });

  test('turns a rule off for the whole file, adding to an existing disable-file directive', async () => {
    const { uri, diagnostics } = await fresh(EN_DRAFT);
    const owner = diagnostics.find((d) => d.code === 'measure-owner')!;
    const first = (await actionsFor(uri, owner)).find((a) => /this file/.test(a.title))!;
    const once = await apply(uri, first);
    assert.ok(keepsAllText(EN_DRAFT, once.text));
    assert.ok(!once.diagnostics.some((d) => d.code === 'measure-owner'));
    const term = once.diagnostics.find((d) => d.code === 'terminology')!;
    const second = (await actionsFor(uri, term)).find((a) => /this file/.test(a.title))!;
    const twice = await apply(uri, second);
    assert.ok(keepsAllText(once.text, twice.text));
    assert.equal(twice.text.match(/disable-file/g)?.length, 1, 'one directive names both rules');
    assert.ok(!twice.diagnostics.some((d) => d.code === 'terminology' || d.code === 'measure-owner'));
  });

  test('fixes every auto-fixable drafting problem at once with source.fixAll', async () => {
    const draft = `${EN_DRAFT}\nThe SEM clusters of the province and their SEMs grow.\n`;
    const { uri, diagnostics } = await fresh(draft);
    assert.ok(diagnostics.filter((d) => d.code === 'terminology').length >= 2);
    const actions = await actionsFor(uri, diagnostics[0]!, ['source.fixAll']);
    assert.equal(actions.length, 1);
    assert.equal(actions[0]!.kind, 'source.fixAll.cluster-policy-lint');
    const { text, diagnostics: after } = await apply(uri, actions[0]!);
    assert.ok(!after.some((d) => d.code === 'terminology'));
    assert.doesNotMatch(text, /SEM/);
    // Only the flagged terms changed: the rest of the draft is as it was.
    assert.equal(text.replace(/SME/g, 'SEM'), draft);
  });
});
