/**
 * Lints many drafts at once. Linting is CPU-bound, so past a few dozen files the drafts are shared
 * among worker threads, one per core; below that, starting workers costs more than it saves and
 * everything runs in this thread. Results come back in task order whatever the threads do.
 */
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import type { PackSource } from '../engine';
import { lintDraft, PackCache, type LintedDraft, type LintTask } from './lintDraft';
import type { WorkerRequest, WorkerResponse } from './worker';

/** How many files make a worker pool worth its start-up. */
export const POOL_THRESHOLD = 50;

/** Options of `lintAll`. */
export interface PoolOptions {
  packSets: Record<string, PackSource[]>;
  /** The bundled worker script, when there is one next to the CLI; without it, no pool. */
  workerScript?: string;
  /** Called after each finished draft. */
  onProgress?: (done: number, total: number) => void;
}

/** Lints every task and returns the results in the same order. */
export async function lintAll(tasks: LintTask[], options: PoolOptions): Promise<LintedDraft[]> {
  const cores = os.availableParallelism();
  if (!options.workerScript || tasks.length <= POOL_THRESHOLD || cores < 2) return lintHere(tasks, options);
  try {
    return await lintInWorkers(tasks, options, options.workerScript, Math.min(cores, Math.ceil(tasks.length / 10)));
  } catch {
    // A pool that cannot start (a restricted environment, a missing file) must not cost the run.
    return lintHere(tasks, options);
  }
}

function lintHere(tasks: LintTask[], options: PoolOptions): LintedDraft[] {
  const packs = new PackCache(options.packSets);
  return tasks.map((task, i) => {
    const result = lintDraft(task, packs);
    options.onProgress?.(i + 1, tasks.length);
    return result;
  });
}

function lintInWorkers(tasks: LintTask[], options: PoolOptions, script: string, size: number): Promise<LintedDraft[]> {
  return new Promise((resolve, reject) => {
    const results: LintedDraft[] = new Array(tasks.length);
    const workers: Worker[] = [];
    let next = 0;
    let done = 0;
    let failed = false;
    const finish = (error?: Error) => {
      for (const w of workers) void w.terminate();
      if (error) reject(error);
      else resolve(results);
    };
    const feed = (worker: Worker) => {
      if (next >= tasks.length) return;
      const id = next++;
      worker.postMessage({ id, task: tasks[id]! } satisfies WorkerRequest);
    };
    for (let i = 0; i < size; i++) {
      const worker = new Worker(script, { workerData: { packSets: options.packSets } });
      workers.push(worker);
      worker.on('message', (response: WorkerResponse) => {
        if (failed) return;
        if ('error' in response) {
          failed = true;
          return finish(new Error(response.error));
        }
        results[response.id] = response.result;
        options.onProgress?.(++done, tasks.length);
        if (done === tasks.length) finish();
        else feed(worker);
      });
      worker.on('error', (error) => {
        if (!failed) (failed = true), finish(error);
      });
      // Two drafts in flight per worker keep it busy while the main thread handles a result.
      feed(worker);
      feed(worker);
    }
  });
}
