/**
 * A small LSP client for the server tests: it spawns `dist/server.js --stdio` and speaks
 * JSON-RPC over the child's pipes, as Neovim or Helix would. Every wait is on a condition
 * re-checked when a message arrives, bounded by a timeout; there are no fixed sleeps.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createMessageConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type ClientCapabilities,
  type Diagnostic,
  type MessageConnection,
  type PublishDiagnosticsParams,
  type ShowMessageParams,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';

const SERVER = path.resolve(__dirname, '../../dist/server.js');
const TIMEOUT_MS = 15000;

/** What a test client can do; each option mirrors a client capability. */
export interface ClientOptions {
  /** Advertise `textDocument/diagnostic` (VS Code); otherwise the client only takes pushes. */
  pull?: boolean;
  /** Answer `workspace/configuration`; otherwise the server must do with pushed settings. */
  configuration?: boolean;
  snippets?: boolean;
  /** The `clusterPolicyLint` settings the client answers with; may be replaced during a test. */
  settings?: Record<string, unknown>;
  /** Variables added to the server process's environment (NODE_OPTIONS, for instance). */
  env?: Record<string, string>;
  /** What `initialize` carries as `initializationOptions`. */
  initializationOptions?: Record<string, unknown>;
}

/** The configuration file a configured workspace starts with: it only says the drafts are drafts. */
export const EMPTY_CONFIG = '# Every Markdown file in this folder is a policy draft.\n';

/**
 * A temporary workspace folder with files in it. It is a configured workspace (an empty
 * `.cluster-policy-lint.yaml` at its root) unless `configured` is false, so its drafts are checked.
 */
export class Workspace {
  readonly root: string;

  constructor(files: Record<string, string | Uint8Array> = {}, { configured = true }: { configured?: boolean } = {}) {
    this.root = mkdtempSync(path.join(os.tmpdir(), 'cpl-server-'));
    if (configured) this.write('.cluster-policy-lint.yaml', EMPTY_CONFIG);
    for (const [name, text] of Object.entries(files)) this.write(name, text);
  }

  write(name: string, text: string | Uint8Array): string {
    const file = path.join(this.root, name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
    return file;
  }

  uri(name: string): string {
    return pathToFileURL(path.join(this.root, name)).toString();
  }

  dispose(): void {
    rmSync(this.root, { recursive: true, force: true });
  }
}

/** A running server and what it has sent. */
export class TestClient {
  readonly pushed = new Map<string, PublishDiagnosticsParams>();
  readonly messages: ShowMessageParams[] = [];
  readonly configurationRequests: { scopeUri?: string; section?: string }[] = [];
  readonly progress: { token: unknown; value: { kind: string } }[] = [];
  diagnosticRefreshes = 0;
  settings: Record<string, unknown>;
  private readonly texts = new Map<string, TextDocument>();
  private readonly waiters = new Set<() => void>();
  private stderr = '';
  private exitReason: string | undefined;
  /** Resolves with a reason when the server process ends. */
  private readonly exited: Promise<string>;

