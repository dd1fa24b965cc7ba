/**
 * The VS Code extension on the desktop: starts the language server in Node over IPC, then does
 * what `activate.ts` does on every platform.
 */
import type * as vscode from 'vscode';
import { LanguageClient, TransportKind, type ServerOptions } from 'vscode-languageclient/node';
import serverLaunch from '../common/serverLaunch.json';
import { activateWith, deactivateClient } from './activate';

// The one place the server's start flags live (issue 21): V8 lets a busy process's young
// generation grow large and seldom gives the memory back, while the server's garbage is
// short-lived (one lint per keystroke); smaller semi-spaces keep it smaller with many drafts open
// at no cost to typing (docs/performance.md). Only a flag at start can set it. The flags live in a
// data file that the benchmark reads too, so it measures the server as VS Code starts it.
const SERVER_NODE_FLAGS: string[] = serverLaunch.nodeFlags;

export function activate(context: vscode.ExtensionContext): Promise<void> {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc, options: { execArgv: SERVER_NODE_FLAGS } },
    debug: {
      module,
      transport: TransportKind.ipc,
      options: { execArgv: [...SERVER_NODE_FLAGS, '--nolazy', '--inspect=6012'] },
    },
  };
  return activateWith(
    context,
    (clientOptions) => new LanguageClient('clusterPolicyLint', 'Cluster Policy Lint', serverOptions, clientOptions),
  );
}

export function deactivate(): Promise<void> {
  return deactivateClient();
}
