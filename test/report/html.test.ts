import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { anchorId, escapeHtml } from '../../report/escape';
import { renderHtmlReport, renderHtmlReportBody, reportLanguage } from '../../report/html';
import { englishSet } from './drafts';
import { SYNTHETIC_META, SYNTHETIC_REPORT } from './synthetic';

/** Like assert.match/doesNotMatch, without printing a whole page when it fails. */
function has(html: string, re: RegExp, yes = true): void {
  assert.equal(re.test(html), yes, `${yes ? 'expected' : 'did not expect'} ${re} in the page`);
}

// String-level checks that need no browser; the DOM is checked in html.browser.test.ts.
describe('HTML report as text', () => {
  test('escapes the five HTML metacharacters', () => {
    assert.equal(
      escapeHtml(`<a href="x" title='y'>&</a>`),
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;',
    );
  });

  test('makes anchors that keep kebab-case ids and encode anything else', () => {
    assert.equal(anchorId('draft', 3, 'hard-environment'), 'draft--3--hard-environment');
    assert.equal(anchorId('a b"<'), 'a_20b_22_3c');
  });

  test('is one self-contained file: no external resource is referenced', () => {
    const html = renderHtmlReport(SYNTHETIC_REPORT, SYNTHETIC_META);
    has(html, /^<!doctype html>/);
    has(html, /<meta charset="utf-8">/);
    has(html, /\b(src|href)="(https?:)?\/\//, false);
    has(html, /@import|url\((?!#)/, false);
    has(html, /<link\b/, false);
    // No inline style attributes: the CSP allows only the nonce'd stylesheet.
    has(html, /\sstyle="/, false);
  });

  test('never lets a draft write markup: paths, excerpts, messages and errors are escaped', () => {
    const html = renderHtmlReport(englishSet().report, englishSet().meta);
    assert.equal(html.match(/<script\b/g)?.length, 1, "only the report's own script");
    has(html, /<img\b/, false);
    has(html, /<b>inject<\/b>/, false);
    has(html, /&lt;b&gt;inject&lt;\/(<wbr>)?b&gt; &amp; &quot;quotes&quot;/);
    const synthetic = renderHtmlReport(SYNTHETIC_REPORT, SYNTHETIC_META);
    has(synthetic, /No forum &lt;b&gt;at all&lt;\/b&gt;\./);
    has(synthetic, /Cannot read &lt;three\.md&gt;/);
  });

  test('is deterministic, with a nonce derived from the content', () => {
    const a = renderHtmlReport(SYNTHETIC_REPORT, SYNTHETIC_META, { generatedAt: '2027-01-01' });
    const b = renderHtmlReport(SYNTHETIC_REPORT, SYNTHETIC_META, { generatedAt: '2027-01-01' });
    assert.equal(a, b);
    const nonce = /script-src &#39;nonce-([0-9a-f]{16})&#39;/.exec(a)?.[1];
    assert.ok(nonce);
    assert.ok(a.includes(`<script nonce="${nonce}">`) && a.includes(`<style nonce="${nonce}">`));
  });

  test('uses the webview CSP and nonce when shown in VS Code', () => {
    const html = renderHtmlReport(SYNTHETIC_REPORT, SYNTHETIC_META, {
      webview: { cspSource: 'https://file+.vscode-resource.vscode-cdn.net', nonce: 'N0nce' },
    });
    has(
      html,
      /default-src &#39;none&#39;; style-src https:\/\/file\+\.vscode-resource\.vscode-cdn\.net &#39;nonce-N0nce&#39;; script-src &#39;nonce-N0nce&#39;/,
    );
    has(html, /data-action="insertTemplate" data-file="0" data-element="forum"/);
    has(renderHtmlReport(SYNTHETIC_REPORT, SYNTHETIC_META), /data-action=/, false);
  });

  test("the body for an update is the page's <main> content", () => {
    const page = renderHtmlReport(SYNTHETIC_REPORT, SYNTHETIC_META);
    const body = renderHtmlReportBody(SYNTHETIC_REPORT, SYNTHETIC_META);
    assert.ok(page.includes(`<main id="report">${body}</main>`));
  });

  test('follows the language of most drafts unless told, and writes its own words in it', () => {
    assert.equal(reportLanguage(SYNTHETIC_REPORT), 'en'); // one en, one zh: a tie stays English
    assert.equal(reportLanguage(SYNTHETIC_REPORT, 'zh'), 'zh');
    const zh = { ...SYNTHETIC_REPORT, files: SYNTHETIC_REPORT.files.map((f) => ({ ...f, language: 'zh' as const })) };
    assert.equal(reportLanguage(zh), 'zh');
    const html = renderHtmlReport(zh, SYNTHETIC_META);
    has(html, /<html lang="zh">/);
    has(html, /覆盖矩阵/);
    has(html, />道路</);
  });

  test('gives a column to an element that the metadata does not know', () => {
    const html = renderHtmlReport(SYNTHETIC_REPORT, {
      groups: SYNTHETIC_META.groups,
      rules: SYNTHETIC_META.rules.filter((r) => r.id !== 'brand'),
    });
    has(html, /<th scope="col" class="el-h[^"]*" data-element="brand"/);
  });
});

test('renders an empty run (no drafts matched) as a page that says so', () => {
  const html = renderHtmlReport(
    {
      tool: { name: 'cluster-policy-lint', version: '1' },
      files: [],
      summary: { files: 0, errors: 0, warnings: 0, information: 0, hints: 0 },
    },
    SYNTHETIC_META,
  );
  assert.ok(html.includes('<li data-stat="drafts">0 drafts</li>'));
  assert.ok(!html.includes('class="draft"'));
});
