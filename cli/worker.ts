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
  packSets: Record<string, PackSource[]>;
  options: OutcomeOptions;
}

/** A message to a worker. */
export interface WorkerRequest {
  id: number;
  task: LintTask;
}

/** A worker's answer. */
export type WorkerResponse = { id: number; outcome: DraftOutcome } | { id: number; error: string };

const setup = workerData as WorkerSetup;
const packs = new PackCache(setup.packSets);
// Compile the built-in pack while the main thread is still sending the first drafts.
packs.get('');

parentPort?.on('message', (request: WorkerRequest) => {
  let response: WorkerResponse;
  try {
    response = { id: request.id, outcome: lintRead(request.task, readFromDisk(request.task), packs, setup.options) };
  } catch (error) {
    response = { id: request.id, error: error instanceof Error ? error.message : String(error) };
  }
  parentPort?.postMessage(response);
});
