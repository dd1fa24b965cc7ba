// Driving the VS Code workbench that code-server serves, in Debian's Chromium through
// playwright-core, the way a user would: keyboard shortcuts, the command palette, quick open,
// the Problems panel, hovers, the suggest and code action widgets. Every wait is on a DOM
// condition with a timeout.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { outputDir } from './setup.mjs';

export const CHROMIUM = process.env.CPL_E2E_CHROMIUM || '/usr/bin/chromium';

export async function launchBrowser() {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
}

/**
 * The workbench URL: `folder` opens a folder of the remote (the code-server machine); `payload`
 * takes the same key/value pairs as desktop VS Code's command line for extension development
 * (`extensionDevelopmentPath`, `extensionTestsPath`), as remote URIs.
 */
export function workbenchUrl(server, { folder, payload } = {}) {
  const u = new URL(`${server.url}/`);
  if (folder) u.searchParams.set('folder', folder);
  if (payload) u.searchParams.set('payload', JSON.stringify(payload));
  return u.toString();
}

/** A path on the code-server machine as a `vscode-remote://` URI the workbench accepts. */
export function remoteUri(server, fsPath) {
  return `vscode-remote://${server.remoteAuthority}${fsPath.split(path.sep).map(encodeURIComponent).join('/')}`;
}

/** A page that keeps its console, with a step counter for numbered screenshots. */
export async function newWorkbenchPage(browser, name) {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, locale: 'en-US' });
  const page = await context.newPage();
  const consoleLines = [];
  page.on('console', (m) => consoleLines.push(`[${m.type()}] ${m.text()}`));
  page.on('pageerror', (e) => consoleLines.push(`[pageerror] ${e.message}`));
  const dir = path.join(outputDir, name);
  await mkdir(dir, { recursive: true });
  let step = 0;
  return {
    page,
    context,
    consoleLines,
    dir,
    /** Saves a numbered screenshot of the whole window under test-output/e2e/<name>/. */
    async shot(label) {
      step += 1;
      const file = path.join(dir, `${String(step).padStart(2, '0')}-${label}.png`);
      await page.screenshot({ path: file });
      return file;
    },
  };
}

/** Loads the workbench and waits until it is restored: editor area, status bar, explorer. */
export async function loadWorkbench(page, url) {
  await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60_000 });
  await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
  await page.locator('.part.statusbar').waitFor({ timeout: 60_000 });
  await page.locator('.part.editor').waitFor({ timeout: 60_000 });
}

/** Polls `fn` (which may throw or return falsy) until it returns a truthy value. */
export async function until(fn, { timeout = 30_000, interval = 200, what = 'condition' } = {}) {
  const deadline = Date.now() + timeout;
  let last;
  for (;;) {
    try {
      const v = await fn();
      if (v) return v;
      last = v;
    } catch (e) {
      last = e;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${timeout} ms waiting for ${what}${last instanceof Error ? `: ${last.message}` : ''}`);
    }
    await new Promise((r) => setTimeout(r, interval));
  }
}

/** The quick input (command palette / quick open) widget. */
export function quickInput(page) {
  return page.locator('.quick-input-widget');
}

/** Runs a command from the command palette by its label. */
export async function runCommand(page, label) {
  await page.keyboard.press('F1');
  const box = quickInput(page).locator('input');
  await box.waitFor({ state: 'visible', timeout: 10_000 });
  await box.fill(`>${label}`);
  const row = quickInput(page).locator('.monaco-list-row', { hasText: label }).first();
  await row.waitFor({ state: 'visible', timeout: 10_000 });
  await box.press('Enter');
}

/** Opens a file of the workspace with quick open (Ctrl+P) and waits for its tab to be active. */
export async function openFile(page, name) {
  await page.locator('.part.editor').click({ position: { x: 5, y: 5 }, force: true }).catch(() => {});
  await page.keyboard.press('Control+P');
  const box = quickInput(page).locator('input');
  await box.waitFor({ state: 'visible', timeout: 10_000 });
  await box.fill(name);
  const row = quickInput(page).locator('.monaco-list-row', { hasText: name }).first();
  await row.waitFor({ state: 'visible', timeout: 15_000 });
  await box.press('Enter');
  await activeTab(page, name).waitFor({ timeout: 15_000 });
  await activeEditor(page).locator('.view-lines').waitFor({ timeout: 15_000 });
}

export function activeTab(page, name) {
  return page.locator(`.tabs-container .tab.active[aria-label*="${name}"]`);
}

/** The focused text editor of the editor area. */
export function activeEditor(page) {
  return page.locator('.part.editor .editor-group-container.active .monaco-editor').first();
}

/** Puts the cursor at a 1-based line and column with Go to Line (Ctrl+G). */
export async function goTo(page, line, column = 1) {
  await activeEditor(page).locator('.view-lines').click({ position: { x: 2, y: 2 } });
  await page.keyboard.press('Control+G');
  const box = quickInput(page).locator('input');
  await box.waitFor({ state: 'visible', timeout: 10_000 });
  await box.fill(`:${line}:${column}`);
  await box.press('Enter');
  await quickInput(page).waitFor({ state: 'hidden', timeout: 10_000 });
  await until(async () => (await cursorPosition(page))?.line === line, { timeout: 10_000, what: `the cursor on line ${line}` });
}

/** The cursor position the status bar shows ("Ln 12, Col 3"). */
export async function cursorPosition(page) {
  const text = await page.locator('.statusbar-item[id="status.editor.selection"]').innerText({ timeout: 2000 });
  const m = /Ln (\d+), Col (\d+)/.exec(text);
  return m ? { line: +m[1], column: +m[2] } : null;
}
