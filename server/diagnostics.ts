import {
  DocumentDiagnosticReportKind,
  type Connection,
  type Diagnostic,
  type DocumentDiagnosticReport,
  type TextDocuments,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { toDiagnostic } from './convert';
import type { DraftLint, DraftLinter } from './linting';
import { RecentMap } from './recentMap';

/** How many drafts' last pulled reports are kept to answer "unchanged" (see `DiagnosticsDelivery`). */
export const KEPT_REPORTS = 4;

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
  /**
   * The last full reports pulled, for the drafts pulled most recently (most recent last). A pull
   * that names the report it holds (`previousResultId`) and would get the same items is answered
   * "unchanged": most keystrokes leave a draft's diagnostics as they were, and the editor then
   * neither decodes nor redraws them. Only a few drafts are kept, as the linter keeps only a few
   * lints: typing happens in one draft at a time.
   */
  private readonly reports = new RecentMap<string, { resultId: string; items: Diagnostic[] }>(KEPT_REPORTS);
  private lastResultId = 0;
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
      if (this.pushedClosed.delete(document.uri))
        void this.connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
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
    this.reports.delete(uri);
    if (!this.pull()) void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  /** Answers a pull for an open draft; `previousResultId` is the report the editor holds. */
  async pulled(uri: string, previousResultId?: string): Promise<DocumentDiagnosticReport> {
    const document = this.documents.get(uri);
    const lint = document
      ? await this.linter.get({ uri, version: document.version, text: document.getText() })
      : undefined;
    const items = diagnosticsOf(lint);
    const held = this.reports.take(uri);
    if (held && held.resultId === previousResultId && sameJson(held.items, items)) {
      this.reports.put(uri, held);
      return { kind: DocumentDiagnosticReportKind.Unchanged, resultId: held.resultId };
    }
    const resultId = String(++this.lastResultId);
    this.reports.put(uri, { resultId, items });
    return { kind: DocumentDiagnosticReportKind.Full, resultId, items };
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

/**
 * Whether two JSON values (plain objects, arrays, strings, numbers, booleans, null) are equal.
 * `util.isDeepStrictEqual` would do, but it also compares prototypes and property descriptors,
 * several times slower on every keystroke.
 */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const other = b as unknown[];
    if (a.length !== other.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameJson(a[i], other[i])) return false;
    return true;
  }
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  const keys = Object.keys(x);
  if (keys.length !== Object.keys(y).length) return false;
  for (const key of keys) if (!(key in y) || !sameJson(x[key], y[key])) return false;
  return true;
}
