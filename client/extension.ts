/**
 * The VS Code extension: starts the language server over IPC and adds what only an editor can
 * show (a language status item, quick picks, opening a link). Everything about drafts is the
 * server's; this file only asks it.
 */
import * as vscode from 'vscode';
import {
  LanguageClient,
  TransportKind,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import {
  ClientCommands,
  ElementsRequest,
  RulesRequest,
  ServerCommands,
  type InsertSectionArgs,
  type WorkspaceLintResult,
} from '../common/protocol';
import { registerCoverageView } from './coverageView';
import { sendRequest } from './requests';
import { CoverageStatus } from './status';
import serverLaunch from '../common/serverLaunch.json';

let client: LanguageClient | undefined;

// The one place the server's start flags live (issue 21): V8 lets a busy process's young
// generation grow large and seldom gives the memory back, while the server's garbage is
// short-lived (one lint per keystroke); smaller semi-spaces keep it smaller with many drafts open
// at no cost to typing (docs/performance.md). Only a flag at start can set it. The flags live in a
// data file that the benchmark reads too, so it measures the server as VS Code starts it.
const SERVER_NODE_FLAGS: string[] = serverLaunch.nodeFlags;

const zhUi = (): boolean => vscode.env.language.toLowerCase().startsWith('zh');
const say = (en: string, zh: string): string => (zhUi() ? zh : en);

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc, options: { execArgv: SERVER_NODE_FLAGS } },
    debug: {
      module,
      transport: TransportKind.ipc,
      options: { execArgv: [...SERVER_NODE_FLAGS, '--nolazy', '--inspect=6012'] },
    },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { language: 'markdown', scheme: 'file' },
      { language: 'markdown', scheme: 'untitled' },
    ],
    // The server registers its own file watchers and pulls settings per document.
    diagnosticCollectionName: 'cluster-policy-lint',
  };
  client = new LanguageClient('clusterPolicyLint', 'Cluster Policy Lint', serverOptions, clientOptions);
  const running = client;

  const status = new CoverageStatus(running);
  context.subscriptions.push(
    status,
    vscode.commands.registerCommand(ClientCommands.lintWorkspace, () => lintWorkspace(running)),
    vscode.commands.registerCommand(ClientCommands.insertSection, () => insertSection(running)),
    vscode.commands.registerCommand(ClientCommands.openRuleDocs, (ruleId?: string) => openRuleDocs(running, ruleId)),
    vscode.commands.registerCommand(ClientCommands.restartServer, () => running.restart()),
  );

  // The coverage webview (client/coverageView.ts): registered before the client starts, so its
  // commands exist at once; its requests wait for the server.
  registerCoverageView(context, running);

  try {
    await running.start();
  } catch (error) {
    void vscode.window.showErrorMessage(
      say(
        `Cluster Policy Lint could not start its checker: ${(error as Error).message}`,
        `Cluster Policy Lint 检查程序无法启动：${(error as Error).message}`,
      ),
    );
    return;
  }
  status.start(context);
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}

async function lintWorkspace(running: LanguageClient): Promise<void> {
  const result = await running.sendRequest<WorkspaceLintResult | null>('workspace/executeCommand', {
    command: ServerCommands.lintWorkspace,
  });
  if (!result) return;
  const failed = result.failed.length
    ? say(` ${result.failed.length} could not be read.`, `${result.failed.length} 份无法读取。`)
    : '';
  void vscode.window.showInformationMessage(
    say(
      `Checked ${result.files} drafts: ${result.errors} errors, ${result.warnings} warnings.${failed} See the Problems panel.`,
      `已检查 ${result.files} 份草案：${result.errors} 个错误，${result.warnings} 个警告。${failed}详见“问题”面板。`,
    ),
  );
}

function activeDraft(): vscode.TextEditor | undefined {
  const editor = vscode.window.activeTextEditor;
  return editor?.document.languageId === 'markdown' ? editor : undefined;
}

async function insertSection(running: LanguageClient): Promise<void> {
  const editor = activeDraft();
  if (!editor) {
    void vscode.window.showInformationMessage(
      say('Open a Markdown policy draft first.', '请先打开一份 Markdown 政策草案。'),
    );
    return;
  }
  const uri = editor.document.uri.toString();
  const choices = await sendRequest(running, ElementsRequest, { uri });
  const picked = await vscode.window.showQuickPick(
    choices.map((c) => ({ label: c.label, description: c.detail, id: c.id })),
    {
      placeHolder: say(
        'Insert the template section of an element (those the draft lacks come first)',
        '插入要素的模板章节（草案尚缺的排在前面）',
      ),
    },
  );
  if (!picked) return;
  const args: InsertSectionArgs = { uri, elementId: picked.id };
  await running.sendRequest('workspace/executeCommand', { command: ServerCommands.insertSection, arguments: [args] });
}

async function openRuleDocs(running: LanguageClient, ruleId?: string): Promise<void> {
  const uri = activeDraft()?.document.uri.toString();
  const rules = await sendRequest(running, RulesRequest, uri ? { uri } : {});
  let docs = rules.find((r) => r.id === ruleId)?.docs;
  if (!docs) {
    const picked = await vscode.window.showQuickPick(
      rules.map((r) => ({ label: r.id, description: r.title, detail: r.kind, docs: r.docs })),
      { placeHolder: say("Open a rule's documentation", '打开规则说明'), matchOnDescription: true },
    );
    docs = picked?.docs;
  }
  if (docs) await vscode.env.openExternal(vscode.Uri.parse(docs));
}
