/**
 * The VS Code extension in a browser (vscode.dev, github.dev): starts the language server in a web
 * worker from `dist/web/server.js`, then does what `activate.ts` does on every platform.
 */
import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/browser';
import { activateWith, deactivateClient } from './activate';

export function activate(context: vscode.ExtensionContext): Promise<void> {
  const script = vscode.Uri.joinPath(context.extensionUri, 'dist', 'web', 'server.js');
  // `Worker` is the browser's; the project's type-check has no DOM library.
  type WorkerLike = ConstructorParameters<typeof LanguageClient>[3];
  const WorkerClass = (globalThis as unknown as { Worker: new (url: string) => WorkerLike }).Worker;
  const worker = new WorkerClass(script.toString(true));
  return activateWith(
    context,
    (clientOptions) => new LanguageClient('clusterPolicyLint', 'Cluster Policy Lint', clientOptions, worker),
  );
}

export function deactivate(): Promise<void> {
  return deactivateClient();
}
