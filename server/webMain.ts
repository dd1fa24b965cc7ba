/**
 * The language server as a web worker, for vscode.dev and github.dev: the same server as
 * `bin.ts` starts in Node, speaking LSP over the worker's messages, and reading configuration
 * files and packs through the client (it has no file system of its own).
 */
import {
  BrowserMessageReader,
  BrowserMessageWriter,
  createConnection,
  ProposedFeatures,
} from 'vscode-languageserver/browser';
import { clientFiles } from './clientFiles';
import { startServer } from './server';

// The worker's global scope; the project's type-check has no DOM or web-worker library.
const worker = globalThis as unknown as ConstructorParameters<typeof BrowserMessageReader>[0];
const connection = createConnection(
  ProposedFeatures.all,
  new BrowserMessageReader(worker),
  new BrowserMessageWriter(worker),
);
startServer(connection, clientFiles(connection));
