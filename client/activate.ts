/**
 * What the extension does once it has a language client, the same on the desktop and on the web:
 * the status item, the commands and the coverage view. Everything about drafts is the server's;
 * this only asks it. `extension.ts` (Node) and `webExtension.ts` (browser) make the client.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient, LanguageClientOptions } from 'vscode-languageclient';
import {
  ClientCommands,
  ClientFileRequests,
  type ClientFileType,
  ElementsRequest,
  RulesRequest,
  ServerCommands,
  type InitializationOptions,
  type InsertSectionArgs,
  type WorkspaceLintResult,
} from '../common/protocol';
import { registerCoverageView } from './coverageView';
import { sendRequest } from './requests';
import { RequestedDrafts } from './requestedDrafts';
import { RuleDocs } from './ruleDocs';
import { CoverageStatus } from './status';

/** Makes the language client with these options (over IPC in Node, a web worker in a browser). */
export type ClientFactory = (options: LanguageClientOptions) => BaseLanguageClient;

let client: BaseLanguageClient | undefined;

/** Starts the client and registers everything the extension contributes. */
export async function activateWith(context: vscode.ExtensionContext, makeClient: ClientFactory): Promise<void> {
  const requested = new RequestedDrafts(context.workspaceState);
  const ruleDocs = new RuleDocs(context.extensionUri);
  const initializationOptions: InitializationOptions = { ruleDocs: ruleDocs.uri.toString() };
  const clientOptions: LanguageClientOptions = {
    // Drafts on the disk, unsaved ones, and those on the virtual file systems of vscode.dev,
    // github.dev (vscode-vfs) and the web test host.
    documentSelector: ['file', 'untitled', 'vscode-vfs', 'vscode-test-web'].map((scheme) => ({
      language: 'markdown',
      scheme,
    })),
    // The server registers its own file watchers and pulls settings per document.
    diagnosticCollectionName: 'cluster-policy-lint',
    initializationOptions,
    middleware: { ...ruleDocs.middleware, workspace: requested.middleware },
  };
  client = makeClient(clientOptions);
  const running = client;

  const status = new CoverageStatus(running);
  const setRequested = async (on: boolean) => {
    const uri = vscode.window.activeTextEditor?.document.uri;
    if (!uri) return;
    await requested.set(uri.toString(), on);
    // The server pulls the settings again, and with them what the user asked.
    await running.sendNotification('workspace/didChangeConfiguration', { settings: null });
    status.schedule();
  };
  context.subscriptions.push(
    status,
    vscode.commands.registerCommand(ClientCommands.lintWorkspace, () => lintWorkspace(running)),
    vscode.commands.registerCommand(ClientCommands.insertSection, () => insertSection(running)),
    vscode.commands.registerCommand(ClientCommands.openRuleDocs, (ruleId?: string) =>
      openRuleDocs(running, ruleDocs, ruleId),
    ),
    vscode.commands.registerCommand(ClientCommands.restartServer, async () => {
      await running.stop();
      await running.start();
    }),
    vscode.commands.registerCommand(ClientCommands.checkFile, () => setRequested(true)),
    vscode.commands.registerCommand(ClientCommands.stopCheckingFile, () => setRequested(false)),
  );

  answerFileRequests(running);

  // The coverage webview (client/coverageView.ts): registered before the client starts, so its
  // commands exist at once; its requests wait for the server.
  registerCoverageView(context, running);

  try {
    await running.start();
  } catch (error) {
    void vscode.window.showErrorMessage(
      vscode.l10n.t('Cluster Policy Lint could not start its checker: {0}', (error as Error).message),
    );
    return;
  }
  status.start(context);
}

/** Stops the client. */
export async function deactivateClient(): Promise<void> {
  await client?.stop();
  client = undefined;
}

