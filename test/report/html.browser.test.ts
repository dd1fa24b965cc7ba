import assert from 'node:assert/strict';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { type HtmlReportOptions, renderHtmlReport, renderHtmlReportBody } from '../../report/html';
import type { JsonReport } from '../../report/model';
import { launchChromium } from './chromium';
import { type LintedSet, OUTPUT, chineseSet, englishSet, lintSet } from './drafts';
import { fontconfigWithout, probeGlyphs, tofu } from './glyphs';
import { SYNTHETIC_META, SYNTHETIC_REPORT } from './synthetic';

// The report rendered in headless Chromium from a file:// URL, as a reader opens it from a share.
// Screenshots and PDFs are kept under test-output/report/ for a human to look at.

let browser: Browser;

before(async () => {
  mkdirSync(OUTPUT, { recursive: true });
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
});

/** Writes the page to test-output and opens it, recording CSP violations and posted messages. */
async function open(
  name: string,
  html: string,
  options: { vscode?: boolean; width?: number; in?: Browser } = {},
): Promise<Page> {
  const file = path.join(OUTPUT, `${name}.html`);
  writeFileSync(file, html);
  const page = await (options.in ?? browser).newPage({ viewport: { width: options.width ?? 1280, height: 900 } });
  // Page-side code is written as strings: the project's type-check has no DOM library.
  await page.addInitScript(
    `window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(e.violatedDirective + ': ' + e.blockedURI));
    ${
      options.vscode
        ? `window.__messages = [];
    window.acquireVsCodeApi = () => ({ postMessage: (m) => window.__messages.push(m), getState: () => undefined, setState: () => undefined });`
        : ''
    }`,
  );
  await page.goto(pathToFileURL(file).href);
  return page;
}

/** The Chinese report's headings the glyph check draws: its title and the coverage elements' titles. */
const CHINESE_TITLES = 'h1, .matrix th.el-h';

const coverageIds = (set: LintedSet): string[] => set.meta.rules.filter((r) => r.kind === 'coverage').map((r) => r.id);

