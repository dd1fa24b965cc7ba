#!/usr/bin/env node
// The executable: it wires `main` to the process and nothing else. `--version` and `--help` are
// answered here so they cost no more than starting node; everything else loads cli-main.js lazily.
import path from 'node:path';
import type { Worker } from 'node:worker_threads';
import { HELP, VERSION } from './help';
import type { MainOptions } from './main';

const argv = process.argv.slice(2);
if (argv.length === 1 && argv[0] === '--version') {
  process.stdout.write(`${VERSION}\n`);
} else if (argv.length === 1 && (argv[0] === '--help' || argv[0] === '-h')) {
  process.stdout.write(HELP);
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
  // A run is a batch with little live data (about 14 MB a thread on 8 KB drafts), and V8 sizes
  // its heap for a long-lived program: these two flags keep it near the live data. They are set
  // here, not in `main`, as the process's own settings, and `node:v8` is loaded here so that
  // `--version` does not load it.
  const v8 = require('node:v8') as typeof import('node:v8');
  // The old generation: on a machine with memory to spare V8 lets it grow to four times the live
  // data between full collections. At 1.3 times, a run over 2,000 drafts peaked at about 155 MB
  // instead of 205 MB; its time changed by -1% to +6% in alternating runs, within the noise. V8
  // reckons the growth anew after each collection, so the flag holds though set after start.
  v8.setFlagsFromString('--heap-growing-percent=30');
  // Compilation: a run lints each draft once, and V8's optimising compiler kept compiling the
  // lint's larger functions again as new drafts brought new shapes of data (a 2,000-draft run on
  // one thread spent 2.7-2.9 s compiling, some functions five or six times at 80 ms each). Less
  // inlining makes each compilation smaller. Over 2,000 drafts the run took 10-19% less time in
  // alternating pairs (English; Chinese -4% to -21%, one pair +2%); one 5 MB draft, where the
  // code runs longest, took the same time. V8 reads these when it compiles, so they hold though
  // set after start, and in the workers too.
  v8.setFlagsFromString('--max-inlined-bytecode-size=100');
  v8.setFlagsFromString('--max-inlined-bytecode-size-cumulative=100');
  // The young generation: V8 doubles it, up to 32 MiB, each time as much as it holds has survived
  // collections, and a lint keeps every draft's working set alive for a while. A factor of 1
  // keeps it at its starting size. The workers' own is bounded when they start (`pool.ts`); this
  // thread's only by a start flag, or by this factor. Every new V8 heap sets the factor back to
  // at least 2 (measured: set before a worker starts, it has no effect), so it is set again once
  // each worker runs. Over 2,000 drafts the run peaked at 120-129 MiB instead of 150-157 MiB (one
  // run of 31: 139 MiB); in alternating runs its time rose by 0-8% (medians; the English drafts
  // were slower in every pair), more scavenges for less memory. The 5 MB drafts lost 26-29 MiB
  // and no time.
  const youngStaysSmall = () => v8.setFlagsFromString('--semi-space-growth-factor=1');
  youngStaysSmall();
  process.on('worker', (worker: Worker) => worker.once('online', youngStaysSmall));
  const { main } = require(path.join(__dirname, 'cli-main.js')) as { main: (o: MainOptions) => Promise<number> };
  main({
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
    },
    (error: unknown) => {
      // Only a bug in the tool gets here; a user's mistake is reported by main with exit 2.
      process.stderr.write(`cluster-policy-lint: internal error: ${error instanceof Error ? error.stack : String(error)}\n`);
      process.exitCode = 2;
    },
  );
}
