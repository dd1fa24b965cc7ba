/**
 * The coverage view: the HTML report of `report/html.ts` in a webview, for the draft being edited
 * or for every draft of the workspace. The data comes from the language server's
 * `clusterPolicyLint/fileReport` request, so the view shows exactly what the diagnostics say, with
 * the user's configuration and packs; the page posts clicks back here, and this module opens the
 * draft at the evidence or inserts a template.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { FileReportRequest, type FileReportResult, ServerCommands, WorkspaceDraftsRequest } from '../common/protocol';
import { type HtmlReportOptions, renderHtmlReport, renderHtmlReportBody } from '../report/html';
import { messageLanguageOf, metaFromResults, reportFromResults } from './htmlMeta';
import type { Location1 } from '../report/model';
import type { HostToReportMessage, ReportToHostMessage } from '../report/webviewMessages';

/** The commands this view contributes (declared in `package.json` too). */
export const CoverageViewCommands = {
  showDraft: 'clusterPolicyLint.showDraftCoverage',
  showWorkspace: 'clusterPolicyLint.showWorkspaceCoverage',
} as const;

/** The webview's type, one per kind of view. */
const VIEW_TYPE = {
  draft: 'clusterPolicyLint.draftCoverage',
  workspace: 'clusterPolicyLint.workspaceCoverage',
} as const;

/** How long typing must pause before the view asks the server again. */
const DRAFT_DEBOUNCE_MS = 400;
const WORKSPACE_DEBOUNCE_MS = 1000;
/** A workspace with more drafts than this is shown in part, so the view stays responsive. */
const MAX_WORKSPACE_DRAFTS = 1000;
/** Requests in flight at once while the workspace view loads. */
const WORKSPACE_CONCURRENCY = 8;

/** What the view needs of the language client: only to send requests. */
export type ReportClient = Pick<BaseLanguageClient, 'sendRequest'>;

const zhUi = (): boolean => vscode.env.language.toLowerCase().startsWith('zh');

const isDraft = (document: vscode.TextDocument): boolean =>
  document.languageId === 'markdown' && document.uri.scheme !== 'git';

/** Where the draft view's draft is kept between sessions, so a reload shows the same draft. */
const SHOWN_DRAFT_KEY = 'clusterPolicyLint.coverageView.draft';

/**
 * Registers the two commands, each of which opens (or reveals) its view, and brings the views back
 * after VS Code reloads its window: a view left open is restored in its place, showing the same
 * draft (or the workspace) as it stands now.
 */
export function registerCoverageView(context: vscode.ExtensionContext, client: ReportClient): void {
  const version = String((context.extension.packageJSON as { version?: unknown }).version ?? '0.0.0');
  let draftView: CoverageView | undefined;
  let workspaceView: CoverageView | undefined;

  const openDraftView = (target: vscode.Uri, panel?: vscode.WebviewPanel): CoverageView => {
    const source = new DraftSource(
      target,
      (uri) => void context.workspaceState.update(SHOWN_DRAFT_KEY, uri.toString()),
    );
    const view = new CoverageView(client, version, source, panel);
    view.onDidDispose(() => {
      if (draftView === view) draftView = undefined;
    });
    return view;
  };
  const openWorkspaceView = (panel?: vscode.WebviewPanel): CoverageView => {
    const view = new CoverageView(client, version, new WorkspaceSource(client), panel);
    view.onDidDispose(() => {
      if (workspaceView === view) workspaceView = undefined;
    });
    return view;
  };
  const refreshWorkspace = (view: CoverageView): Thenable<void> =>
    vscode.window.withProgress(
      {
        location: vscode.ProgressLocation.Window,
        title: vscode.l10n.t('Cluster Policy Lint: coverage of the workspace'),
      },
      () => view.refresh(),
    );

  context.subscriptions.push(
    vscode.commands.registerCommand(CoverageViewCommands.showDraft, async (uri?: vscode.Uri) => {
      const target = uri ?? activeDraft()?.uri;
      if (!target) {
        void vscode.window.showInformationMessage(vscode.l10n.t('Open a Markdown policy draft to see its coverage.'));
        return;
      }
      if (!draftView) {
        draftView = openDraftView(target);
      } else {
        (draftView.source as DraftSource).follow(target);
        draftView.reveal();
      }
      await draftView.refresh();
    }),
    vscode.commands.registerCommand(CoverageViewCommands.showWorkspace, async () => {
      if (!workspaceView) workspaceView = openWorkspaceView();
      else workspaceView.reveal();
      await refreshWorkspace(workspaceView);
    }),
    // After a reload VS Code hands back the panels left open (the page's own state is not needed:
    // the draft shown is kept in the workspace state, and the report is asked for afresh).
    vscode.window.registerWebviewPanelSerializer(VIEW_TYPE.draft, {
      deserializeWebviewPanel: async (panel) => {
        const kept = context.workspaceState.get<string>(SHOWN_DRAFT_KEY);
        const keptUri = kept ? vscode.Uri.parse(kept) : undefined;
        // The draft may have been moved or deleted since: then the one being edited, if any.
        const target =
          (keptUri && (await exists(keptUri)) ? keptUri : undefined) ?? (activeDraft() ?? visibleDraft())?.uri;
        if (!target || draftView) {
          panel.dispose();
          return;
        }
        draftView = openDraftView(target, panel);
        await draftView.refresh();
      },
    }),
    vscode.window.registerWebviewPanelSerializer(VIEW_TYPE.workspace, {
      deserializeWebviewPanel: async (panel) => {
        if (workspaceView) {
          panel.dispose();
          return;
        }
        workspaceView = openWorkspaceView(panel);
        await refreshWorkspace(workspaceView);
      },
    }),
    { dispose: () => (draftView?.dispose(), workspaceView?.dispose()) },
  );
}

