#!/usr/bin/env node
/**
 * The language server's executable: `cluster-policy-lint-server --stdio` for any editor, and
 * `--node-ipc` when the VS Code extension starts it. Standard input and output are opened here;
 * the other transports are opened by `vscode-languageserver` from the flags.
 */
import v8 from 'node:v8';
import { createConnection, ProposedFeatures, StreamMessageReader } from 'vscode-languageserver/node';
import { startServer } from './server';
import { consoleToClient, OneWriteMessageWriter } from './stdio';
import { boundYoungGeneration, semiSpaceSizeGiven } from './youngGeneration';

const args = process.argv.slice(2);
const transports = ['--stdio', '--node-ipc', '--socket', '--pipe', '--clientProcessId'];

if (args.includes('--help') || args.includes('-h') || !args.some((a) => transports.some((t) => a === t || a.startsWith(`${t}=`)))) {
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

// The old generation: V8 lets it grow to several times its live data between full collections,
// and a server holding fifty open drafts kept that much more memory than it used. At 1.3 times
// (as the CLI sets it), fifty open 100 KB drafts took 139-149 MB instead of 148-159 MB with no
// start flags, and 116-123 MB instead of 133-140 MB with VS Code's, in alternating runs. The cost
// is in long drafts: edits of the 1 MB English draft were answered as fast when pulled as VS Code
// pulls, but 0-30% slower when every diagnostic is sent again, with a worse p95 (seven
// alternating pairs; the medians stay under 25 ms). The 100 KB drafts did not change.
// V8 reckons the growth anew after each collection, so the flag holds though set after start. A
// process setting, so here and not in `startServer`.
v8.setFlagsFromString('--heap-growing-percent=30');
// The young generation: bounded unless the process was started with its own size, as VS Code
// starts it (see `boundYoungGeneration`).
if (!semiSpaceSizeGiven()) boundYoungGeneration();

// Standard input and output are opened here, so that each message is written in one piece
// (`OneWriteMessageWriter`); `vscode-languageserver` opens the other transports from the flags.
const stdio = args.includes('--stdio');
const connection = stdio
  ? createConnection(ProposedFeatures.all, new StreamMessageReader(process.stdin), new OneWriteMessageWriter(process.stdout))
  : createConnection(ProposedFeatures.all);
// What `vscode-languageserver` does for the standard streams it opens itself, done before the
// server starts: `console` goes to the editor's log, not into the protocol's stream.
if (stdio) consoleToClient(connection.console);
// The server must outlive any one bad request: log what escaped and keep serving.
process.on('uncaughtException', (error) => connection.console.error(`Unexpected error: ${error.stack ?? error.message}`));
process.on('unhandledRejection', (reason) => connection.console.error(`Unexpected error: ${String(reason)}`));
const server = startServer(connection);
if (stdio) {
  // And it ends with its input, as the library's own stdio does: 0 after a shutdown request, 1
  // without (as LSP asks of the exit notification).
  const end = (): never => process.exit(server.shutDown ? 0 : 1);
  process.stdin.on('end', end);
  process.stdin.on('close', end);
}
