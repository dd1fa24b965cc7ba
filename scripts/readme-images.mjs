// Draws the coverage view's picture for the READMEs (images/coverage-view.png): the HTML report
// that the view shows, for the Chinese sample draft, rendered in Debian's headless Chromium with
// playwright-core. Run after `npm run build`: node scripts/readme-images.mjs
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const run = spawnSync(process.execPath, ['dist/cli.js', '--format', 'html', 'samples/qingxi-ceramics-plan.md'], {
  cwd: root,
  encoding: 'utf8',
});
const dir = mkdtempSync(path.join(os.tmpdir(), 'cpl-images-'));
const page = path.join(dir, 'report.html');
writeFileSync(page, run.stdout);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
});
const tab = await browser.newPage({ viewport: { width: 1100, height: 760 }, deviceScaleFactor: 1 });
await tab.goto(pathToFileURL(page).href);
await tab.screenshot({ path: path.join(root, 'images', 'coverage-view.png') });
await browser.close();
rmSync(dir, { recursive: true, force: true });