function activeDraft(): vscode.TextDocument | undefined {
  const document = vscode.window.activeTextEditor?.document;
  return document && isDraft(document) ? document : undefined;
}

/** A draft shown in some editor: after a reload the view itself may be the active one. */
function visibleDraft(): vscode.TextDocument | undefined {
  return vscode.window.visibleTextEditors.map((e) => e.document).find(isDraft);
}

/** Where a view's drafts come from, and when they change. */
interface DraftSetSource {
  readonly kind: keyof typeof VIEW_TYPE;
  title(): string;
  /** The drafts to show, in order; the view asks the server for each. */
  uris(): Promise<vscode.Uri[]>;
  /** Calls `changed` with the draft that changed, or with nothing when the set itself may differ. */
  watch(changed: (uri?: vscode.Uri) => void): vscode.Disposable;
}

/** One draft: the one being edited, followed as the user moves between Markdown editors. */
class DraftSource implements DraftSetSource {
  readonly kind = 'draft';
  private onFollow: (() => void) | undefined;

  /** `shown` hears of every draft the source shows, the first included. */
  constructor(
    private uri: vscode.Uri,
    private readonly shown: (uri: vscode.Uri) => void,
  ) {
    shown(uri);
  }

  follow(uri: vscode.Uri): void {
    if (uri.toString() === this.uri.toString()) return;
    this.uri = uri;
    this.shown(uri);
    this.onFollow?.();
  }

  title(): string {
    return vscode.l10n.t('Coverage: {0}', baseName(this.uri));
  }

  async uris(): Promise<vscode.Uri[]> {
    return [this.uri];
  }

  watch(changed: (uri?: vscode.Uri) => void): vscode.Disposable {
    this.onFollow = () => changed();
    const mine = (document: vscode.TextDocument) => document.uri.toString() === this.uri.toString();
    return vscode.Disposable.from(
      vscode.workspace.onDidChangeTextDocument(
        (e) => mine(e.document) && e.contentChanges.length > 0 && changed(e.document.uri),
      ),
      vscode.workspace.onDidSaveTextDocument((d) => mine(d) && changed(d.uri)),
      // The configuration may turn elements off or change the message language.
      vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration('clusterPolicyLint') && changed()),
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        if (editor && isDraft(editor.document)) this.follow(editor.document.uri);
      }),
      { dispose: () => (this.onFollow = undefined) },
    );
  }
}

/** Every Markdown draft in the workspace folders. */
class WorkspaceSource implements DraftSetSource {
  readonly kind = 'workspace';

  title(): string {
    return vscode.l10n.t('Coverage: workspace');
  }

  constructor(private readonly client: ReportClient) {}

  /** The drafts the server finds, as the command line finds them (`.gitignore`, `ignores`). */
  async uris(): Promise<vscode.Uri[]> {
    const found = await this.client.sendRequest<string[]>(WorkspaceDraftsRequest.method, {});
    return found.slice(0, MAX_WORKSPACE_DRAFTS).map((uri) => vscode.Uri.parse(uri));
  }

  watch(changed: (uri?: vscode.Uri) => void): vscode.Disposable {
    const watcher = vscode.workspace.createFileSystemWatcher('**/*.md');
    return vscode.Disposable.from(
      watcher,
      watcher.onDidCreate(() => changed()),
      watcher.onDidDelete(() => changed()),
      watcher.onDidChange((uri) => changed(uri)),
      vscode.workspace.onDidChangeTextDocument(
        (e) => isDraft(e.document) && e.contentChanges.length > 0 && changed(e.document.uri),
      ),
      // A configuration file or setting may change what every draft is judged against.
      vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration('clusterPolicyLint') && changed()),
    );
  }
}

