/**
 * A worker thread of the lint pool (`cli/pool.ts`): it receives decoded drafts and sends back plain
 * results. It reads no file: the main thread reads, decodes and orders everything.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { PackSource } from '../engine';
import { lintDraft, PackCache, type LintTask } from './lintDraft';

/** A message to a worker. */
export interface WorkerRequest {
  id: number;
  task: LintTask;
}

/** A worker's answer. */
export type WorkerResponse = { id: number; result: ReturnType<typeof lintDraft> } | { id: number; error: string };

const packs = new PackCache((workerData as { packSets: Record<string, PackSource[]> }).packSets);
parentPort?.on('message', (request: WorkerRequest) => {
  let response: WorkerResponse;
  try {
    response = { id: request.id, result: lintDraft(request.task, packs) };
  } catch (error) {
    response = { id: request.id, error: error instanceof Error ? error.message : String(error) };
  }
  parentPort?.postMessage(response);
});
