#!/usr/bin/env node
/**
 * The language server's executable: `cluster-policy-lint-server --stdio` for any editor, and
 * `--node-ipc` when the VS Code extension starts it. `vscode-languageserver` opens the transport
 * the flags name, sends `console` output to the editor's log and ends the process with its input.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createConnection, ProposedFeatures, type Connection } from 'vscode-languageserver/node';
import { withinTime } from '../project/timeBudget';
import { setBundledRuleDocs } from './convert';
import { FrameRepair } from './framing';
import { nodeFiles } from './nodeFiles';
import { startServer } from './server';

const args = process.argv.slice(2);
const transports = ['--stdio', '--node-ipc', '--socket', '--pipe', '--clientProcessId'];

if (
  args.includes('--help') ||
  args.includes('-h') ||
  !args.some((a) => transports.some((t) => a === t || a.startsWith(`${t}=`)))
) {
  process.stderr.write(
    [
      'cluster-policy-lint-server: the Cluster Policy Lint language server.',
      '',
      'Start it from an editor with one transport:',
      '  cluster-policy-lint-server --stdio        talk over standard input and output',
      '  cluster-policy-lint-server --node-ipc     talk over Node IPC (how VS Code starts it)',
      '  cluster-policy-lint-server --socket=PORT  connect to a socket',
      '',
    ].join('\n'),
  );
  process.exit(args.includes('--help') || args.includes('-h') ? 0 : 2);
}

// Over standard input, frames pass through `FrameRepair` first: one broken frame then costs one
// message, reported in the log, never the connection. (The library's own stdio set-up is kept
// otherwise: it ends the process with its input.)
let connection: Connection;
if (args.includes('--stdio')) {
  // Standard output is the protocol's: anything a dependency prints goes to the log instead.
  for (const name of ['log', 'info', 'debug', 'warn'] as const) console[name] = console.error;
  const input = process.stdin.pipe(
    new FrameRepair((problem) => connection.console.error(`A message from the editor could not be read: ${problem}.`)),
  );
  connection = createConnection(ProposedFeatures.all, input, process.stdout);
} else connection = createConnection(ProposedFeatures.all);
// The server must outlive any one bad request: log what escaped and keep serving.
process.on('uncaughtException', (error) =>
  connection.console.error(`Unexpected error: ${error.stack ?? error.message}`),
);
process.on('unhandledRejection', (reason) => connection.console.error(`Unexpected error: ${String(reason)}`));
// Rule links point at the documentation that ships beside the bundle (dist/../docs/rules.md),
// unless the client names its own copy.
const ruleDocs = path.join(__dirname, '..', 'docs', 'rules.md');
if (existsSync(ruleDocs)) setBundledRuleDocs(pathToFileURL(ruleDocs).toString());
// In Node a lint that overruns its budget can be stopped (see `project/timeBudget.ts`).
startServer(connection, nodeFiles, withinTime);