async function lintWorkspace(running: BaseLanguageClient): Promise<void> {
  const result = await running.sendRequest<WorkspaceLintResult | null>('workspace/executeCommand', {
    command: ServerCommands.lintWorkspace,
  });
  if (!result) return;
  const message = result.failed.length
    ? vscode.l10n.t(
        'Checked {0} drafts: {1} errors, {2} warnings. {3} could not be read. See the Problems panel.',
        result.files,
        result.errors,
        result.warnings,
        result.failed.length,
      )
    : vscode.l10n.t(
        'Checked {0} drafts: {1} errors, {2} warnings. See the Problems panel.',
        result.files,
        result.errors,
        result.warnings,
      );
  void vscode.window.showInformationMessage(message);
}

function activeDraft(): vscode.TextEditor | undefined {
  const editor = vscode.window.activeTextEditor;
  return editor?.document.languageId === 'markdown' ? editor : undefined;
}

async function insertSection(running: BaseLanguageClient): Promise<void> {
  const editor = activeDraft();
  if (!editor) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open a Markdown policy draft first.'));
    return;
  }
  const uri = editor.document.uri.toString();
  const choices = await sendRequest(running, ElementsRequest, { uri });
  if (choices.length === 0) {
    void vscode.window.showInformationMessage(
      vscode.l10n.t('This file is not checked as a policy draft. Run "Check this file as a policy draft" first.'),
    );
    return;
  }
  const picked = await vscode.window.showQuickPick(
    choices.map((c) => ({ label: c.label, description: c.detail, id: c.id })),
    { placeHolder: vscode.l10n.t('Insert the template section of an element (those the draft lacks come first)') },
  );
  if (!picked) return;
  const args: InsertSectionArgs = { uri, elementId: picked.id };
  await running.sendRequest('workspace/executeCommand', { command: ServerCommands.insertSection, arguments: [args] });
}

async function openRuleDocs(running: BaseLanguageClient, ruleDocs: RuleDocs, ruleId?: string): Promise<void> {
  const uri = activeDraft()?.document.uri.toString();
  const rules = await sendRequest(running, RulesRequest, uri ? { uri } : {});
  let rule = rules.find((r) => r.id === ruleId);
  if (!rule) {
    const picked = await vscode.window.showQuickPick(
      rules.map((r) => ({ label: r.id, description: r.title, detail: r.kind, rule: r })),
      { placeHolder: vscode.l10n.t("Open a rule's documentation"), matchOnDescription: true },
    );
    rule = picked?.rule;
  }
  if (!rule) return;
  // A team's own pack may link its rules to its own pages; the built-in rules open in VS Code.
  if (rule.docs && !rule.docs.startsWith(ruleDocs.uri.toString()))
    await vscode.env.openExternal(vscode.Uri.parse(rule.docs));
  else await ruleDocs.open(rule.id);
}

/**
 * Reads files for the server where it cannot itself (in a browser worker, or on a virtual file
 * system): configuration files, rule packs and drafts, through `workspace.fs`.
 */
function answerFileRequests(running: BaseLanguageClient): void {
  const typeOf = (type: vscode.FileType): ClientFileType =>
    type & vscode.FileType.Directory ? 'directory' : type & vscode.FileType.File ? 'file' : 'other';
  const orNull =
    <R>(read: (uri: vscode.Uri) => Thenable<R>) =>
    async ({ uri }: { uri: string }): Promise<R | null> => {
      try {
        return await read(vscode.Uri.parse(uri));
      } catch {
        return null;
      }
    };
  running.onRequest(
    ClientFileRequests.readFile,
    orNull(async (uri) => {
      const bytes = await vscode.workspace.fs.readFile(uri);
      let binary = '';
      for (const byte of bytes) binary += String.fromCharCode(byte);
      return btoa(binary);
    }),
  );
  running.onRequest(
    ClientFileRequests.stat,
    orNull(async (uri) => typeOf((await vscode.workspace.fs.stat(uri)).type)),
  );
  running.onRequest(
    ClientFileRequests.readDirectory,
    orNull(async (uri) =>
      (await vscode.workspace.fs.readDirectory(uri)).map(([name, type]): [string, ClientFileType] => [
        name,
        typeOf(type),
      ]),
    ),
  );
}
