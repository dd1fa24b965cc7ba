import {
  CodeActionKind,
  CodeLensRefreshRequest,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  ErrorCodes,
  ExecuteCommandRequest,
  ResponseError,
  TextDocumentSyncKind,
  TextDocuments,
  type ClientCapabilities,
  type Connection,
  type ExecuteCommandParams,
  type InitializeResult,
  type WorkDoneProgressReporter,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  CONFIG_FILE_NAMES,
  CONFIG_SECTION,
  CoverageSummaryRequest,
  DraftStatusRequest,
  ElementsRequest,
  FileReportRequest,
  RulesRequest,
  ServerCommands,
  WorkspaceDraftsRequest,
  type DocumentParams,
  type DraftStatus,
  type InitializationOptions,
  type InsertSectionArgs,
  type RequestDef,
} from '../common/protocol';
import { builtinPack, lint } from '../engine';
import { FIX_ALL_KIND, codeActions } from './codeActions';
import { codeLenses } from './codeLens';
import { COMPLETION_TRIGGERS, completionsAt } from './completion';
import {
  coverageMessage,
  coverageSummaryOf,
  elementChoices,
  fileReportOf,
  ruleChoices,
  sectionEdits,
} from './customRequests';
import { setBundledRuleDocs } from './convert';
import { DiagnosticsDelivery } from './diagnostics';
import { hoverAt } from './hover';
import type { TimeBudget } from '../project/limits';
import type { ServerFiles } from './files';
import { DraftLinter, type DraftLint } from './linting';
import { ProblemReporter } from './problems';
import { ProjectConfigs } from './projectConfig';
import { SettingsStore } from './settings';
import { UserPacks } from './userPacks';
import { warmUp } from './warmUp';
import { lintWorkspace, readDraft, workspaceDrafts } from './workspaceLint';

/** What the client said it can do, read once at initialisation. */
interface ClientSupport {
  pullDiagnostics: boolean;
  diagnosticRefresh: boolean;
  codeLensRefresh: boolean;
  configuration: boolean;
  configurationRegistration: boolean;
  watchedFilesRegistration: boolean;
  workDoneProgress: boolean;
  snippets: boolean;
  codeActionLiterals: boolean;
}

function readSupport(c: ClientCapabilities): ClientSupport {
  return {
    pullDiagnostics: Boolean(c.textDocument?.diagnostic),
    diagnosticRefresh: Boolean(c.workspace?.diagnostics?.refreshSupport),
    codeLensRefresh: Boolean(c.workspace?.codeLens?.refreshSupport),
    configuration: Boolean(c.workspace?.configuration),
    configurationRegistration: Boolean(c.workspace?.didChangeConfiguration?.dynamicRegistration),
    watchedFilesRegistration: Boolean(c.workspace?.didChangeWatchedFiles?.dynamicRegistration),
    workDoneProgress: Boolean(c.window?.workDoneProgress),
    snippets: Boolean(c.textDocument?.completion?.completionItem?.snippetSupport),
    codeActionLiterals: Boolean(c.textDocument?.codeAction?.codeActionLiteralSupport),
  };
}

/**
 * Wires the connection to the features. Each handler only finds the document's lint and hands it
 * to the module that answers; every handler is guarded, so a failure is logged and answered with
 * nothing rather than ending the server. `files` reads what is not an open document
 * (configuration files, packs, closed drafts). `withinTime`, where the server runs in Node, stops a
 * lint that overruns its budget (a browser worker has no such means: there lints run to their end).
 */
