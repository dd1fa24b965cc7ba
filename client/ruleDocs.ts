import * as vscode from 'vscode';
import type { Middleware } from 'vscode-languageclient';
import { ClientCommands, DIAGNOSTIC_SOURCE } from '../common/protocol';

/**
 * The rule documentation that ships in the extension (`docs/rules.md`), opened inside VS Code.
 * The server links diagnostics and hovers to that file; these links are turned into the command
 * that opens it at the rule, so nothing leads to a page on the internet.
 */
export class RuleDocs {
  readonly uri: vscode.Uri;

  constructor(extensionUri: vscode.Uri) {
    this.uri = vscode.Uri.joinPath(extensionUri, 'docs', 'rules.md');
  }

  /** The command link that opens a rule's documentation. */
  commandUri(ruleId: string): vscode.Uri {
    return vscode.Uri.parse(`command:${ClientCommands.openRuleDocs}?${encodeURIComponent(JSON.stringify([ruleId]))}`);
  }

  /** The rule a link to the bundled file names, if it is one. */
  private ruleOf(target: vscode.Uri): string | undefined {
    const file = target.with({ fragment: '' }).toString();
    return file === this.uri.toString() && target.fragment ? target.fragment : undefined;
  }

  /** Opens the bundled documentation at a rule's heading, rendered beside the source. */
  async open(ruleId: string): Promise<void> {
    const document = await vscode.workspace.openTextDocument(this.uri);
    const lines = document.getText().split(/\r?\n/);
    const line = Math.max(0, lines.indexOf(`### ${ruleId}`));
    const at = new vscode.Range(line, 0, line, 0);
    await vscode.window.showTextDocument(document, { selection: at, preview: true });
    vscode.window.activeTextEditor?.revealRange(at, vscode.TextEditorRevealType.AtTop);
    // The Markdown preview follows the editor's scroll position; without the built-in Markdown
    // extension the source stays open, which reads well too.
    await vscode.commands.executeCommand('markdown.showPreviewToSide').then(undefined, () => undefined);
  }

  private relink(diagnostics: readonly vscode.Diagnostic[]): void {
    for (const d of diagnostics) {
      if (d.source !== DIAGNOSTIC_SOURCE || typeof d.code !== 'object' || !d.code) continue;
      const rule = this.ruleOf(d.code.target);
      if (rule) d.code = { value: d.code.value, target: this.commandUri(rule) };
    }
  }

  /** Rewrites the links of pushed and pulled diagnostics and of hovers to the command. */
  readonly middleware: Middleware = {
    handleDiagnostics: (uri, diagnostics, next) => {
      this.relink(diagnostics);
      next(uri, diagnostics);
    },
    provideDiagnostics: async (document, previousResultId, token, next) => {
      const report = await next(document, previousResultId, token);
      if (report && 'items' in report && Array.isArray(report.items)) this.relink(report.items);
      return report;
    },
    provideHover: async (document, position, token, next) => {
      const hover = await next(document, position, token);
      if (!hover) return hover;
      const file = this.uri.toString();
      const contents = hover.contents.map((c) => {
        if (!(c instanceof vscode.MarkdownString) || !c.value.includes(file)) return c;
        const value = c.value.replace(new RegExp(`${escapeRegExp(file)}#([\\w-]+)`, 'g'), (_, rule: string) =>
          this.commandUri(rule).toString(),
        );
        const relinked = new vscode.MarkdownString(value);
        relinked.isTrusted = { enabledCommands: [ClientCommands.openRuleDocs] };
        return relinked;
      });
      return new vscode.Hover(contents, hover.range);
    },
  };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