/** One webview panel showing the report of a set of drafts, kept up to date. */
class CoverageView {
  private readonly panel: vscode.WebviewPanel;
  private readonly nonce = newNonce();
  private readonly disposables: vscode.Disposable[] = [];
  private readonly disposeEmitter = new vscode.EventEmitter<void>();
  readonly onDidDispose = this.disposeEmitter.event;
  /** The drafts shown, index-aligned with the report's files (the page names files by index). */
  private uris: vscode.Uri[] = [];
  private results: FileReportResult[] = [];
  /** Increases with every refresh, so that an answer to an older one is dropped. */
  private generation = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private loaded = false;
  private disposed = false;

  /** `restored` is a panel VS Code brought back after a reload; otherwise a new one is opened. */
  constructor(
    private readonly client: ReportClient,
    private readonly version: string,
    readonly source: DraftSetSource,
    restored?: vscode.WebviewPanel,
  ) {
    // The page loads nothing: no local resource roots, scripts only for the nonce'd inline one.
    const webviewOptions: vscode.WebviewOptions = { enableScripts: true, localResourceRoots: [] };
    if (restored) {
      this.panel = restored;
      this.panel.webview.options = webviewOptions;
      this.panel.title = source.title();
    } else {
      this.panel = vscode.window.createWebviewPanel(
        VIEW_TYPE[source.kind],
        source.title(),
        {
          viewColumn: source.kind === 'draft' ? vscode.ViewColumn.Beside : vscode.ViewColumn.Active,
          preserveFocus: source.kind === 'draft',
        },
        { ...webviewOptions, enableFindWidget: true },
      );
    }
    this.disposables.push(
      this.panel.onDidDispose(() => this.dispose()),
      this.panel.webview.onDidReceiveMessage((m: ReportToHostMessage) => void this.onMessage(m).catch(showError)),
      // A webview hidden and shown again reloads the page last assigned, which posted updates
      // did not change: assign the current one.
      this.panel.onDidChangeViewState((e) => e.webviewPanel.visible && this.loaded && this.render(true)),
      source.watch((uri) => this.schedule(uri, source.kind === 'draft' ? DRAFT_DEBOUNCE_MS : WORKSPACE_DEBOUNCE_MS)),
    );
  }

  reveal(): void {
    this.panel.reveal(undefined, this.source.kind === 'draft');
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    clearTimeout(this.timer);
    this.panel.dispose();
    for (const d of this.disposables.splice(0)) d.dispose();
    this.disposeEmitter.fire();
    this.disposeEmitter.dispose();
  }

  /** The drafts changed since the last refresh; `all` when the set itself may have changed. */
  private pending: Set<string> | 'all' = new Set();

