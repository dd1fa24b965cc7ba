/**
 * Runs the extension-host suite in a real VS Code (`npm run test:vscode`): downloads VS Code with
 * @vscode/test-electron, opens test/vscode/workspace and runs suite/index.js. Not part of
 * `npm test`, which cannot download VS Code; the end-to-end issue runs it.
 */
import path from 'node:path';
import { runTests } from '@vscode/test-electron';

async function main(): Promise<void> {
  const root = path.resolve(__dirname, '..');
  try {
    await runTests({
      extensionDevelopmentPath: root,
      extensionTestsPath: path.join(__dirname, 'suite', 'index.js'),
      launchArgs: [path.join(root, 'test', 'vscode', 'workspace'), '--disable-extensions', '--skip-welcome'],
    });
  } catch (error) {
    console.error(`The extension-host tests failed: ${(error as Error).message}`);
    process.exit(1);
  }
}

void main();
