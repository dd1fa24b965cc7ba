/**
 * Lints many drafts at once. Linting is CPU-bound, so past a few dozen files the drafts are shared
 * among worker threads, one per core, which read them too; below that, starting workers costs
 * more than it saves and everything runs in this thread. Outcomes are handed over in task order,
 * each as soon as those before it are done, whatever order the threads finish in.
 */
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import type { PackSource } from '../engine';
import { lintRead, PackCache, type DraftOutcome, type LintTask, type OutcomeOptions, type ReadResult } from './lintDraft';
import type { WorkerRequest, WorkerResponse, WorkerSetup } from './worker';

/** How many files make a worker pool worth its start-up. */
export const POOL_THRESHOLD = 50;

/** Options of `lintEach`. */
export interface PoolOptions {
  packSets: Record<string, PackSource[]>;
  outcome: OutcomeOptions;
  /** Reads a draft in this thread (the workers read the disk themselves). */
  read(task: LintTask): Promise<ReadResult>;
  /** The bundled worker script, when there is one next to the CLI and drafts are on disk; without it, no pool. */
  workerScript?: string;
  /** Called with each outcome, in task order. */
  onOutcome(outcome: DraftOutcome, index: number): void;
}

/** Lints every task; resolves when every outcome has been handed to `onOutcome`. */
export async function lintEach(tasks: LintTask[], options: PoolOptions): Promise<void> {
  const cores = os.availableParallelism();
  if (!options.workerScript || tasks.length <= POOL_THRESHOLD || cores < 2) return lintHere(tasks, options, 0);
  const inOrder = new InOrder(options.onOutcome);
  try {
    await lintInWorkers(tasks, options.workerScript, Math.min(cores, Math.ceil(tasks.length / 10)), options, inOrder);
  } catch {
    // A pool that cannot start or breaks (a restricted environment, a missing file) must not cost
    // the run: the drafts not yet handed over are linted here.
    await lintHere(tasks.slice(inOrder.next), options, inOrder.next);
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

function lintInWorkers(tasks: LintTask[], script: string, size: number, options: PoolOptions, inOrder: InOrder): Promise<void> {
  return new Promise((resolve, reject) => {
    const workers: Worker[] = [];
    let sent = 0;
    let done = 0;
    let over = false;
    const finish = (error?: Error) => {
      if (over) return;
      over = true;
      for (const w of workers) void w.terminate();
      if (error) reject(error);
      else resolve();
    };
    const feed = (worker: Worker) => {
      if (sent >= tasks.length) return;
      const id = sent++;
      worker.postMessage({ id, task: tasks[id]! } satisfies WorkerRequest);
    };
    const setup: WorkerSetup = { packSets: options.packSets, options: options.outcome };
    for (let i = 0; i < size; i++) {
      const worker = new Worker(script, { workerData: setup });
      workers.push(worker);
      worker.on('message', (response: WorkerResponse) => {
        if (over) return;
        if ('error' in response) return finish(new Error(response.error));
        inOrder.put(response.id, response.outcome);
        if (++done === tasks.length) finish();
        else feed(worker);
      });
      worker.on('error', (error) => finish(error));
      // A few drafts in flight per worker keep it busy while this thread writes a result.
      for (let k = 0; k < 3; k++) feed(worker);
    }
  });
}
