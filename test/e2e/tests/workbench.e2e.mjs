// The packaged extension in a real VS Code (code-server 4.100.3 = VS Code 1.100.3), driven in
// Chromium as a drafter would use it, on an English and a Chinese sample draft:
//   1. the Problems panel lists the draft's diagnostics, coverage ones included, a measure that
//      lacks several parts once;
//   2. the hover on a missing element's diagnostic gives the rule's reasoning (the paper);
//   3. completion on an empty line inserts an element's section template;
//   4. the quick fix inserts the missing section and its diagnostic disappears;
//   5. the language status item shows the coverage;
//   6. the coverage view shows it too, and (7) is restored after the window reloads.
// What the workbench shows is compared with what the CLI reports for the same file, and a
// screenshot of each step is kept under test-output/e2e/workbench-<lang>/.
import assert from 'node:assert/strict';
import { copyFile, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import YAML from 'yaml';
import {
  fillWorkspace,
  installExtension,
  instanceDirs,
  startCodeServer,
  writeUserSettings,
} from '../lib/codeServer.mjs';
import { DRAFTS, cliReport, editorDiagnostics } from '../lib/expected.mjs';
import { outputDir, prepared, removeScratch, repoRoot } from '../lib/setup.mjs';
import {
  acceptCompletion,
  applyQuickFix,
  filterProblems,
  goTo,
  focusEditor,
  languageStatus,
  launchBrowser,
  loadWorkbench,
  newWorkbenchPage,
  openFile,
  openLanguageStatus,
  problemRows,
  problemsFilterBadge,
  problemsInFile,
  runCommand,
  save,
  showHover,
  showProblems,
  until,
  workbenchUrl,
} from '../lib/workbench.mjs';

const pack = YAML.parse(await readFile(path.join(repoRoot, 'packs', 'sme-cluster.yaml'), 'utf8'));
const element = (id) => {
  const e = pack.elements.find((x) => x.id === id);
  assert.ok(e, `no element ${id} in the pack`);
  return e;
};

/** "Coverage 6/15": the elements covered and those not turned off, as the CLI judged them. */
/**
 * Waits until the coverage webview shows a cell per element of the CLI's `report`, then checks
 * that each cell's status is the one the CLI reports.
 */
async function expectCoverageView(page, report, what, timeout = 30_000) {
  const view = page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
  const cells = view.locator('table.matrix td.cell');
  await until(async () => (await cells.count()) === report.coverage.elements.length, {
    what: `${what} to show ${report.coverage.elements.length} element cells`,
    timeout,
  });
  for (const e of report.coverage.elements) {
    const status = await view
      .locator(`table.matrix td.cell[data-element="${e.id}"]`)
      .first()
      .getAttribute('data-status');
    assert.equal(status, e.status, `${what}'s status of ${e.id}`);
  }
}

function coverageCount(report) {
  const on = report.coverage.elements.filter((e) => e.status !== 'off');
  return `${on.filter((e) => e.status === 'covered').length}/${on.length}`;
}

/** The line of a template that shows it was inserted: its first list item (headings change level). */
function templateMarker(template) {
  const line =
    template.split('\n').find((l) => /^\s*[-*]\s+\S/.test(l)) ??
    template.split('\n').find((l) => l.trim() && !l.startsWith('#'));
  assert.ok(line, 'a template with a body');
  return line.trim();
}

/**
 * The missing element the quick fix inserts: one with a fix whose diagnostic shares its position
 * with as few others as possible (so that its hover is about it alone).
 */
function pickFixTarget(report) {
  const missing = new Set(report.coverage.elements.filter((e) => e.status === 'missing').map((e) => e.id));
  const shown = editorDiagnostics(report);
  const at = (d) => shown.filter((x) => x.line === d.line && x.column === d.column).length;
  const candidates = report.diagnostics.filter((d) => missing.has(d.ruleId) && d.fix).sort((a, b) => at(a) - at(b));
  assert.ok(candidates.length >= 2, `${report.path} should miss at least two elements`);
  return candidates[0];
}

/**
 * What to type to narrow the completion list to `label`: its longest word (English) or two
 * characters (Chinese) that no other section title of the pack has.
 */
function distinctivePart(label, lang) {
  const titles = [
    ...pack.elements.map((e) => e.title[lang]),
    ...(pack.drafting?.structure ?? []).map((p) => p.title[lang]),
  ]
    .filter((t) => t && t !== label)
    .map((t) => t.toLowerCase());
  const parts =
    lang === 'zh'
      ? [...label].map((_, i) => label.slice(i, i + 2)).filter((p) => p.length === 2 && /^[\p{Script=Han}]+$/u.test(p))
      : label
          .split(/[^\p{L}]+/u)
          .filter((p) => p.length >= 3)
          .sort((a, b) => b.length - a.length);
  return parts.find((p) => !titles.some((t) => t.includes(p.toLowerCase()))) ?? parts[0] ?? label;
}

describe('VS Code (code-server) with the packaged extension', () => {
  let setup;
  let dirs;
  let server;
  let browser;

  before(async () => {
    setup = await prepared();
    dirs = await instanceDirs('workbench');
    await writeUserSettings(dirs);
    await fillWorkspace(dirs, path.join(repoRoot, 'samples'));
    const installed = await installExtension(setup.codeServer, dirs, setup.vsix);
    assert.ok(
      installed.list.some((l) => l.toLowerCase().startsWith(`${setup.extensionId}@`)),
      `the .vsix installed: ${installed.out}\n${installed.list.join('\n')}`,
    );
    server = await startCodeServer(setup.codeServer, dirs, {
      logFile: path.join(outputDir, 'code-server-workbench.log'),
    });
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
    await removeScratch();
  });

  for (const lang of ['en', 'zh']) {
    test(`${lang}: ${DRAFTS[lang]} — problems, hover, completion, quick fix, status`, async () => {
      const name = DRAFTS[lang];
      const file = path.join(dirs.workspace, name);
      const initial = cliReport(file);
      assert.equal(initial.language, lang);
      const target = pickFixTarget(initial);
      const fixEl = element(target.ruleId);
      const w = await newWorkbenchPage(browser, `workbench-${lang}`);
      const { page } = w;
      try {
        await loadWorkbench(page, workbenchUrl(server, { folder: dirs.workspace }));
        await openFile(page, name);
        await showProblems(page);

        // 1. The Problems panel lists every diagnostic the CLI reports, the coverage ones included;
        //    a measure that lacks several parts, which the CLI lists once per rule, once.
        const shown = editorDiagnostics(initial);
        await until(async () => (await problemsInFile(page, name)) === shown.length, {
          timeout: 60_000,
          what: `the Problems panel to list ${shown.length} problems in ${name}`,
        });
        const rows = await problemRows(page);
        const coverageMessages = initial.diagnostics.filter((d) =>
          initial.coverage.elements.some((e) => e.id === d.ruleId),
        );
        const visible = coverageMessages.filter((d) => rows.some((r) => r.includes(d.message)));
        assert.ok(
          visible.length >= 3,
          `coverage diagnostics visible in the panel: ${visible.length}\n${rows.join('\n')}`,
        );
        await w.shot('problems');
        const merged = shown.filter((d) => d.parts).sort((a, b) => b.parts.length - a.parts.length)[0];
        assert.ok(merged, `${name} should have a measure that lacks several parts`);
        await filterProblems(page, merged.message.slice(0, 40));
        await until(
          async () =>
            /Showing 1 of/.test(await problemsFilterBadge(page)) &&
            (await problemRows(page)).some((r) => r.includes(merged.message)),
          { what: `the measure lacking ${merged.parts.join(', ')} as one problem in the panel` },
        );
        await filterProblems(page, target.message.slice(0, 40));
        await until(
          async () =>
            /Showing 1 of/.test(await problemsFilterBadge(page)) &&
            (await problemRows(page)).some((r) => r.includes(target.message)),
          {
            what: `the problem "${target.message.slice(0, 60)}…" in the panel`,
          },
        );
        await w.shot('problems-filtered');
        await filterProblems(page, '');

        // 5 (before). The status item shows the coverage the CLI computes.
        await until(async () => (await languageStatus(page)).includes(coverageCount(initial)), {
          what: `the language status to show ${coverageCount(initial)}`,
        });

        // 2. Hover on the missing element's diagnostic: what the rule asks and why (the paper).
        await goTo(page, target.line, target.column + (target.endColumn - target.column > 1 ? 1 : 0));
        const hover = await showHover(page, [
          target.message.slice(0, 30),
          fixEl.paper.section,
          fixEl.paper.says[lang].slice(0, 20),
        ]);
        assert.ok(hover.includes(target.ruleId));
        await w.shot('hover');
        await page.keyboard.press('Escape');

        // 3. The quick fix inserts the missing section; its diagnostic disappears.
        await goTo(page, target.line, target.column + (target.endColumn - target.column > 1 ? 1 : 0));
        const actions = await applyQuickFix(page, fixEl.title[lang], () => w.shot('quick-fix-menu'));
        assert.ok(actions.length >= 2, `code actions: ${actions.join(' | ')}`);
        await save(page);
        const fixMarker = templateMarker(fixEl.template[lang]);
        await until(async () => (await readFile(file, 'utf8')).includes(fixMarker), {
          what: 'the fix in the saved file',
        });
        const fixed = cliReport(file);
        assert.equal(
          fixed.diagnostics.filter((d) => d.ruleId === target.ruleId).length,
          0,
          'the CLI no longer reports it',
        );
        await showProblems(page);
        const fixedShown = editorDiagnostics(fixed).length;
        await until(async () => (await problemsInFile(page, name)) === fixedShown, {
          timeout: 30_000,
          what: `the Problems panel to list ${fixedShown} problems after the fix`,
        });
        await filterProblems(page, target.message.slice(0, 40));
        await until(
          async () =>
            /Showing 0 of/.test(await problemsFilterBadge(page)) &&
            !(await problemRows(page)).some((r) => r.includes(target.message)),
          { what: 'the fixed diagnostic to leave the Problems panel' },
        );
        await w.shot('fixed');
        await filterProblems(page, '');

        // 4. Completion on an empty line at the end inserts a still missing element's template.
        const stillMissing = fixed.coverage.elements.filter((e) => e.status === 'missing');
        assert.ok(stillMissing.length > 0, 'an element is still missing after the fix');
        const completionEl = element(stillMissing[0].id);
        const label = completionEl.title[lang];
        await focusEditor(page);
        await page.keyboard.press('Control+End');
        await page.keyboard.press('Enter');
        const suggestions = await acceptCompletion(page, distinctivePart(label, lang), label, () =>
          w.shot('completion-list'),
        );
        assert.ok(suggestions.length > 0);
        await w.shot('completion-inserted');
        await save(page);
        const completionMarker = templateMarker(completionEl.template[lang]);
        await until(async () => (await readFile(file, 'utf8')).includes(completionMarker), {
          what: `the template of ${completionEl.id} in the saved file`,
        });
        const completed = cliReport(file);
        assert.equal(
          completed.coverage.elements.find((e) => e.id === completionEl.id)?.status === 'missing',
          false,
          `${completionEl.id} is no longer missing`,
        );
        const completedShown = editorDiagnostics(completed).length;
        await until(async () => (await problemsInFile(page, name)) === completedShown, {
          timeout: 30_000,
          what: `the Problems panel to list ${completedShown} problems after the completion`,
        });

        // 5. The status item follows: the coverage after both insertions.
        await until(async () => (await languageStatus(page)).includes(coverageCount(completed)), {
          what: `the language status to show ${coverageCount(completed)}`,
        });
        await openLanguageStatus(page, coverageCount(completed));
        await w.shot('status');
        await page.keyboard.press('Escape');

        // 6. The coverage view: the same report as the CLI's HTML format, in a webview beside the
        //    draft, with a cell per element whose status is the one the CLI reports.
        await focusEditor(page);
        await runCommand(page, 'Cluster Policy Lint: Show this draft');
        await expectCoverageView(page, completed, 'the coverage view');
        await w.shot('coverage-view');

        // 7. After the window reloads, the coverage view is back in its place, showing the same
        //    draft as it stands now.
        // The workbench's own command, so that it saves its layout before it goes (a browser reload
        // may cut that short).
        await runCommand(page, 'Developer: Reload Window');
        await page.waitForEvent('load', { timeout: 60_000 });
        await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
        await expectCoverageView(page, completed, 'the restored coverage view', 60_000);
        await w.shot('coverage-view-restored');
      } catch (e) {
        await w.shot('failure').catch(() => {});
        throw e;
      } finally {
        await writeFile(path.join(w.dir, 'console.txt'), w.consoleLines.join('\n'));
        // The draft as the test left it on disk, with the inserted sections.
        await copyFile(file, path.join(w.dir, name)).catch(() => {});
        await w.context.close();
      }
    });
  }
});
