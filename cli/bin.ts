#!/usr/bin/env node
// The executable: it wires `main` to the process and nothing else. `--version` and `--help` are
// answered here so they cost no more than starting node; everything else loads cli-main.js lazily.
import path from 'node:path';
import type { Worker } from 'node:worker_threads';
import { helpText, localeLanguage, VERSION } from './help';
import type { MainOptions } from './main';
import { startLintWorker } from './workerStart';

const argv = process.argv.slice(2);
if (argv.length === 1 && argv[0] === '--version') {
  process.stdout.write(`${VERSION}\n`);
} else if (argv.length === 1 && (argv[0] === '--help' || argv[0] === '-h')) {
  process.stdout.write(helpText(localeLanguage(process.env)));
} else {
  // A computed path keeps the bundler from inlining the engine into this small file.
  // The report is written as it grows: when its reader goes away (`… | head`), stop quietly
  // rather than print a stack trace. Nothing more can be said on a closed pipe; exit 2, the run
  // could not finish.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(2);
    throw error;
  });
  // Interrupted, the run exits rather than being killed, so that what it leaves half-written (the
  // `--output` file's temporary twin) is removed as the process exits; with 128 + the signal's
  // number, as a shell reports an interrupted command.
  process.once('SIGINT', () => process.exit(130));
  process.once('SIGTERM', () => process.exit(143));
  // Drafts are linted in worker threads, so that this thread can always answer an interrupt. The
  // first starts now, before the rest of the command line loads, so that the engine loads in both
  // threads at once; commands that lint nothing end it unused.
  const lintsNothing = argv.some((a) => ['--list-rules', '--init', '--print-config'].includes(a.split('=')[0]!));
  let worker: Worker | undefined;
  if (!lintsNothing) {
    try {
      worker = startLintWorker(path.join(__dirname, 'cli-worker.js'));
    } catch {
      // No threads here: the run lints in this thread.
    }
  }
  const { main } = require(path.join(__dirname, 'cli-main.js')) as { main: (o: MainOptions) => Promise<number> };
  main({
    ...(worker ? { worker } : {}),
    argv,
    cwd: process.cwd(),
    env: process.env,
    stdin: process.stdin,
    stdout: process.stdout,
    stderr: process.stderr,
    isTTY: { stdout: process.stdout.isTTY === true, stderr: process.stderr.isTTY === true },
  }).then(
    (code) => {
      process.exitCode = code;
      void worker?.terminate();
    },
    (error: unknown) => {
      // Only a bug in the tool gets here; a user's mistake is reported by main with exit 2.
      process.stderr.write(
        `cluster-policy-lint: internal error: ${error instanceof Error ? error.stack : String(error)}\n`,
      );
      process.exitCode = 2;
      void worker?.terminate();
    },
  );
}
