/**
 * A worker thread of the lint pool (`cli/pool.ts`): it receives drafts to lint, reads and decodes
 * them itself, and sends back each draft's outcome: its text in the run's format, or plain data.
 * Reading here spreads the reading over the cores, and a main thread that only writes text keeps
 * little in memory.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { PackSource } from '../engine';
import { lintRead, PackCache, readFromDisk, type DraftOutcome, type LintTask, type OutcomeOptions } from './lintDraft';

/** What a worker is started with. */
export interface WorkerSetup {
  options: OutcomeOptions;
}

/** A message to a worker: the run's packs (before any draft), or a draft to lint. */
export type WorkerMessage = { packSets: Record<string, PackSource[]> } | { id: number; task: LintTask };

/** A worker's answer. */
export type WorkerResponse = { id: number; outcome: DraftOutcome } | { id: number; error: string };

const setup = workerData as WorkerSetup;
// Compile the built-in pack while the main thread is still looking for the drafts; the run's
// packs arrive before its first draft.
let packs = new PackCache({});
packs.get('');

parentPort?.on('message', (message: WorkerMessage) => {
  if ('packSets' in message) {
    packs = new PackCache(message.packSets);
    return;
  }
  let response: WorkerResponse;
  try {
    response = { id: message.id, outcome: lintRead(message.task, readFromDisk(message.task), packs, setup.options) };
  } catch (error) {
    response = { id: message.id, error: error instanceof Error ? error.message : String(error) };
  }
  parentPort?.postMessage(response);
});
