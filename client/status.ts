import * as vscode from 'vscode';
import { ClientCommands, CoverageSummaryRequest } from '../common/protocol';
import { sendRequest, type RequestClient } from './requests';

// Diagnostics change in bursts while a drafter types; the status follows once they settle.
const UPDATE_DELAY_MS = 300;

/**
 * The language status item of a Markdown draft: its coverage ("Coverage 11/15"), with how many
 * elements are missing in the detail. It asks the server again when the draft's diagnostics change.
 */
export class CoverageStatus implements vscode.Disposable {
  private readonly item = vscode.languages.createLanguageStatusItem('clusterPolicyLint.coverage', {
    language: 'markdown',
  });
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly client: RequestClient) {
    this.item.name = 'Cluster Policy Lint';
    this.item.text = 'Cluster Policy Lint';
    this.item.busy = true;
  }

  /** Follows the active editor and its diagnostics from now on. */
  start(context: vscode.ExtensionContext): void {
    context.subscriptions.push(
      vscode.window.onDidChangeActiveTextEditor(() => this.schedule()),
      vscode.languages.onDidChangeDiagnostics((e) => {
        const active = vscode.window.activeTextEditor?.document.uri.toString();
        if (active && e.uris.some((u) => u.toString() === active)) this.schedule();
      }),
    );
    this.schedule();
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.item.dispose();
  }

  private schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.update(), UPDATE_DELAY_MS);
  }

  private async update(): Promise<void> {
    const document = vscode.window.activeTextEditor?.document;
    if (!document || document.languageId !== 'markdown') return;
    try {
      const summary = await sendRequest(this.client, CoverageSummaryRequest, { uri: document.uri.toString() });
      this.item.busy = false;
      if (!summary) {
        this.item.text = 'Cluster Policy Lint';
        this.item.detail = undefined;
        return;
      }
      this.item.text = `$(checklist) ${summary.text}`;
      this.item.detail = summary.detail;
      this.item.severity =
        summary.score < 0.5 ? vscode.LanguageStatusSeverity.Warning : vscode.LanguageStatusSeverity.Information;
      this.item.command = {
        title: vscode.env.language.startsWith('zh') ? '插入章节' : 'Insert a section',
        command: ClientCommands.insertSection,
      };
    } catch {
      // The server is restarting or stopped; the next diagnostics change brings the status back.
      this.item.busy = false;
    }
  }
}
