/**
 * A worker thread of the lint pool (`cli/pool.ts`): it receives drafts to lint, reads and decodes
 * them itself, and sends back each draft's outcome: its text in the run's format, or plain data.
 * Reading here spreads the reading over the cores, and a main thread that only writes text keeps
 * little in memory.
 */
import { parentPort } from 'node:worker_threads';
import type { PackSource } from '../engine';
import type { TimeBudget } from '../project/limits';
import { lintRead, PackCache, readFromDisk, type DraftOutcome, type LintTask, type OutcomeOptions } from './lintDraft';

/**
 * A message to a worker: the run's options and packs (before any draft; the worker may have
 * started before they were known), or a draft to lint.
 */
export type WorkerMessage =
  { run: { options: OutcomeOptions; packSets: Record<string, PackSource[]> } } | { id: number; task: LintTask };

/** A worker's answer: that it starts linting a draft, the draft's outcome, or what went wrong. */
export type WorkerResponse =
  { id: number; started: true } | { id: number; outcome: DraftOutcome } | { id: number; error: string };

// Compile the built-in pack while the main thread is still looking for the drafts; the run's
// options and packs arrive before its first draft.
let packs = new PackCache({});
packs.get('');
let options: OutcomeOptions | undefined;

/**
 * The budget of a lint in a worker: the pool times it from the moment it starts (this message),
 * and ends the worker when it overruns. A `vm` timeout here would start a watchdog thread for
 * every draft.
 */
function timedByPool(id: number): TimeBudget {
  return (_milliseconds, task) => {
    parentPort?.postMessage({ id, started: true } satisfies WorkerResponse);
    return task();
  };
}

parentPort?.on('message', (message: WorkerMessage) => {
  if ('run' in message) {
    packs = new PackCache(message.run.packSets);
    options = message.run.options;
    return;
  }
  let response: WorkerResponse;
  try {
    if (!options) throw new Error('a draft came before the run was set up');
    response = {
      id: message.id,
      outcome: lintRead(
        message.task,
        readFromDisk(message.task, options.maxDraftBytes),
        packs,
        options,
        timedByPool(message.id),
      ),
    };
  } catch (error) {
    response = { id: message.id, error: error instanceof Error ? error.message : String(error) };
  }
  parentPort?.postMessage(response);
});
