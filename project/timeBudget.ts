/**
 * A time budget for a lint. The engine is synchronous and runs the native RegExp, so a lint that a
 * hostile draft or pattern makes slow cannot be stopped from outside while it runs: no event is
 * handled, no request answered. Node's `vm` can stop a synchronous call: its `timeout` ends the
 * script run, wherever it is (inside a regular expression too), with an exception. So each lint
 * runs as a one-line script with a timeout, in this thread, and a lint that overruns is dropped,
 * not left to block the editor's server or a CI run.
 */
import vm from 'node:vm';
import { TimeBudgetExceeded } from './limits';

export { formatSeconds, TimeBudgetExceeded } from './limits';

// One context and one script for every call: the script only calls what the context holds.
const context = vm.createContext({ task: undefined as (() => void) | undefined });
const script = new vm.Script('task()', { filename: 'cluster-policy-lint-time-budget' });

/**
 * Runs `task` and returns what it returns, or throws `TimeBudgetExceeded` when it runs longer than
 * `milliseconds` (it is then stopped where it was: whatever it was building is dropped). An error
 * the task throws is thrown as it is. `Infinity` runs the task without a budget.
 */
export function withinTime<T>(milliseconds: number, task: () => T): T {
  if (!Number.isFinite(milliseconds)) return task();
  let result: T | undefined;
  context.task = () => {
    result = task();
  };
  try {
    script.runInContext(context, { timeout: Math.max(1, Math.round(milliseconds)) });
  } catch (error) {
    if ((error as { code?: unknown } | null)?.code === 'ERR_SCRIPT_EXECUTION_TIMEOUT')
      throw new TimeBudgetExceeded(milliseconds);
    throw error;
  } finally {
    context.task = undefined;
  }
  return result as T;
}
