/**
 * The extension in a real VS Code: diagnostics appear on a sample draft, hovers explain them, a
 * quick fix removes its diagnostic. Every wait is on an event with a timeout, never a sleep.
 */
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { ClientCommands } from '../../../common/protocol';

const TIMEOUT_MS = 30000;
const SOURCE = 'cluster-policy-lint';

/** The tests, in order; `index.ts` runs them. */
export const tests: { name: string; fn: () => Promise<void> }[] = [];
const test = (name: string, fn: () => Promise<void>) => tests.push({ name, fn });

function draftUri(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the test workspace is open');
  return vscode.Uri.joinPath(folder.uri, name);
}

/** Resolves with the draft's diagnostics once they satisfy `ok`, re-checking on every change. */
function diagnosticsWhere(
  uri: vscode.Uri,
  ok: (d: vscode.Diagnostic[]) => boolean,
  what: string,
): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const ours = () => vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE);
    const check = () => {
      const current = ours();
      if (!ok(current)) return false;
      cleanup();
      resolve(current);
      return true;
    };
    const subscription = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === uri.toString())) check();
    });
    const timer = setTimeout(() => {
      cleanup();
      reject(
        new Error(
          `Timed out waiting for ${what}; diagnostics: ${ours()
            .map((d) => d.code)
            .join(', ')}`,
        ),
      );
    }, TIMEOUT_MS);
    const cleanup = () => {
      clearTimeout(timer);
      subscription.dispose();
    };
    check();
  });
}

const codeOf = (d: vscode.Diagnostic) => (typeof d.code === 'object' ? String(d.code.value) : String(d.code));

test('shows diagnostics on an English draft, each with its rule id and documentation link', async () => {
  const uri = draftUri('plan.md');
  await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
  const diagnostics = await diagnosticsWhere(uri, (d) => d.length > 0, 'diagnostics on plan.md');
  const codes = diagnostics.map(codeOf);
  assert.ok(codes.includes('terminology'), codes.join(', '));
  assert.ok(codes.includes('measure-owner'), codes.join(', '));
  // The link opens the rule's section of the docs/rules.md that ships with the extension, inside
  // VS Code: a command link that names the rule.
  const withLink = diagnostics.find((d) => typeof d.code === 'object');
  assert.ok(withLink, `a diagnostic with a documentation link among: ${codes.join(', ')}`);
  const { value, target } = withLink.code as { value: string | number; target: vscode.Uri };
  const rule = String(value);
  assert.equal(target.scheme, 'command', target.toString());
  assert.equal(target.path, ClientCommands.openRuleDocs, target.toString());
  // The command's arguments, as VS Code reads them from a command link.
  const args: unknown = JSON.parse(decodeURIComponent(target.query));
  assert.deepEqual(args, [rule]);
  // Following it opens the bundled docs/rules.md at the rule's heading.
  await vscode.commands.executeCommand(target.path, ...(args as string[]));
  const docs = vscode.window.visibleTextEditors.find((e) => e.document.uri.path.endsWith('/docs/rules.md'));
  assert.ok(
    docs,
    `docs/rules.md is shown; visible: ${vscode.window.visibleTextEditors.map((e) => e.document.uri.toString()).join(', ')}`,
  );
  assert.equal(docs.document.lineAt(docs.selection.active.line).text, `### ${rule}`);
  // Closes what it opened (the file and its Markdown preview); the draft stays open.
  const opened = vscode.window.tabGroups.all
    .flatMap((g) => g.tabs)
    .filter(
      (t) =>
        (t.input instanceof vscode.TabInputText && t.input.uri.toString() === docs.document.uri.toString()) ||
        (t.input instanceof vscode.TabInputWebview && /markdown\.preview/.test(t.input.viewType)),
    );
  await vscode.window.tabGroups.close(opened);
  await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
});

test('shows Chinese messages on a Chinese draft', async () => {
  const uri = draftUri('规划.md');
  await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
  const diagnostics = await diagnosticsWhere(uri, (d) => d.length > 0, 'diagnostics on 规划.md');
  assert.ok(diagnostics.every((d) => /[\u4e00-\u9fff]/.test(d.message)));
});

test('explains a diagnostic on hover: what the rule asks and why', async () => {
  const uri = draftUri('plan.md');
  const diagnostics = await diagnosticsWhere(
    uri,
    (d) => d.some((x) => codeOf(x) === 'hard-environment'),
    'the hard-environment diagnostic',
  );
  const hard = diagnostics.find((d) => codeOf(d) === 'hard-environment')!;
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
    'vscode.executeHoverProvider',
    uri,
    hard.range.start.translate(0, 1),
  );
  const text = hovers
    .flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : '')))
    .join('\n');
  assert.match(text, /What it asks/);
  assert.match(text, /Why/);
});

test('a quick fix replaces a misspelt term and its diagnostic goes away', async () => {
  const uri = draftUri('plan.md');
  const diagnostics = await diagnosticsWhere(
    uri,
    (d) => d.some((x) => codeOf(x) === 'terminology'),
    'the terminology diagnostic',
  );
  const term = diagnostics.find((d) => codeOf(d) === 'terminology')!;
  const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
    'vscode.executeCodeActionProvider',
    uri,
    term.range,
    vscode.CodeActionKind.QuickFix.value,
  );
  // vscode.executeCodeActionProvider returns title, kind, edit, command and isPreferred, not the
  // action's diagnostics: the term's fix is the preferred action whose edit replaces the term.
  const fix = actions.find((a) => a.isPreferred && a.edit?.get(uri).some((e) => e.range.isEqual(term.range)));
  assert.ok(fix?.edit, `a preferred fix among: ${actions.map((a) => a.title).join('; ')}`);
  assert.ok(await vscode.workspace.applyEdit(fix.edit));
  await diagnosticsWhere(
    uri,
    (d) => d.length > 0 && !d.some((x) => codeOf(x) === 'terminology'),
    'diagnostics without terminology',
  );
  const text = (await vscode.workspace.openTextDocument(uri)).getText();
  assert.match(text, /SME cluster/);
  await vscode.commands.executeCommand('workbench.action.files.revert');
});

test('offers section templates on an empty line, the missing elements first', async () => {
  const uri = draftUri('plan.md');
  const document = await vscode.workspace.openTextDocument(uri);
  const line =
    document
      .getText()
      .split('\n')
      .findIndex((l) => l.startsWith('## Implementation')) - 1;
  const list = await vscode.commands.executeCommand<vscode.CompletionList>(
    'vscode.executeCompletionItemProvider',
    uri,
    new vscode.Position(line, 0),
  );
  const sorted = [...list.items].filter((i) => i.sortText).sort((a, b) => a.sortText!.localeCompare(b.sortText!));
  assert.ok(sorted.length > 0);
  assert.match(String(sorted[0]!.detail), /missing|partly covered/);
});
