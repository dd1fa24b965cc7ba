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
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
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
      throw new Error(
        `timed out after ${timeout} ms waiting for ${what}${last instanceof Error ? `: ${last.message}` : ''}`,
      );
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
  await page
    .locator('.part.editor')
    .click({ position: { x: 5, y: 5 }, force: true })
    .catch(() => {});
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
  await focusEditor(page);
  await page.keyboard.press('Control+G');
  const box = quickInput(page).locator('input');
  await box.waitFor({ state: 'visible', timeout: 10_000 });
  await box.fill(`:${line}:${column}`);
  await box.press('Enter');
  await quickInput(page).waitFor({ state: 'hidden', timeout: 10_000 });
  await until(async () => (await cursorPosition(page))?.line === line, {
    timeout: 10_000,
    what: `the cursor on line ${line}`,
  });
}

/** Moves the keyboard focus to the active editor (View: Focus First Editor Group, Ctrl+1). */
export async function focusEditor(page) {
  await page.keyboard.press('Control+1');
  await until(async () => page.evaluate(() => !!document.activeElement?.closest('.monaco-editor')), {
    timeout: 10_000,
    what: 'the editor to have the focus',
  });
}

/** The cursor position the status bar shows ("Ln 12, Col 3"). */
export async function cursorPosition(page) {
  const text = await page.locator('.statusbar-item[id="status.editor.selection"]').innerText({ timeout: 2000 });
  const m = /Ln (\d+), Col (\d+)/.exec(text);
  return m ? { line: +m[1], column: +m[2] } : null;
}

// ---------------------------------------------------------------------------- Problems panel

/** Opens the Problems panel (Ctrl+Shift+M). */
export async function showProblems(page) {
  if (
    !(await page
      .locator('.markers-panel')
      .isVisible()
      .catch(() => false))
  ) {
    await page.keyboard.press('Control+Shift+M');
  }
  await page.locator('.markers-panel').waitFor({ state: 'visible', timeout: 10_000 });
}

/** How many problems the Problems panel lists for a file (its file row: "24 problems in file …"). */
export async function problemsInFile(page, name) {
  const row = page.locator(`.markers-panel .monaco-list-row[aria-label*="in file ${name} "]`).first();
  if (!(await row.count())) return 0;
  const m = /^(\d+) problems? in file/.exec((await row.getAttribute('aria-label')) ?? '');
  return m ? +m[1] : 0;
}

/** The Problems panel's filter badge ("Showing 1 of 25"), '' when no filter applies. */
export async function problemsFilterBadge(page) {
  const badge = page.locator('.markers-panel-container .viewpane-filter-badge, .panel .viewpane-filter-badge').first();
  if (!(await badge.isVisible().catch(() => false))) return '';
  return (await badge.innerText({ timeout: 1000 }).catch(() => '')).trim();
}

/**
 * Types into the Problems panel's filter box ('' clears it) and waits until the panel applied it
 * (the filter is debounced): its badge reads "Showing N of M", or is gone once cleared.
 */
export async function filterProblems(page, text) {
  const box = page.locator('.markers-panel-container .viewpane-filter input, .panel .viewpane-filter input').first();
  await box.waitFor({ state: 'visible', timeout: 10_000 });
  await box.fill(text);
  await until(
    async () =>
      text ? /Showing \d+ of \d+/.test(await problemsFilterBadge(page)) : (await problemsFilterBadge(page)) === '',
    {
      timeout: 10_000,
      what: text ? `the Problems filter "${text}" to apply` : 'the Problems filter to clear',
    },
  );
}

/** The accessible labels of the problem rows the panel shows (file rows left out). */
export async function problemRows(page) {
  const labels = await page
    .locator('.markers-panel .monaco-list-row')
    .evaluateAll((rows) => rows.map((r) => r.getAttribute('aria-label') ?? ''));
  return labels.filter((l) => !/problems? in file/.test(l));
}

// ---------------------------------------------------------------------------- editor widgets

/** Shows the hover at the cursor (Ctrl+K Ctrl+I) and returns its visible text once it has `mustContain`. */
export async function showHover(page, mustContain) {
  await focusEditor(page);
  await page.keyboard.press('Control+K');
  await page.keyboard.press('Control+I');
  const hover = page.locator('.monaco-editor .monaco-hover:not(.hidden)').first();
  await hover.waitFor({ state: 'visible', timeout: 10_000 });
  await fullyOpaque(hover);
  return until(
    async () => {
      const text = (await page.locator('.monaco-editor .monaco-hover:not(.hidden)').allInnerTexts()).join('\n');
      return mustContain.every((s) => text.includes(s)) ? text : false;
    },
    { timeout: 15_000, what: `a hover containing ${JSON.stringify(mustContain)}` },
  );
}

