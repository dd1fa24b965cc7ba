import { PerformanceObserver } from 'node:perf_hooks';
import v8 from 'node:v8';

/**
 * The young generation's size (both semi-spaces, in bytes) at which the server stops it growing:
 * half V8's default maximum on 64-bit machines (32 MiB), twice what VS Code's launch flag allows
 * (`--max-semi-space-size=4` in `common/serverLaunch.json`).
 */
export const YOUNG_GENERATION_BOUND = 16 * 1024 * 1024;

/** The young generation's current size, both semi-spaces, in bytes. */
export function youngGenerationSize(): number {
  return v8.getHeapSpaceStatistics().find((s) => s.space_name === 'new_space')?.space_size ?? 0;
}

/**
 * Stops V8 growing the young generation once it has reached `bound`, for a server started without
 * VS Code's flags (another editor's `node server.js --stdio`). A process started with its own
 * semi-space size (`semiSpaceSizeGiven`) is left as it was started.
 *
 * V8 doubles the young generation whenever much of it survives a collection, and a server holding
 * open drafts keeps much alive; the size it reaches stays in the process's memory. Its maximum is
 * read only when the heap is made, but the growth factor is read at each growth, so a factor of 1
 * stops it where it stands (the CLI sets it so from the start, `cli/bin.ts`). Collections are
 * observed after the fact: V8 may grow it more than once between two observations, so it stops
 * at `bound` or past it, never above its own maximum.
 *
 * Measured with fifty open 100 KB drafts and no flags: 118-126 MiB instead of 134-142 MiB. Edits
 * of the 100 KB drafts were answered as fast; those of the 1 MB English draft 2-5 ms slower when
 * pulled as VS Code pulls (14.5-17.7 ms, against 11.1-14.3) and about as fast with every
 * diagnostic sent again (19.9-22.5 ms, against 18.6-22.1), in four alternating pairs. Under VS
 * Code's flag that draft took 17.5-18.0 and 26.0-26.4 ms: the bound leaves a server started
 * without flags between the two.
 *
 * Returns a function that stops observing.
 */
export function boundYoungGeneration(bound = YOUNG_GENERATION_BOUND): () => void {
  let observer: PerformanceObserver | undefined;
  const stop = (): void => {
    observer?.disconnect();
    observer = undefined;
  };
  const check = (): void => {
    if (youngGenerationSize() < bound) return;
    v8.setFlagsFromString('--semi-space-growth-factor=1');
    stop();
  };
  observer = new PerformanceObserver(check);
  observer.observe({ entryTypes: ['gc'] });
  check();
  return stop;
}

/**
 * Whether the process was started with a semi-space size of its own, on its command line or in
 * `NODE_OPTIONS` (V8 takes `-` and `_` alike in its flags' names).
 */
export function semiSpaceSizeGiven(execArgv: readonly string[] = process.execArgv, nodeOptions = process.env['NODE_OPTIONS'] ?? ''): boolean {
  return [...execArgv, ...nodeOptions.split(/\s+/)].some((arg) => /^--max[-_]semi[-_]space[-_]size(=|$)/.test(arg));
}