  private constructor(
    readonly connection: MessageConnection,
    private readonly child: ChildProcessWithoutNullStreams,
    options: ClientOptions,
  ) {
    this.settings = options.settings ?? {};
    child.stderr.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
    this.exited = new Promise((resolve) =>
      child.on('exit', (code) => resolve(`the server exited (code ${code}): ${this.stderr.slice(-2000)}`)),
    );
    void this.exited.then((reason) => {
      this.exitReason = reason;
      this.pulse();
    });
    connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      this.pushed.set(p.uri, p);
      this.pulse();
    });
    connection.onNotification('window/showMessage', (p: ShowMessageParams) => {
      this.messages.push(p);
      this.pulse();
    });
    connection.onNotification('window/logMessage', () => undefined);
    // JSON-RPC routes `$/progress` to per-token handlers; the test client records them all.
    connection.onUnhandledProgress((p) => {
      this.progress.push(p as { token: unknown; value: { kind: string } });
      this.pulse();
    });
    connection.onRequest('workspace/configuration', (p: { items: { scopeUri?: string; section?: string }[] }) => {
      this.configurationRequests.push(...p.items);
      this.pulse();
      return p.items.map(() => this.settings);
    });
    connection.onRequest('client/registerCapability', () => null);
    connection.onRequest('window/workDoneProgress/create', () => null);
    connection.onRequest('workspace/codeLens/refresh', () => null);
    connection.onRequest('workspace/diagnostic/refresh', () => {
      this.diagnosticRefreshes++;
      this.pulse();
      return null;
    });
    connection.onRequest('workspace/applyEdit', (p: { edit: WorkspaceEdit }) => {
      for (const [uri, edits] of Object.entries(p.edit.changes ?? {})) this.edit(uri, edits);
      this.pulse();
      return { applied: true };
    });
  }

  /** Starts the server over stdio and initialises it for a workspace folder. */
  static async start(workspace: Workspace, options: ClientOptions = {}): Promise<TestClient> {
    const child = spawn(process.execPath, [SERVER, '--stdio'], {
      stdio: 'pipe',
      env: { ...process.env, ...options.env },
    });
    const connection = createMessageConnection(
      new StreamMessageReader(child.stdout),
      new StreamMessageWriter(child.stdin),
    );
    const client = new TestClient(connection, child, options);
    connection.listen();
    const capabilities: ClientCapabilities = {
      workspace: {
        configuration: options.configuration ?? true,
        didChangeConfiguration: { dynamicRegistration: true },
        didChangeWatchedFiles: { dynamicRegistration: true },
        workspaceFolders: true,
        applyEdit: true,
        diagnostics: options.pull ? { refreshSupport: true } : undefined,
      },
      window: { workDoneProgress: true },
      textDocument: {
        synchronization: { dynamicRegistration: false },
        publishDiagnostics: { versionSupport: true },
        hover: { contentFormat: ['markdown', 'plaintext'] },
        completion: { completionItem: { snippetSupport: options.snippets ?? true } },
        codeAction: {
          codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] } },
        },
        codeLens: {},
        diagnostic: options.pull ? { dynamicRegistration: false } : undefined,
      },
    };
    const initialized = connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: pathToFileURL(workspace.root).toString(),
      workspaceFolders: [{ uri: pathToFileURL(workspace.root).toString(), name: 'drafts' }],
      capabilities,
      ...(options.initializationOptions ? { initializationOptions: options.initializationOptions } : {}),
    });
    const failed = client.exited.then((reason) => Promise.reject(new Error(reason)));
    await Promise.race([initialized, failed]);
    await connection.sendNotification('initialized', {});
    return client;
  }

  /** Opens a draft in the editor. */
  async open(uri: string, text: string): Promise<void> {
    this.texts.set(uri, TextDocument.create(uri, 'markdown', 1, text));
    await this.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: 'markdown', version: 1, text },
    });
  }

  /** The draft's current text as the client holds it. */
  text(uri: string): string {
    return this.texts.get(uri)!.getText();
  }

  /** Applies edits to the client's copy and sends them as an incremental change. */
  async edit(uri: string, edits: TextEdit[]): Promise<string> {
    const before = this.texts.get(uri)!;
    const text = TextDocument.applyEdits(before, edits);
    const after = TextDocument.create(uri, 'markdown', before.version + 1, text);
    this.texts.set(uri, after);
    // Sent last edit first, so each range is still valid in the text the server holds.
    const sorted = [...edits].sort(
      (a, b) => b.range.start.line - a.range.start.line || b.range.start.character - a.range.start.character,
    );
    await this.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: after.version },
      contentChanges: sorted.map((e) => ({ range: e.range, text: e.newText })),
    });
    return text;
  }

  /** Replaces the whole text of an open draft. */
  async replace(uri: string, text: string): Promise<void> {
    const before = this.texts.get(uri)!;
    this.texts.set(uri, TextDocument.create(uri, 'markdown', before.version + 1, text));
    await this.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: before.version + 1 },
      contentChanges: [{ text }],
    });
  }

  request<R>(method: string, params: unknown): Promise<R> {
    return this.connection.sendRequest(method, params) as Promise<R>;
  }

  /** Pulls a draft's diagnostic report, naming the report the client holds, if any. */
  pullReport(
    uri: string,
    previousResultId?: string,
  ): Promise<{ kind: string; resultId?: string; items?: Diagnostic[] }> {
    return this.request('textDocument/diagnostic', {
      textDocument: { uri },
      ...(previousResultId ? { previousResultId } : {}),
    });
  }

  /** Pulls a draft's diagnostics (`textDocument/diagnostic`). */
  async pull(uri: string): Promise<Diagnostic[]> {
    const report = await this.request<{ kind: string; items: Diagnostic[] }>('textDocument/diagnostic', {
      textDocument: { uri },
    });
    return report.items;
  }

  /** Waits until the pushed diagnostics of a draft satisfy a condition, and returns them. */
  async pushedWhere(uri: string, ok: (d: Diagnostic[]) => boolean, what: string): Promise<Diagnostic[]> {
    return this.until(() => {
      const p = this.pushed.get(uri);
      return p && ok(p.diagnostics) ? p.diagnostics : undefined;
    }, what);
  }

  /** Waits until a check returns a value; re-checked whenever the server sends something. */
  until<T>(check: () => T | undefined, what: string): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const tryNow = () => {
        if (this.exitReason !== undefined) {
          cleanup();
          reject(new Error(`Waiting for ${what}, but ${this.exitReason}`));
          return;
        }
        const value = check();
        if (value === undefined) return;
        cleanup();
        resolve(value);
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`Timed out waiting for ${what}. Server stderr: ${this.stderr.slice(-2000)}`));
      }, TIMEOUT_MS);
      const cleanup = () => {
        clearTimeout(timer);
        this.waiters.delete(tryNow);
      };
      this.waiters.add(tryNow);
      tryNow();
    });
  }

  async stop(): Promise<void> {
    try {
      await this.connection.sendRequest('shutdown');
      await this.connection.sendNotification('exit');
    } catch {
      // The server may already be gone; the child is killed below either way.
    }
    this.connection.dispose();
    this.child.kill();
  }

  /**
   * Ends the session as an editor does (shutdown, then exit) and waits for the server to end by
   * itself, so that nothing it does on the way out is missed; resolves with how it ended.
   */
  async shutdown(): Promise<string> {
    await this.connection.sendRequest('shutdown');
    await this.connection.sendNotification('exit');
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('The server did not exit after the exit notification.')), TIMEOUT_MS);
    });
    try {
      return await Promise.race([this.exited, late]);
    } finally {
      clearTimeout(timer);
      this.connection.dispose();
      this.child.kill();
    }
  }

  private pulse(): void {
    for (const waiter of [...this.waiters]) waiter();
  }
}

/** Applies a workspace edit's changes for one document to a text. */
export function applyWorkspaceEdit(text: string, uri: string, edit: WorkspaceEdit | undefined): string {
  const edits = edit?.changes?.[uri] ?? [];
  return TextDocument.applyEdits(TextDocument.create(uri, 'markdown', 0, text), edits);
}

/** True when every character of `original` survives, in order, in `edited`: nothing was removed. */
export function keepsAllText(original: string, edited: string): boolean {
  let i = 0;
  for (let j = 0; j < edited.length && i < original.length; j++) if (edited[j] === original[i]) i++;
  return i === original.length;
}
