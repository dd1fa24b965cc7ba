/**
 * Lints drafts in worker threads, so that the main thread is never busy with a lint: it only hands
 * out drafts, writes the report and answers signals. An interrupt (Ctrl-C, SIGTERM from a CI
 * runner) then stops the run at once, however long the draft being linted, and the report's
 * temporary file is removed. Past a few dozen files there is one worker per core. Outcomes are
 * handed over in task order, each as soon as those before it are done, whatever order the workers
 * finish in.
 *
 * This thread keeps each draft to the run's time budget: a worker still linting a draft when its
 * budget has run out, or one that dies (out of the memory it may use), is ended and replaced, and
 * the draft it was linting is reported as not linted. Where no worker can start, the drafts are
 * linted in this thread, still within the budget (`withinTime`).
 */
import os from 'node:os';
import type { Worker } from 'node:worker_threads';
import type { PackSource } from '../engine';
import {
  failedOutcome,
  lintRead,
  overrunReason,
  PackCache,
  type DraftOutcome,
  type LintTask,
  type OutcomeOptions,
  type ReadResult,
} from './lintDraft';
import type { WorkerMessage, WorkerResponse } from './worker';
import { startLintWorker, WORKER_MEMORY_MB } from './workerStart';

/** How many files make more than one worker worth its start-up. */
export const POOL_THRESHOLD = 50;

/**
 * Worker threads, started as soon as the run begins, so that a worker's start (loading the
 * engine, compiling the built-in pack) overlaps the search for the files and the reading of their
 * configuration.
 */
export class WorkerPool {
  readonly workers: Worker[] = [];

  private constructor(
    private readonly script: string,
    size: number,
    started: Worker | undefined,
  ) {
    if (started) this.workers.push(started);
    while (this.workers.length < size) this.workers.push(this.spawn());
  }

  /** A new worker. */
  spawn(): Worker {
    return startLintWorker(this.script);
  }

  /**
   * One worker, or one per core for a large run (`started`, when given, is the first); undefined
   * where threads cannot start (the drafts are then linted in this thread).
   */
  static start(script: string, large: boolean, started?: Worker): WorkerPool | undefined {
    const size = large ? Math.max(1, os.availableParallelism()) : 1;
    try {
      return new WorkerPool(script, size, started);
    } catch {
      return undefined;
    }
  }

  close(): void {
    for (const w of this.workers) void w.terminate();
  }
}

/** Options of `lintEach`. */
export interface PoolOptions {
  packSets: Record<string, PackSource[]>;
  outcome: OutcomeOptions;
  /** Reads a draft in this thread (the workers read the disk themselves). */
  read(task: LintTask): Promise<ReadResult>;
  /** Workers for the drafts on disk, when the run started them; without them, this thread lints. */
  pool?: WorkerPool;
  /** Called with each outcome, in task order. */
  onOutcome(outcome: DraftOutcome, index: number): void;
}

/** Lints every task; resolves when every outcome has been handed to `onOutcome`. Closes the pool. */
export async function lintEach(tasks: LintTask[], options: PoolOptions): Promise<void> {
  const { pool } = options;
  if (!pool) return lintHere(tasks, options, 0);
  const inOrder = new InOrder(options.onOutcome);
  try {
    await lintWithWorkers(tasks, pool, options, inOrder);
  } catch {
    // A pool that cannot start or breaks (a restricted environment, a missing file) must not cost
    // the run: the drafts not yet handed over are linted here.
    await lintHere(tasks.slice(inOrder.next), options, inOrder.next);
  } finally {
    pool.close();
  }
}

async function lintHere(tasks: LintTask[], options: PoolOptions, base: number): Promise<void> {
  const packs = new PackCache(options.packSets);
  for (const [i, task] of tasks.entries()) {
    options.onOutcome(lintRead(task, await options.read(task), packs, options.outcome), base + i);
  }
}

/** Hands outcomes over in index order, holding those that finish early. */
class InOrder {
  /** The index of the next outcome to hand over. */
  next = 0;
  private readonly waiting = new Map<number, DraftOutcome>();

  constructor(private readonly deliver: (outcome: DraftOutcome, index: number) => void) {}

  put(index: number, outcome: DraftOutcome): void {
    this.waiting.set(index, outcome);
    for (let o = this.waiting.get(this.next); o; o = this.waiting.get(this.next)) {
      this.waiting.delete(this.next);
      this.deliver(o, this.next++);
    }
  }
}

/**
 * A worker of the pool and the drafts it was given, oldest (the one it is linting) first: when
 * each was handed over, or when its lint started (`started`).
 */