describe('HTML report in Chromium', () => {
  test('fails with the way to install Chromium when it is missing', async () => {
    await assert.rejects(launchChromium('/nonexistent/chromium'), /apt-get install -y chromium/);
  });

  test('has a column for every coverage element, grouped as the framework groups them', async () => {
    const set = englishSet();
    const page = await open('en-report', renderHtmlReport(set.report, set.meta, { generatedAt: '2027-03-01 10:00' }));
    const ids = coverageIds(set);
    assert.ok(ids.length > 0);
    assert.deepEqual(
      await page.$$eval('.matrix thead th.el-h', (ths) => ths.map((th) => th.getAttribute('data-element'))),
      ids.filter(Boolean),
    );
    const groups = await page.$$eval('.matrix th.group-h', (ths) =>
      ths.map((th) => ({ id: th.getAttribute('data-group'), span: Number(th.getAttribute('colspan')) })),
    );
    const expected = set.meta.groups
      .map((g) => ({ id: g.id, span: set.meta.rules.filter((r) => r.kind === 'coverage' && r.group === g.id).length }))
      .filter((g) => g.span > 0);
    assert.deepEqual(groups, expected);
    // Every linted draft has one cell per element, in the header's order.
    const rows = await page.$$eval('.matrix tbody tr:not(.failed-row)', (trs) =>
      trs.map((tr) => [...tr.querySelectorAll('td.cell')].map((td) => td.getAttribute('data-element'))),
    );
    assert.equal(rows.length, 3);
    for (const row of rows) assert.deepEqual(row, ids);
    await page.close();
  });

  test("shows each draft's statuses as the engine judged them, by colour class, icon and label", async () => {
    const set = englishSet();
    const page = await open('en-report', renderHtmlReport(set.report, set.meta));
    for (const [index, result] of set.results.entries()) {
      if (!result) continue;
      for (const element of result.coverage.elements) {
        const cell = page.locator(`tr[data-file="${index}"] td.cell[data-element="${element.id}"]`);
        assert.equal(
          await cell.getAttribute('data-status'),
          element.status,
          `${set.report.files[index]!.path} ${element.id}`,
        );
        assert.match((await cell.getAttribute('class')) ?? '', new RegExp(`\\bs-${element.status}\\b`));
        assert.match(
          (await cell.locator('a').getAttribute('aria-label')) ?? '',
          /: (Covered|Partly covered|Missing|Off)/,
        );
      }
    }
    // The known drafts: the Lakeside plan commits to rail and serviced land; the note to nothing.
    const status = (file: number, id: string) =>
      page.locator(`tr[data-file="${file}"] td.cell[data-element="${id}"]`).getAttribute('data-status');
    assert.equal(await status(0, 'hard-environment'), 'covered');
    assert.equal(await status(1, 'hard-environment'), 'missing');
    await page.close();
  });

  test("links each cell to the element's evidence in the draft's section", async () => {
    const set = englishSet();
    const page = await open('en-report', renderHtmlReport(set.report, set.meta));
    const broken = await page.$$eval('a[href^="#"]', (as) =>
      as.map((a) => a.getAttribute('href')!).filter((h) => !as[0]!.ownerDocument.getElementById(h.slice(1))),
    );
    assert.deepEqual(broken, []);
    await page.click('tr[data-file="0"] td.cell[data-element="hard-environment"] a');
    const target = page.locator('article.element:target');
    assert.equal(await target.getAttribute('data-element'), 'hard-environment');
    assert.equal(await target.getAttribute('data-status'), 'covered');
    const excerpts = await target.locator('li.facet.yes[data-facet="transport"] q').allTextContents();
    assert.ok(
      excerpts.some((q) => q.includes('freight rail spur')),
      excerpts.join(' | '),
    );
    assert.equal(await target.locator('li.facet.yes[data-facet="transport"] .loc').first().textContent(), '14:4');
    await page.close();
  });

  test('summarises which elements are most often missing', async () => {
    const page = await open('synthetic', renderHtmlReport(SYNTHETIC_REPORT, SYNTHETIC_META));
    const rows = await page.$$eval('#summary tbody tr', (trs) =>
      trs.map((tr) => [
        tr.getAttribute('data-element'),
        tr.getAttribute('data-missing'),
        tr.getAttribute('data-partial'),
        tr.getAttribute('data-covered'),
      ]),
    );
    // forum is missing in both linted drafts; brand in one (off in the other); money missing in one and partial in one.
    assert.deepEqual(rows, [
      ['forum', '2', '0', '0'],
      ['money', '1', '1', '0'],
      ['brand', '1', '0', '0'],
      ['roads', '0', '0', '2'],
    ]);
    assert.equal(await page.locator('#summary tbody tr[data-element="forum"] td.num').first().textContent(), '2 / 2');
    assert.equal(await page.locator('#summary tbody tr[data-element="brand"] td.num').first().textContent(), '1 / 1');
    assert.match(
      (await page.locator('#overview').textContent()) ?? '',
      /3 drafts.*1 could not be linted.*Mean coverage score: 42%/s,
    );
    const statuses = await page.$$eval('tr[data-file="0"] td.cell', (tds) =>
      tds.map((td) => td.getAttribute('data-status')),
    );
    assert.deepEqual(statuses, ['covered', 'partial', 'missing', 'off']);
    // The partial element's card shows the covered facet with one excerpt and folds the rest.
    const money = page.locator('#draft--1--money');
    assert.equal(await money.locator('li.facet.yes > .evidence-list q').count(), 1);
    assert.equal(await money.locator('details.more q').count(), 3);
    assert.equal(await money.locator('li.facet.no').getAttribute('data-facet'), 'funds');
    // The group chart counts what the cells show.
    const bars = await page.$$eval('#draft--1 g.group-bar', (gs) =>
      gs.map((g) => [
        g.getAttribute('data-group'),
        g.getAttribute('data-covered'),
        g.getAttribute('data-partial'),
        g.getAttribute('data-missing'),
      ]),
    );
    assert.deepEqual(bars, [
      ['A', '1', '1', '0'],
      ['B', '0', '0', '1'],
    ]);
    await page.close();
  });

  test('lists the files that could not be linted with their error', async () => {
    const set = englishSet();
    const page = await open('en-report', renderHtmlReport(set.report, set.meta));
    const item = page.locator('#failed li[data-file="3"]');
    assert.match((await item.textContent()) ?? '', /drafts\/broken\.md: The file is not valid UTF-8/);
    assert.match((await page.locator('tr.failed-row[data-file="3"]').textContent()) ?? '', /Could not be linted/);
    await page.close();
  });

  test('shows a <script> in a draft as text and runs nothing from it', async () => {
    const set = englishSet();
    const page = await open('en-report', renderHtmlReport(set.report, set.meta));
    const synthetic = await open('synthetic', renderHtmlReport(SYNTHETIC_REPORT, SYNTHETIC_META));
    for (const p of [page, synthetic]) {
      assert.equal(await p.evaluate('window.__pwned'), undefined);
      assert.equal(await p.locator('script').count(), 1);
      assert.equal(await p.locator('main img, main script, main b').count(), 0);
      assert.deepEqual(await p.evaluate('window.__violations'), []);
    }
    // The markup is there to read, as text.
    assert.equal(
      await page.locator('tr[data-file="2"] th.draft-name').textContent(),
      'drafts/<b>inject</b> & "quotes".md',
    );
    assert.equal(
      await synthetic.locator('#draft--1--roads q').textContent(),
      'Upgrade the rail spur <script>window.__pwned = 3</script><img src=x onerror="window.__pwned = 4">.',
    );
    assert.equal(
      await synthetic.locator('#draft--1 tr[data-rule="forum"] .message').textContent(),
      'No forum <b>at all</b>.',
    );
    await page.close();
    await synthetic.close();
  });

  test('renders a Chinese report with Chinese words and marked-up languages', async () => {
    const set = chineseSet();
    const page = await open('zh-report', renderHtmlReport(set.report, set.meta, { generatedAt: '2027-03-01 10:00' }));
    assert.equal(await page.getAttribute('html', 'lang'), 'zh');
    assert.equal(await page.locator('.matrix .draft-h').textContent(), '草案');
    assert.equal(await page.locator('.matrix th.el-h[data-element="hard-environment"]').textContent(), '硬环境');
    assert.equal(
      await page.locator('tr[data-file="0"] td.cell[data-element="hard-environment"]').getAttribute('data-status'),
      'covered',
    );
    assert.equal(await page.locator('#draft--1 q').first().getAttribute('lang'), 'zh');
    await page.screenshot({ path: path.join(OUTPUT, 'zh-report.png'), fullPage: true });
    await page.close();
  });

  test("draws the Chinese report's title and element titles with real glyphs, not missing-glyph boxes", async () => {
    const set = chineseSet();
    const page = await open('zh-report', renderHtmlReport(set.report, set.meta));
    const titles = await probeGlyphs(page, CHINESE_TITLES);
    assert.ok(titles.flatMap((t) => t.chars).length >= 20, 'the titles hold Chinese characters to draw');
    const boxes = tofu(titles);
    assert.equal(
      boxes.length,
      0,
      `${boxes.join('\n')}\nChromium has no font for Chinese in ${titles[0]!.font}: ` +
        'install one ("apt-get install -y fonts-noto-cjk", as .ci/run does).',
    );
    await page.close();
  });

  test('sees the boxes where Chromium has no font for Chinese, so the glyph check can fail', async () => {
    const set = chineseSet();
    const html = renderHtmlReport(set.report, set.meta);
    const page = await open('zh-report', html);
    const chars = (await probeGlyphs(page, CHINESE_TITLES)).flatMap((t) => t.chars.map((c) => c.char));
    await page.close();
    // The same page in a Chromium whose fontconfig drops every font with a glyph for these characters.
    const fonts = fontconfigWithout(chars);
    const bare = await launchChromium(undefined, { FONTCONFIG_FILE: fonts });
    try {
      const boxed = await open('zh-report-no-cjk-font', html, { in: bare });
      const titles = await probeGlyphs(boxed, CHINESE_TITLES);
      assert.equal(tofu(titles).length, titles.flatMap((t) => t.chars).length, 'every character is a box');
    } finally {
      await bare.close();
      rmSync(path.dirname(fonts), { recursive: true, force: true });
    }
  });

  test('keeps screenshots of the screen and of the A4 print, and the matrix fits the printed page', async () => {
    const set = englishSet();
    const html = renderHtmlReport(set.report, set.meta, { generatedAt: '2027-03-01 10:00' });
    const page = await open('en-report', html);
    await page.screenshot({ path: path.join(OUTPUT, 'en-report.png'), fullPage: true });
    await page.pdf({
      path: path.join(OUTPUT, 'en-report.pdf'),
      format: 'A4',
      printBackground: true,
      preferCSSPageSize: true,
    });
    await page.close();
    // 190 mm: A4 less the 10 mm side margins of the @page rule, at 96 CSS pixels per inch.
    const printable = Math.floor((190 / 25.4) * 96);
    const print = await open('en-report', html, { width: printable });
    await print.emulateMedia({ media: 'print' });
    const right = await print.locator('.matrix').evaluate((table) => table.getBoundingClientRect().right);
    assert.ok(right <= printable + 1, `the matrix is ${right}px wide on a ${printable}px page`);
    await print.screenshot({ path: path.join(OUTPUT, 'en-report-print.png'), fullPage: true });
    await print.close();
  });

  test('shows an element turned off by a directive as off', async () => {
    const set = lintSet([
      [
        'off.md',
        '<!-- cluster-policy-lint-disable-file hard-environment -->\n# Plan\n\nUpgrade the rail spur and the infrastructure.\n',
      ],
    ]);
    const page = await open('off', renderHtmlReport(set.report, set.meta));
    assert.equal(await page.locator('td.cell[data-element="hard-environment"]').getAttribute('data-status'), 'off');
    await page.close();
  });

  test('in a VS Code webview, cells and excerpts post messages and updates replace the body', async () => {
    const options: HtmlReportOptions = { webview: { cspSource: 'vscode-webview:', nonce: 'TestNonce123' } };
    const page = await open('webview', renderHtmlReport(SYNTHETIC_REPORT, SYNTHETIC_META, options), { vscode: true });
    const messages = () => page.evaluate('window.__messages');
    await page.click('tr[data-file="0"] td.cell[data-element="forum"] a');
    await page.click('#draft--1--roads button.loc');
    await page.click('#draft--1--forum button.insert');
    assert.deepEqual(await messages(), [
      { type: 'element', file: 0, element: 'forum' },
      { type: 'reveal', file: 0, line: 3, column: 1, endLine: 3, endColumn: 20 },
      { type: 'insertTemplate', file: 0, element: 'forum' },
    ]);
    const updated: JsonReport = { ...SYNTHETIC_REPORT, files: SYNTHETIC_REPORT.files.slice(1, 2) };
    const body = renderHtmlReportBody(updated, SYNTHETIC_META, options);
    await page.evaluate(`window.postMessage(${JSON.stringify({ type: 'update', body })}, '*')`);
    await page.waitForFunction("document.querySelectorAll('.matrix tbody tr').length === 1");
    // The update switched the report to Chinese (its only draft is Chinese), heading and all.
    assert.equal(await page.locator('#report > .report').getAttribute('lang'), 'zh');
    assert.equal(await page.locator('h1').textContent(), '产业集群政策覆盖报告');
    await page.screenshot({ path: path.join(OUTPUT, 'webview.png'), fullPage: true });
    assert.deepEqual(await page.evaluate('window.__violations'), []);
    await page.close();
  });
});
