/**
 * How a lint worker thread starts: the script and the memory it may use. Kept apart from the pool
 * so that the tiny executable (`cli/bin.ts`) can start the first worker before it loads the rest
 * of the command line, and the worker's own start (loading the engine, compiling the built-in pack)
 * overlaps this thread's.
 */
import { Worker } from 'node:worker_threads';

/**
 * The most memory one worker's lint may use. A draft that needs more (a table of millions of
 * cells) ends its worker, and is reported as not linted, rather than taking the machine's memory.
 */
export const WORKER_MEMORY_MB = 768;

/** Starts a lint worker from its script (`cli-worker.js`); it waits for the run's setup message. */
export function startLintWorker(script: string): Worker {
  return new Worker(script, {
    // A small young generation keeps each worker's memory near its live data; the drafts'
    // garbage is short-lived, so collecting it more often costs little.
    resourceLimits: { maxYoungGenerationSizeMb: 4, maxOldGenerationSizeMb: WORKER_MEMORY_MB },
  });
}