interface Hand {
  worker: Worker;
  out: { id: number; since: number; started?: boolean }[];
}

// How long a worker may take to start on a draft (to start up, compile a workspace's packs, read
// the draft) before the draft's own budget; a worker that takes longer is not answering.
const START_MS = 5_000;

/**
 * Hands the drafts to the workers, two at a time each (so that a worker is never idle while this
 * thread takes its last result), and replaces a worker that overruns its budget or dies.
 */
function lintWithWorkers(tasks: LintTask[], pool: WorkerPool, options: PoolOptions, inOrder: InOrder): Promise<void> {
  return new Promise((resolve, reject) => {
    const { timeoutMs } = options.outcome;
    const queue: number[] = tasks.map((_, i) => i);
    const hands: Hand[] = [];
    let done = 0;
    let over = false;
    let restarts = 0;
    // Looked at often enough that a draft is stopped within a tenth of its budget after it ran out.
    const watchdog = setInterval(
      () => {
        const now = Date.now();
        for (const hand of [...hands]) {
          const first = hand.out[0];
          if (first && now - first.since > timeoutMs + (first.started ? 0 : START_MS))
            replace(hand, overrunReason(tasks[first.id]!, undefined, timeoutMs));
        }
      },
      Math.min(1000, Math.max(20, timeoutMs / 10)),
    );
    watchdog.unref();
    const finish = (error?: Error) => {
      if (over) return;
      over = true;
      clearInterval(watchdog);
      for (const { worker } of hands)
        worker.removeAllListeners('message').removeAllListeners('exit').removeAllListeners('error');
      if (error) reject(error);
      else resolve();
    };
    const settle = (id: number, outcome: DraftOutcome) => {
      inOrder.put(id, outcome);
      if (++done === tasks.length) finish();
    };
    const feed = (hand: Hand) => {
      const id = queue.shift();
      if (id === undefined) return;
      hand.out.push({ id, since: Date.now() });
      hand.worker.postMessage({ id, task: tasks[id]! } satisfies WorkerMessage);
    };
    /**
     * Ends a worker that overran or died: the draft it was linting is reported with `reason`, the
     * one waiting behind it goes back to the queue, and a new worker takes its place.
     */
    const replace = (hand: Hand, reason: string) => {
      if (over) return;
      hand.worker.removeAllListeners('message').removeAllListeners('exit').removeAllListeners('error');
      void hand.worker.terminate();
      const [running, ...waiting] = hand.out;
      queue.unshift(...waiting.map((w) => w.id));
      hands.splice(hands.indexOf(hand), 1);
      // Workers that keep dying are a broken environment, not a draft's doing: lint here instead.
      if (++restarts > tasks.length + 4) return finish(new Error('lint workers keep stopping'));
      let worker: Worker;
      try {
        worker = pool.spawn();
      } catch (error) {
        return finish(error as Error);
      }
      pool.workers.push(worker);
      attach(worker);
      if (running) settle(running.id, failedOutcome(tasks[running.id]!.display, reason, options.outcome));
    };
    const attach = (worker: Worker) => {
      const hand: Hand = { worker, out: [] };
      hands.push(hand);
      worker.postMessage({ run: { options: options.outcome, packSets: options.packSets } } satisfies WorkerMessage);
      worker.on('message', (response: WorkerResponse) => {
        if (over) return;
        if ('error' in response) return finish(new Error(response.error));
        if ('started' in response) {
          const first = hand.out[0];
          if (first?.id === response.id) Object.assign(first, { since: Date.now(), started: true });
          return;
        }
        hand.out = hand.out.filter((o) => o.id !== response.id);
        // The worker goes on to the draft waiting behind this one now.
        if (hand.out[0]) hand.out[0].since = Date.now();
        settle(response.id, response.outcome);
        feed(hand);
      });
      worker.once('error', (error: Error & { code?: string }) =>
        replace(
          hand,
          error.code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? `its check needed more than the ${WORKER_MEMORY_MB} MB of memory a draft's check may use, so it is not linted`
            : `its check failed (${error.message}), so it is not linted`,
        ),
      );
      // A worker that ends while drafts are out (killed) must not leave the run waiting.
      worker.once('exit', (code) =>
        hand.out.length ? replace(hand, `its check stopped (exit code ${code}), so it is not linted`) : undefined,
      );
      feed(hand);
      feed(hand);
    };
    for (const worker of pool.workers) attach(worker);
    if (tasks.length === 0) finish();
  });
}