export function startServer(connection: Connection, files: ServerFiles, withinTime?: TimeBudget): void {
  const documents = new TextDocuments(TextDocument);
  let support = readSupport({});
  let stopWarmUp = (): void => {};
  /** The workspace folders, as URIs. */
  let roots: string[] = [];
  // Until the client's `initialize`, requests are answered with the protocol's error -32002 and
  // notifications dropped, as LSP asks.
  let initialized = false;
  const settings = new SettingsStore(connection, () => support.configuration);
  const problems = new ProblemReporter(connection, files.uriOf);
  const packs = new UserPacks(files.fs);
  const configs = new ProjectConfigs(files);
  const linter = new DraftLinter(settings, configs.resolve, packs, problems, () => roots, files, withinTime);
  const delivery = new DiagnosticsDelivery(
    connection,
    documents,
    linter,
    () => support.pullDiagnostics,
    () => support.diagnosticRefresh,
  );

  const guard =
    <A extends unknown[], R>(name: string, fallback: R, fn: (...args: A) => R | Promise<R>) =>
    async (...args: A): Promise<R> => {
      if (!initialized) throw new ResponseError(ErrorCodes.ServerNotInitialized, 'The server is not initialized yet.');
      try {
        return await fn(...args);
      } catch (error) {
        connection.console.error(`${name} failed: ${(error as Error).stack ?? String(error)}`);
        return fallback;
      }
    };
  /** A notification handler that does nothing before `initialize`. */
  const once =
    <A extends unknown[]>(fn: (...args: A) => void) =>
    (...args: A): void => {
      if (initialized) fn(...args);
    };

  /**
   * The lint of an open draft, or of a closed one read as the CLI reads it (custom requests may name
   * one): only a regular file inside a workspace folder, and not in `.git`, within the size limit.
   */
  const lintOf = async (uri: string): Promise<DraftLint | undefined> => {
    const document = documents.get(uri);
    if (document) return linter.get({ uri, version: document.version, text: document.getText() });
    const read = await readDraft(files, uri, roots);
    return read && 'text' in read ? linter.get({ uri, text: read.text }) : undefined;
  };

  const everythingChanged = () => {
    problems.reset();
    configs.clear();
    packs.clear();
    linter.invalidate();
    delivery.refreshAll();
    if (support.codeLensRefresh) void connection.sendRequest(CodeLensRefreshRequest.type).catch(() => undefined);
  };

  connection.onInitialize((params): InitializeResult => {
    initialized = true;
    support = readSupport(params.capabilities);
    const options = (params.initializationOptions ?? {}) as InitializationOptions;
    if (typeof options.ruleDocs === 'string') setBundledRuleDocs(options.ruleDocs);
    roots = (params.workspaceFolders ?? []).map((f) => f.uri);
    if (roots.length === 0 && params.rootUri) roots = [params.rootUri];
    // The client (the user's editor, not a workspace) may give lints more or less time.
    if (typeof options.timeoutSeconds === 'number' && options.timeoutSeconds > 0 && options.timeoutSeconds <= 3600)
      linter.budgetMs = options.timeoutSeconds * 1000;
    const result: InitializeResult = {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        hoverProvider: true,
        completionProvider: { triggerCharacters: COMPLETION_TRIGGERS },
        codeActionProvider: support.codeActionLiterals
          ? { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] }
          : true,
        codeLensProvider: { resolveProvider: false },
        executeCommandProvider: { commands: Object.values(ServerCommands) },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'cluster-policy-lint' },
    };
    if (support.pullDiagnostics)
      result.capabilities.diagnosticProvider = { interFileDependencies: false, workspaceDiagnostics: false };
    return result;
  });

  connection.onInitialized(() => {
    stopWarmUp = warmUp(builtinPack());
    if (support.configurationRegistration)
      void connection.client.register(DidChangeConfigurationNotification.type, { section: CONFIG_SECTION });
    if (support.watchedFilesRegistration) {
      void connection.client.register(DidChangeWatchedFilesNotification.type, {
        watchers: [{ globPattern: `**/{${CONFIG_FILE_NAMES.join(',')}}` }, { globPattern: '**/*.{yaml,yml,json}' }],
      });
    }
    connection.workspace.onDidChangeWorkspaceFolders((event) => {
      const removed = new Set(event.removed.map((f) => f.uri));
      roots = [...roots.filter((r) => !removed.has(r)), ...event.added.map((f) => f.uri)];
      everythingChanged();
    });
  });

  connection.onDidChangeConfiguration(
    once((change) => {
      settings.changed(change.settings);
      everythingChanged();
    }),
  );

  // Only configuration files and packs matter; a changed YAML file may be a pack just named.
  const isSettingsFile = (uri: string): boolean => {
    const file = files.pathOf(uri) ?? uri;
    return CONFIG_FILE_NAMES.some((n) => file.endsWith(n)) || packs.has(file) || /\.(?:ya?ml|jsonc?)$/i.test(file);
  };
  connection.onDidChangeWatchedFiles(
    once((change) => {
      if (change.changes.some((c) => isSettingsFile(c.uri))) everythingChanged();
    }),
  );
  documents.onDidSave(
    once((e) => {
      if (isSettingsFile(e.document.uri)) everythingChanged();
    }),
  );

  const opening = new Set<string>();
  documents.onDidOpen(
    once((e) => {
      opening.add(e.document.uri);
      delivery.opened(e.document);
    }),
  );
  documents.onDidChangeContent(
    once((e) => {
      // TextDocuments reports an opened document as changed too; its lint is already on its way.
      if (opening.delete(e.document.uri)) return;
      delivery.changed(e.document);
    }),
  );
  documents.onDidClose((e) => {
    opening.delete(e.document.uri);
    linter.forget(e.document.uri);
    settings.forget(e.document.uri);
    delivery.closed(e.document.uri);
  });

  connection.languages.diagnostics.on(
    guard('diagnostics', { kind: 'full' as const, items: [] }, (params) =>
      delivery.pulled(params.textDocument.uri, params.previousResultId),
    ),
  );

  connection.onHover(
    guard('hover', null, async (params) => {
      const lint = await lintOf(params.textDocument.uri);
      return lint ? hoverAt(lint.result, params.position) : null;
    }),
  );

  connection.onCodeAction(
    guard('code actions', [], async (params) => {
      const lint = await lintOf(params.textDocument.uri);
      return lint ? codeActions(lint.result, params.textDocument.uri, params) : [];
    }),
  );

  connection.onCompletion(
    guard('completion', [], async (params) => {
      const lint = await lintOf(params.textDocument.uri);
      return lint ? completionsAt(lint.result, params.position, support.snippets) : [];
    }),
  );

  connection.onCodeLens(
    guard('code lens', [], async (params) => {
      const lint = await lintOf(params.textDocument.uri);
      return lint ? codeLenses(lint.result, params.textDocument.uri) : [];
    }),
  );

  const onRequest = <P, R>(def: RequestDef<P, R>, handler: (params: P) => Promise<R>, fallback: R) =>
    connection.onRequest(
      def.method,
      guard(def.method, fallback, (params: P) => handler(params)),
    );

  onRequest(
    FileReportRequest,
    async (p: DocumentParams) => {
      const lint = await lintOf(p.uri);
      return lint ? fileReportOf(lint) : null;
    },
    null,
  );
  onRequest(
    CoverageSummaryRequest,
    async (p: DocumentParams) => {
      const lint = await lintOf(p.uri);
      return lint ? coverageSummaryOf(lint.result) : null;
    },
    null,
  );
  onRequest(
    DraftStatusRequest,
    async (p: DocumentParams) => {
      const document = documents.get(p.uri);
      if (document) return linter.scope({ uri: p.uri, text: document.getText() });
      const read = await readDraft(files, p.uri, roots);
      return linter.scope({ uri: p.uri, text: read && 'text' in read ? read.text : '' });
    },
    NOT_CHECKED,
  );
  onRequest(WorkspaceDraftsRequest, () => workspaceDrafts(roots, files), []);
  onRequest(
    ElementsRequest,
    async (p: DocumentParams) => {
      const lint = await lintOf(p.uri);
      return lint ? elementChoices(lint.result) : [];
    },
    [],
  );
  onRequest(
    RulesRequest,
    async (p: Partial<DocumentParams>) => {
      const lint = p.uri ? await lintOf(p.uri) : undefined;
      // Without a draft, the built-in pack's rules (a user's packs are per draft).
      return ruleChoices(lint?.result ?? emptyDraftLint());
    },
    [],
  );

  // Registered as a plain request, not `onExecuteCommand`: that helper removes the client's
  // progress token before the handler can tell whether there was one.
  connection.onRequest(
    ExecuteCommandRequest.type,
    guard('command', null as unknown, async (params: ExecuteCommandParams) => {
      const arg = (params.arguments?.[0] ?? {}) as Partial<InsertSectionArgs>;
      switch (params.command) {
        case ServerCommands.lintWorkspace: {
          let progress: WorkDoneProgressReporter = connection.window.attachWorkDoneProgress(params.workDoneToken);
          let cancelled = () => false;
          if (params.workDoneToken === undefined && support.workDoneProgress) {
            const created = await connection.window.createWorkDoneProgress();
            progress = created;
            cancelled = () => created.token.isCancellationRequested;
          }
          return lintWorkspace(
            roots,
            files,
            linter,
            delivery,
            (uri) => documents.get(uri) !== undefined,
            progress,
            cancelled,
          );
        }
        case ServerCommands.insertSection: {
          if (!arg.uri || !arg.elementId) return false;
          const lint = await lintOf(arg.uri);
          const edits = lint ? sectionEdits(lint.result, arg.elementId) : undefined;
          if (!edits) return false;
          const applied = await connection.workspace.applyEdit({
            label: 'Insert a section template',
            edit: { changes: { [arg.uri]: edits } },
          });
          return applied.applied;
        }
        case ServerCommands.showCoverage: {
          const lint = arg.uri ? await lintOf(arg.uri) : undefined;
          if (lint) void connection.window.showInformationMessage(coverageMessage(lint.result));
          return null;
        }
        default:
          return null;
      }
    }),
  );

  documents.listen(connection);
  connection.onShutdown(() => stopWarmUp());
  connection.listen();
}

/** What the status of a document is when the server could not find out. */
const NOT_CHECKED: DraftStatus = { checked: false, reason: 'no-configuration' };

/** The lint of an empty draft with the built-in pack: what a request with no draft describes. */
function emptyDraftLint() {
  return lint('', { pack: builtinPack() });
}
