import * as vscode from 'vscode';
import { ClientCommands, CoverageSummaryRequest, DraftStatusRequest, type DraftStatus } from '../common/protocol';
import { sendRequest, type RequestClient } from './requests';

// Diagnostics change in bursts while a drafter types; the status follows once they settle.
const UPDATE_DELAY_MS = 300;

/** Why a document is or is not checked, in the user's language. */
export function reasonText(reason: DraftStatus['reason']): string {
  switch (reason) {
    case 'requested':
      return vscode.l10n.t('Checked because you asked to check this file as a policy draft');
    case 'front-matter':
      return vscode.l10n.t('Checked because its front matter says cluster-policy-lint: true');
    case 'configuration':
      return vscode.l10n.t('Checked because a configuration file (.cluster-policy-lint.yaml) applies to it');
    case 'setting':
      return vscode.l10n.t('Checked because the setting clusterPolicyLint.include names it');
    case 'disabled':
      return vscode.l10n.t('Not checked: the setting clusterPolicyLint.enable is off');
    case 'front-matter-off':
      return vscode.l10n.t('Not checked: its front matter says cluster-policy-lint: false');
    case 'ignored':
      return vscode.l10n.t('Not checked: the configuration file ignores it');
    case 'no-configuration':
      return vscode.l10n.t('Not checked: no configuration file applies and nothing marks it as a policy draft');
  }
}

/**
 * The language status item of a Markdown file: a draft's coverage ("Coverage 11/15") with how many
 * elements are missing and why it is checked; for a file that is not checked, why not, with the
 * command that turns checking on. It asks the server again when the file's diagnostics change.
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
      vscode.workspace.onDidSaveTextDocument(() => this.schedule()),
    );
    this.schedule();
  }

  /** Asks the server again soon (a command changed whether the file is checked). */
  schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.update(), UPDATE_DELAY_MS);
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.item.dispose();
  }

  private async update(): Promise<void> {
    const document = vscode.window.activeTextEditor?.document;
    if (!document || document.languageId !== 'markdown') return;
    const uri = document.uri.toString();
    try {
      const [summary, status] = await Promise.all([
        sendRequest(this.client, CoverageSummaryRequest, { uri }),
        sendRequest(this.client, DraftStatusRequest, { uri }),
      ]);
      this.item.busy = false;
      if (!summary) {
        this.item.text = `$(circle-slash) ${vscode.l10n.t('Not a policy draft')}`;
        this.item.detail = reasonText(status.reason);
        this.item.severity = vscode.LanguageStatusSeverity.Information;
        this.item.command =
          status.reason === 'disabled'
            ? undefined
            : { title: vscode.l10n.t('Check this file as a policy draft'), command: ClientCommands.checkFile };
        return;
      }
      this.item.text = `$(checklist) ${summary.text}`;
      this.item.detail = `${summary.detail} · ${reasonText(status.reason)}`;
      this.item.severity =
        summary.score < 0.5 ? vscode.LanguageStatusSeverity.Warning : vscode.LanguageStatusSeverity.Information;
      this.item.command = { title: vscode.l10n.t('Insert a section'), command: ClientCommands.insertSection };
    } catch {
      // The server is restarting or stopped; the next diagnostics change brings the status back.
      this.item.busy = false;
    }
  }
}
