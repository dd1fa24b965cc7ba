/**
 * A Mocha-free runner for the extension-host suite: `run()` is what @vscode/test-electron (or
 * code-server's test runner) calls inside VS Code. Tests run one after another; a failure is
 * printed and the run rejects at the end, so every test reports.
 */
import { tests } from './extension';

export async function run(): Promise<void> {
  const failures: string[] = [];
  for (const { name, fn } of tests) {
    const started = Date.now();
    try {
      await fn();
      console.log(`  ✔ ${name} (${Date.now() - started} ms)`);
    } catch (error) {
      failures.push(name);
      console.error(`  ✖ ${name}\n    ${(error as Error).stack ?? String(error)}`);
    }
  }
  console.log(`${tests.length - failures.length} passed, ${failures.length} failed`);
  if (failures.length) throw new Error(`${failures.length} extension-host test(s) failed: ${failures.join('; ')}`);
}
