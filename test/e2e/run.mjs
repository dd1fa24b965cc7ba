#!/usr/bin/env node
// `npm run test:e2e`: end-to-end tests in a real VS Code (code-server, driven in Chromium) and in
// Neovim. Sets everything up idempotently (Debian packages, code-server cached outside the
// repository, the packaged .vsix), then runs the test files of test/e2e/tests/ with Node's test
// runner, one at a time (two cores: one workbench at a time).
//
//   npm run test:e2e                   everything
//   npm run test:e2e -- neovim         only the test files whose name contains "neovim"
//
// Screenshots, logs and the editors' outputs go to test-output/e2e/.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import {
  ensureCodeServer,
  ensureDebianPackages,
  log,
  outputDir,
  packageExtension,
  repoRoot,
  run,
} from './lib/setup.mjs';

const filters = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const testsDir = path.join(repoRoot, 'test', 'e2e', 'tests');
const files = readdirSync(testsDir)
  .filter((f) => f.endsWith('.e2e.mjs'))
  .filter((f) => !filters.length || filters.some((x) => f.includes(x)))
  .sort()
  .map((f) => path.join(testsDir, f));
if (!files.length) {
  console.error(`no e2e test file matches ${filters.join(' ')}`);
  process.exit(2);
}
const needsCodeServer = files.some((f) => !path.basename(f).startsWith('neovim'));

const t0 = Date.now();
const seconds = (t) => `${((Date.now() - t) / 1000).toFixed(1)} s`;
await rm(outputDir, { recursive: true, force: true });
await mkdir(outputDir, { recursive: true });

await ensureDebianPackages();
const setup = {};
if (needsCodeServer) {
  const t = Date.now();
  const cs = await ensureCodeServer();
  setup.codeServer = { entry: cs.entry, dir: cs.dir, version: cs.version };
  log(`code-server ${cs.version} ${cs.cached ? 'from the cache' : 'installed'} (${seconds(t)})`);
  const tp = Date.now();
  const { vsix, manifest } = await packageExtension();
  setup.vsix = vsix;
  setup.extensionId = `${manifest.publisher}.${manifest.name}`.toLowerCase();
  log(`packaged ${path.relative(repoRoot, vsix)} (${seconds(tp)})`);
}
// The server and the CLI bundles that Neovim and the expectations use.
if (!existsSync(path.join(repoRoot, 'dist', 'server.js')) || !existsSync(path.join(repoRoot, 'dist', 'cli.js'))) {
  await run('npm', ['run', 'build']);
}
log(`set-up done in ${seconds(t0)}`);

const tt = Date.now();
const child = spawn(
  process.execPath,
  ['--test', '--test-concurrency=1', '--test-reporter=spec', '--test-timeout=600000', ...files],
  { cwd: repoRoot, stdio: 'inherit', env: { ...process.env, CPL_E2E_SETUP: JSON.stringify(setup) } },
);
const code = await new Promise((resolve) => child.on('close', (c, s) => resolve(c ?? (s ? 1 : 0))));
log(`tests took ${seconds(tt)}; everything ${seconds(t0)}; output in ${path.relative(repoRoot, outputDir)}/`);
process.exit(code);
