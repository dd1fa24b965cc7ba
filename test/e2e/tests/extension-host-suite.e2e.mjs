// The extension-host suite of test/vscode (written in the shape @vscode/test-electron runs) inside
// code-server: the workbench URL carries `extensionDevelopmentPath` and `extensionTestsPath` in
// its payload, the way VS Code's own browser test runner starts extension tests. code-server runs
// extensions (and so the suite) in a Node extension host on the server, so the suite may use Node
// APIs. When the suite's run() settles, the workbench calls window.codeAutomationExit(code).
import assert from 'node:assert/strict';
import { cp, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { instanceDirs, startCodeServer, writeUserSettings } from '../lib/codeServer.mjs';
import { outputDir, prepared, removeScratch, repoRoot, run } from '../lib/setup.mjs';
import { launchBrowser, loadWorkbench, newWorkbenchPage, remoteUri, workbenchUrl } from '../lib/workbench.mjs';

const SUITE_TIMEOUT_MS = 5 * 60_000;

/** The console text of the extension host as the workbench forwards it ("%c INFO color: … text"). */
function plain(line) {
  return line.replace(/^\[\w+\] /, '').replace(/^%c\s*\w+\s+color:\s*#[0-9a-f]+\s*/i, '');
}

describe('the extension-host suite (test/vscode) in code-server', () => {
  let setup;
  let dirs;
  let server;
  let browser;

  before(async () => {
    setup = await prepared();
    // The suite's bundle (dist-test-vscode/suite/index.js), as `npm run test:vscode` builds it;
    // the extension's own bundles are in dist/ already (npm run package built them).
    await run(process.execPath, [path.join(repoRoot, 'scripts', 'build-vscode-tests.mjs')]);
    dirs = await instanceDirs('suite');
    await writeUserSettings(dirs);
    // A copy: the suite edits its drafts.
    await cp(path.join(repoRoot, 'test', 'vscode', 'workspace'), dirs.workspace, { recursive: true });
    server = await startCodeServer(setup.codeServer, dirs, { logFile: path.join(outputDir, 'code-server-suite.log') });
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
    await removeScratch();
  });

  test('run() resolves inside VS Code 1.100 with every test passing', async () => {
    const w = await newWorkbenchPage(browser, 'extension-host-suite');
    const { page } = w;
    let settle;
    const exited = new Promise((resolve) => (settle = resolve));
    await page.exposeFunction('codeAutomationExit', (code) => settle(code));
    const suite = path.join(repoRoot, 'dist-test-vscode', 'suite', 'index.js');
    const url = workbenchUrl(server, {
      folder: dirs.workspace,
      payload: [
        ['extensionDevelopmentPath', remoteUri(server, repoRoot)],
        ['extensionTestsPath', remoteUri(server, suite)],
      ],
    });
    const t0 = Date.now();
    let code;
    try {
      await loadWorkbench(page, url);
      let timer;
      code = await Promise.race([
        exited,
        new Promise((_, reject) => {
          timer = setTimeout(
            () => reject(new Error(`the suite did not finish within ${SUITE_TIMEOUT_MS / 1000} s`)),
            SUITE_TIMEOUT_MS,
          );
        }),
      ]).finally(() => clearTimeout(timer));
      await w.shot('after-suite');
    } finally {
      await writeFile(path.join(w.dir, 'console.txt'), w.consoleLines.join('\n'));
      await w.context.close();
    }
    const lines = w.consoleLines.map(plain);
    const results = lines.filter((l) => /^\s*[✔✖] /.test(l) || /^\d+ passed, \d+ failed/.test(l) || /^\s{4}\S/.test(l));
    process.stderr.write(
      `  extension-host suite (${((Date.now() - t0) / 1000).toFixed(1)} s, exit ${code}):\n${results.map((l) => `    | ${l}`).join('\n')}\n`,
    );
    const summary = lines.map((l) => /^(\d+) passed, (\d+) failed/.exec(l)).find(Boolean);
    assert.ok(summary, `the suite printed no summary; console:\n${lines.slice(-40).join('\n')}`);
    assert.equal(code, 0, `the suite failed:\n${results.join('\n')}`);
    assert.equal(+summary[2], 0);
    assert.ok(+summary[1] > 0, 'the suite ran tests');
  });
});