  private schedule(uri: vscode.Uri | undefined, delay: number): void {
    if (!uri) this.pending = 'all';
    else if (this.pending !== 'all') this.pending.add(uri.toString());
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      const pending = this.pending;
      this.pending = new Set();
      void (pending === 'all' ? this.refresh() : this.refreshSome(pending)).catch(showError);
    }, delay);
  }

  /**
   * Asks again only for drafts already shown that changed, so typing in one draft of a large
   * workspace costs one request; a draft not shown yet means the set changed.
   */
  private async refreshSome(changed: Set<string>): Promise<void> {
    const indexes = this.uris.map((u, i) => (changed.has(u.toString()) ? i : -1)).filter((i) => i >= 0);
    if (indexes.length < changed.size) return this.refresh();
    const generation = ++this.generation;
    const answers = await Promise.all(indexes.map((i) => this.request(this.uris[i]!)));
    if (generation !== this.generation || this.disposed) return;
    if (answers.some((a) => !a)) return this.refresh();
    indexes.forEach((i, n) => (this.results[i] = answers[n]!));
    this.render();
  }

  private request(uri: vscode.Uri): Promise<FileReportResult | null> {
    return this.client
      .sendRequest<FileReportResult | null>(FileReportRequest.method, { uri: uri.toString() })
      .catch(() => null);
  }

  /** Asks the server for every draft's report and shows them. */
  async refresh(): Promise<void> {
    const generation = ++this.generation;
    const uris = await this.source.uris();
    const answers = await mapLimit(uris, WORKSPACE_CONCURRENCY, (uri) => this.request(uri));
    if (generation !== this.generation || this.disposed) return;
    // A null answer is a file the server does not lint (ignored by configuration, not a draft).
    const kept = uris
      .map((uri, i) => ({ uri, result: answers[i] }))
      .filter((x): x is { uri: vscode.Uri; result: FileReportResult } => Boolean(x.result));
    this.uris = kept.map((x) => x.uri);
    this.results = kept.map((x) => x.result);
    this.render();
  }

  /** Shows the current results: a whole page, or (on a visible, loaded page) a new body only. */
  private render(wholePage = false): void {
    const report = reportFromResults(this.version, this.results);
    const meta = metaFromResults(this.results);
    const options: HtmlReportOptions = {
      lang: this.results.length ? messageLanguageOf(this.results) : zhUi() ? 'zh' : 'en',
      title: this.source.title(),
      webview: { cspSource: this.panel.webview.cspSource, nonce: this.nonce },
    };
    this.panel.title = this.source.title();
    if (this.loaded && this.panel.visible && !wholePage) {
      const message: HostToReportMessage = { type: 'update', body: renderHtmlReportBody(report, meta, options) };
      void this.panel.webview.postMessage(message);
    } else {
      this.panel.webview.html = renderHtmlReport(report, meta, options);
      this.loaded = true;
    }
  }

  private async onMessage(message: ReportToHostMessage): Promise<void> {
    const uri = this.uris[message.file];
    const result = this.results[message.file];
    if (!uri || !result) return;
    switch (message.type) {
      case 'reveal':
        await this.showInDraft(uri, message);
        return;
      case 'element':
        await this.showElement(uri, result, message.element);
        return;
      case 'insertTemplate':
        await this.insertTemplate(uri, message.element);
        return;
    }
  }

  /** Opens the draft beside the view with the passage selected. */
  private async showInDraft(uri: vscode.Uri, at: Location1): Promise<void> {
    const visible = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri.toString());
    const column =
      visible?.viewColumn ??
      (this.panel.viewColumn === vscode.ViewColumn.One ? vscode.ViewColumn.Beside : vscode.ViewColumn.One);
    const selection = new vscode.Range(at.line - 1, at.column - 1, at.endLine - 1, at.endColumn - 1);
    const editor = await vscode.window.showTextDocument(uri, { viewColumn: column, selection, preserveFocus: false });
    editor.revealRange(selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  /** An element was chosen in the matrix: its first evidence, or an offer to insert its template. */
  private async showElement(uri: vscode.Uri, result: FileReportResult, elementId: string): Promise<void> {
    const element = result.report.coverage?.elements.find((e) => e.id === elementId);
    const evidence = element?.facets.find((f) => f.covered && f.evidence.length)?.evidence[0];
    if (evidence) {
      await this.showInDraft(uri, evidence);
      return;
    }
    const summary = result.elements.find((e) => e.id === elementId);
    const title = summary?.title[result.messageLanguage] ?? elementId;
    if (!element || element.status === 'off') {
      void vscode.window.showInformationMessage(vscode.l10n.t('"{0}" is turned off for this draft.', title));
      return;
    }
    const insert = vscode.l10n.t('Insert template');
    const choice = await vscode.window.showInformationMessage(
      vscode.l10n.t('The draft does not address "{0}" yet. Insert its template?', title),
      insert,
    );
    if (choice === insert) await this.insertTemplate(uri, elementId);
  }

  /**
   * Inserts what the element's coverage finding proposes (its template, or lines for its missing
   * facets), asking the server afresh so the edit fits the draft as it is now.
   */
  private async insertTemplate(uri: vscode.Uri, elementId: string): Promise<void> {
    const fresh = await this.client.sendRequest<FileReportResult | null>(FileReportRequest.method, {
      uri: uri.toString(),
    });
    const fix = fresh?.report.diagnostics.find((d) => d.ruleId === elementId && d.fix)?.fix;
    if (fix) {
      const range = new vscode.Range(fix.line - 1, fix.column - 1, fix.endLine - 1, fix.endColumn - 1);
      const edit = new vscode.WorkspaceEdit();
      edit.replace(uri, range, fix.text);
      if (await vscode.workspace.applyEdit(edit))
        await this.showInDraft(uri, { ...fix, endLine: fix.line, endColumn: fix.column });
      return;
    }
    // No finding carries a fix (for instance the element's rule is silenced): the server's command
    // still knows where the section belongs.
    await this.client.sendRequest('workspace/executeCommand', {
      command: ServerCommands.insertSection,
      arguments: [{ uri: uri.toString(), elementId }],
    });
  }
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

function baseName(uri: vscode.Uri): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1);
}

/** A nonce for the page's inline script: random, from the platform's crypto (Node and browsers alike). */
function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(18));
  return btoa(String.fromCharCode(...bytes));
}

function showError(error: unknown): void {
  void vscode.window.showErrorMessage(`Cluster Policy Lint: ${error instanceof Error ? error.message : String(error)}`);
}

/** `Promise.all` over `items` with at most `limit` calls of `fn` in flight. */
async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}
