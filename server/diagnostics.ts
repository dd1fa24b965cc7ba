import { DocumentDiagnosticReportKind, type Connection, type Diagnostic, type DocumentDiagnosticReport, type TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { toDiagnostic } from './convert';
import type { DraftLint, DraftLinter } from './linting';

/** The diagnostics of one lint, in document order. */
export function diagnosticsOf(lint: DraftLint | undefined): Diagnostic[] {
  return lint ? lint.result.findings.map((f) => toDiagnostic(f, lint.result.pack)) : [];
}

/**
 * Delivers diagnostics the way the client takes them. A client that advertises
 * `textDocument/diagnostic` pulls them for open drafts; every other client (Neovim 0.7, older
 * editors) gets them pushed on open and, debounced, on change. Drafts linted by the workspace
 * command are pushed in both cases, since no client pulls a closed file.
 */
export class DiagnosticsDelivery {
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  /** Closed files the workspace command pushed diagnostics for. */
  private readonly pushedClosed = new Set<string>();

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly linter: DraftLinter,
    private readonly pull: () => boolean,
    private readonly canRefresh: () => boolean,
    private readonly debounceMs = 250,
  ) {}

  /** A draft was opened: lint it now. */
  opened(document: TextDocument): void {
    if (this.pull()) {
      // The workspace command's pushed copy would double the pulled one in the editor.
      if (this.pushedClosed.delete(document.uri)) void this.connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
      return;
    }
    this.schedule(document.uri, 0);
  }

  /** A draft changed: lint it once typing pauses. */
  changed(document: TextDocument): void {
    if (!this.pull()) this.schedule(document.uri, this.debounceMs);
  }

  /** A draft was closed: its diagnostics go with it. */
  closed(uri: string): void {
    const timer = this.timers.get(uri);
    if (timer) clearTimeout(timer);
    this.timers.delete(uri);
    if (!this.pull()) void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  /** Answers a pull for an open draft. */
  async pulled(uri: string): Promise<DocumentDiagnosticReport> {
    const document = this.documents.get(uri);
    const lint = document ? await this.linter.get({ uri, version: document.version, text: document.getText() }) : undefined;
    return { kind: DocumentDiagnosticReportKind.Full, items: diagnosticsOf(lint) };
  }

  /** Settings, a configuration file or a pack changed: every open draft's diagnostics are redone. */
  refreshAll(): void {
    if (this.pull()) {
      if (this.canRefresh()) this.connection.languages.diagnostics.refresh();
      return;
    }
    for (const document of this.documents.all()) this.schedule(document.uri, 0);
  }

  /** Pushes a closed file's diagnostics (the workspace command). */
  pushClosed(uri: string, diagnostics: Diagnostic[]): void {
    this.pushedClosed.add(uri);
    void this.connection.sendDiagnostics({ uri, diagnostics });
  }

  private schedule(uri: string, delay: number): void {
    const previous = this.timers.get(uri);
    if (previous) clearTimeout(previous);
    this.timers.set(
      uri,
      setTimeout(() => {
        this.timers.delete(uri);
        void this.push(uri);
      }, delay),
    );
  }

  private async push(uri: string): Promise<void> {
    const document = this.documents.get(uri);
    if (!document) return;
    const version = document.version;
    const lint = await this.linter.get({ uri, version, text: document.getText() });
    // A newer version is already scheduled; its push will follow.
    if (this.documents.get(uri)?.version !== version) return;
    await this.connection.sendDiagnostics({ uri, version, diagnostics: diagnosticsOf(lint) }).catch(() => undefined);
  }
}
