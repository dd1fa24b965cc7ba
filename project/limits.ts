/**
 * The limits on what a project's files may make the tool read, and on the time a lint may take,
 * shared by both shells: a repository could otherwise name a huge file, or one that never ends,
 * or write a draft that a pattern takes forever on, and stop every run. (No Node module here: the
 * server's web build uses it too.)
 */

/** The most a configuration file, a pack or a `.gitignore` may hold: five times the built-in pack. */
export const MAX_SETTINGS_FILE_BYTES = 1 << 20;

/**
 * The largest draft linted: 20 MB, far above a real plan (tens of kilobytes), well below what
 * would take a lint's memory past a gigabyte. The CLI's `--max-size` changes it for a run.
 */
export const DEFAULT_MAX_DRAFT_BYTES = 20 << 20;

/**
 * Runs a synchronous task within a time budget (milliseconds), or throws `TimeBudgetExceeded`
 * (`project/timeBudget.ts` in Node). A shell hands one to the code that lints.
 */
export type TimeBudget = <T>(milliseconds: number, task: () => T) => T;

/** A lint stopped because it ran past its budget. */
export class TimeBudgetExceeded extends Error {
  constructor(readonly milliseconds: number) {
    super(`The check took longer than ${formatSeconds(milliseconds)} and was stopped.`);
  }
}

/** A duration as a reader says it: "60 s", "1.5 s". */
export function formatSeconds(milliseconds: number): string {
  const seconds = milliseconds / 1000;
  return `${Number.isInteger(seconds) ? seconds : seconds.toFixed(1)} s`;
}
