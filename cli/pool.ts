/**
 * Lints many drafts at once. Linting is CPU-bound, so past a few dozen files the drafts are shared
 * between this thread and worker threads, one per other core, which read them too; below that,
 * starting workers costs more than it saves and everything runs in this thread. Outcomes are
 * handed over in task order, each as soon as those before it are done, whatever order the threads
 * finish in.
 */
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import type { PackSource } from '../engine';
import {
  lintRead,
  PackCache,
  readFromDisk,
  type DraftOutcome,
  type LintTask,
  type OutcomeOptions,
  type ReadResult,
} from './lintDraft';
import type { WorkerMessage, WorkerResponse, WorkerSetup } from './worker';

/** How many files make a worker pool worth its start-up. */
export const POOL_THRESHOLD = 50;

/**
 * Worker threads, started as soon as a run looks like it will lint many drafts: a worker's
 * start (loading the engine, compiling the built-in pack) then overlaps the search for the files
 * and the reading of their configuration. A run that finds few drafts closes it unused.
 */
export class WorkerPool {
  readonly workers: Worker[] = [];

  private constructor(script: string, size: number, outcome: OutcomeOptions) {
    const setup: WorkerSetup = { options: outcome };
    for (let i = 0; i < size; i++) {
      // A small young generation keeps each worker's memory near its live data; the drafts'
      // garbage is short-lived, so collecting it more often costs little.
      this.workers.push(new Worker(script, { workerData: setup, resourceLimits: { maxYoungGenerationSizeMb: 4 } }));
    }
  }

  /** One worker per core but this thread's, or undefined where there is no second core or threads cannot start. */
  static start(script: string, outcome: OutcomeOptions): WorkerPool | undefined {
    const size = os.availableParallelism() - 1;
    if (size < 1) return undefined;
    try {
      return new WorkerPool(script, size, outcome);
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
  /** Workers for the drafts on disk, when the run started them; without them, no pool. */
  pool?: WorkerPool;
  /** Called with each outcome, in task order. */
  onOutcome(outcome: DraftOutcome, index: number): void;
}

/** Lints every task; resolves when every outcome has been handed to `onOutcome`. Closes the pool. */
export async function lintEach(tasks: LintTask[], options: PoolOptions): Promise<void> {
  const { pool } = options;
  if (!pool || tasks.length <= POOL_THRESHOLD) {
    pool?.close();
    return lintHere(tasks, options, 0);
  }
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
 * This thread lints too, beside the pool's workers: a thread that only waited would cost a second
 * copy of the engine in memory (and its warm-up) for nothing.
 */
function lintWithWorkers(tasks: LintTask[], pool: WorkerPool, options: PoolOptions, inOrder: InOrder): Promise<void> {
  return new Promise((resolve, reject) => {
    let sent = 0;
    let done = 0;
    let over = false;
    const finish = (error?: Error) => {
      if (over) return;
      over = true;
      for (const w of pool.workers) w.removeAllListeners('message').removeAllListeners('exit');
      if (error) reject(error);
      else resolve();
    };
    const settle = (id: number, outcome: DraftOutcome) => {
      inOrder.put(id, outcome);
      if (++done === tasks.length) finish();
    };
    const feed = (worker: Worker) => {
      if (sent >= tasks.length) return;
      const id = sent++;
      worker.postMessage({ id, task: tasks[id]! } satisfies WorkerMessage);
    };
    for (const worker of pool.workers) {
      worker.postMessage({ packSets: options.packSets } satisfies WorkerMessage);
      worker.on('message', (response: WorkerResponse) => {
        if (over) return;
        if ('error' in response) return finish(new Error(response.error));
        settle(response.id, response.outcome);
        feed(worker);
      });
      worker.once('error', (error) => finish(error));
      // A worker that ends while drafts are out (killed, out of memory) must not leave the run waiting.
      worker.once('exit', (code) => finish(new Error(`a lint worker stopped (exit code ${code})`)));
      // Two drafts in flight keep a worker busy while this thread takes its last result.
      feed(worker);
      feed(worker);
    }
    // This thread's share: one draft at a time, letting the workers' messages in between.
    const packs = new PackCache(options.packSets);
    const next = async (): Promise<void> => {
      while (!over && sent < tasks.length) {
        const id = sent++;
        const task = tasks[id]!;
        // Workers are used only for drafts on the disk, so this thread reads the disk as they do.
        settle(id, lintRead(task, readFromDisk(task), packs, options.outcome));
        await new Promise((r) => setImmediate(r));
      }
    };
    next().catch((error: Error) => finish(error));
  });
}