/** Opens the quick fix menu (Ctrl+.) at the cursor and runs the action whose title contains `title`. */
export async function applyQuickFix(page, title, beforeApply) {
  await focusEditor(page);
  await page.keyboard.press('Control+.');
  const widget = page.locator('.action-widget');
  await widget.waitFor({ state: 'visible', timeout: 15_000 });
  const item = widget.locator('.monaco-list-row.action', { hasText: title }).first();
  await item.waitFor({ state: 'visible', timeout: 15_000 });
  const titles = await widget.locator('.monaco-list-row.action').allInnerTexts();
  if (beforeApply) await beforeApply(titles);
  // With the keyboard, as a user would: down to the action, then Enter.
  const focused = widget.locator('.monaco-list-row.action.focused');
  for (let i = 0; ; i++) {
    const label = (await focused.getAttribute('aria-label', { timeout: 1000 }).catch(() => '')) ?? '';
    if (label.includes(title)) break;
    if (i > titles.length + 1) throw new Error(`no code action "${title}" could be focused: ${titles.join(' | ')}`);
    await page.keyboard.press('ArrowDown');
  }
  await page.keyboard.press('Enter');
  await widget.waitFor({ state: 'hidden', timeout: 10_000 });
  return titles;
}

/**
 * Triggers completion (Ctrl+Space), narrows it by typing `filter`, checks that the focused item is
 * `label` and accepts it with Enter.
 */
export async function acceptCompletion(page, filter, label, beforeAccept) {
  await focusEditor(page);
  await page.keyboard.press('Control+Space');
  const widget = page.locator('.editor-widget.suggest-widget');
  await widget.waitFor({ state: 'visible', timeout: 15_000 });
  await widget.locator('.monaco-list-row').first().waitFor({ timeout: 15_000 });
  const all = await widget.locator('.monaco-list-row .label-name').allInnerTexts();
  await page.keyboard.insertText(filter);
  const focused = widget.locator('.monaco-list-row.focused .label-name');
  const focusedLabel = async () => (await focused.innerText({ timeout: 1000 }).catch(() => '')).trim();
  // The list settles after each keystroke: a label counts as focused once it stays so for a few
  // polls. Snippets contributed by the extension may rank above the server's item: go down to it.
  const settled = async () => {
    let last = '';
    let streak = 0;
    await until(
      async () => {
        const now = await focusedLabel();
        streak = now && now === last ? streak + 1 : 0;
        last = now;
        return streak >= 3;
      },
      { timeout: 10_000, interval: 100, what: 'the suggestion list to settle' },
    );
    return last;
  };
  for (let i = 0; (await settled()) !== label; i++) {
    if (i >= 30)
      throw new Error(`the suggestion "${label}" was not found after typing "${filter}" (list: ${all.join(' | ')})`);
    await page.keyboard.press('ArrowDown');
  }
  if (beforeAccept) await beforeAccept(all);
  await page.keyboard.press('Enter');
  await widget.waitFor({ state: 'hidden', timeout: 10_000 });
  return all;
}

/** Saves the active editor (Ctrl+S) and waits for its tab to lose the dirty mark. */
export async function save(page) {
  await focusEditor(page);
  await page.keyboard.press('Control+S');
  await page.locator('.tabs-container .tab.active.dirty').waitFor({ state: 'detached', timeout: 15_000 });
}

// ---------------------------------------------------------------------------- status bar

/** The language status entry's accessible label (lists every language status item's text). */
export async function languageStatus(page) {
  return (
    (await page.locator('.statusbar-item[id="status.languageStatus"]').getAttribute('aria-label', { timeout: 5000 })) ??
    ''
  );
}

/** Opens the language status hover (a click on the {} item) and returns its text once shown. */
export async function openLanguageStatus(page, mustContain) {
  await page.locator('.statusbar-item[id="status.languageStatus"]').click();
  // The innermost hover element: it fades in (its ancestors stay opaque).
  const hover = page
    .locator('.workbench-hover-container .monaco-hover, .context-view .monaco-hover:not(.hidden)')
    .first();
  const text = await until(
    async () => {
      const t = (await page.locator('.context-view .monaco-hover, .workbench-hover-container').allInnerTexts()).join(
        '\n',
      );
      return t.includes(mustContain) ? t : false;
    },
    { timeout: 10_000, what: `the language status hover to show "${mustContain}"` },
  );
  await fullyOpaque(hover);
  return text;
}

/** Waits until an element and its ancestors have faded in (for a readable screenshot). */
export async function fullyOpaque(locator) {
  await until(
    () =>
      locator.evaluate((el) => {
        for (let e = el; e; e = e.parentElement) if (Number(getComputedStyle(e).opacity) < 1) return false;
        return true;
      }),
    { timeout: 10_000, interval: 50, what: 'the widget to fade in' },
  );
}
