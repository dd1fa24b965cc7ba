import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseDraft } from '../../engine';
import { passageText } from '../../engine/coverage/judge';

const proseOf = (source: string): string =>
  parseDraft(source)
    .prose.replace(/[\s\u2028\u2029]+/g, ' ')
    .trim();

describe('the document model', () => {
  test('keeps the prose of paragraphs, list items and headings and blanks their markup', () => {
    const prose = proseOf(
      '# Plan\n\n- Upgrade the **rail** spur ([details](http://example.org/rail "x"))\n> quoted _text_\n',
    );
    assert.equal(prose, 'Plan Upgrade the rail spur ( details ) quoted text');
  });

  test('never counts code blocks, HTML comments or front matter as prose', () => {
    const source =
      '---\ntitle: transport plan\n---\n# Plan\n\n```\nrail freight\n```\n\n    indented code rail\n\n<!-- rail comment -->\nText <!-- inline rail --> here `rail code`.\n';
    const prose = proseOf(source);
    assert.ok(!prose.includes('rail'), prose);
    assert.ok(prose.includes('Text'), prose);
  });

  test('reads the text inside HTML blocks without their tags', () => {
    const prose = proseOf(
      '<div class="callout">\n<p>Build a <b>testing centre</b>.</p>\n<script>var rail = 1;</script>\n</div>\n',
    );
    assert.equal(prose, 'Build a testing centre .');
  });

  test('keeps every offset of the prose equal to the offset in the source', () => {
    const source = '# 标题\r\n\r\n| 措施 | 牵头单位 |\r\n|---|---|\r\n| 建设检测中心 | 县市场监管局 |\r\n';
    const doc = parseDraft(source);
    assert.equal(doc.prose.length, source.length);
    const at = source.indexOf('县市场监管局');
    assert.equal(doc.prose.slice(at, at + 6), '县市场监管局');
  });

  test('builds a heading tree whose sections end where the next sibling starts', () => {
    const doc = parseDraft('# Title\n\n## A\n\ntext\n\n### A.1\n\nmore\n\n## B\n\nend\n');
    const titles = doc.sections.map((s) => s.heading?.text ?? '<root>');
    assert.deepEqual(titles, ['<root>', 'Title', 'A', 'A.1', 'B']);
    const a = doc.sections[2]!;
    const b = doc.sections[4]!;
    assert.equal(a.span.end, b.span.start);
    assert.deepEqual(a.children, [3]);
    assert.equal(doc.sections[3]!.parent, 2);
  });

  test('treats Chinese chapter lines and numbered parts as headings, and articles as units', () => {
    const doc = parseDraft(
      '# 条例\n\n第一章 总则\n\n第一条 为了促进发展，制定本条例。\n\n本条第二款。\n\n第二条 县人民政府负责。\n\n一、发展目标\n\n（一）加强基础设施\n',
    );
    const headings = doc.sections.filter((s) => s.heading).map((s) => [s.heading!.text, s.level]);
    assert.deepEqual(headings, [
      ['条例', 1],
      ['第一章 总则', 2],
      ['一、发展目标', 2],
      ['（一）加强基础设施', 3],
    ]);
    assert.equal(doc.articles.length, 2);
    const first = doc.articles[0]!;
    assert.ok(doc.source.slice(first.span.start, first.span.end).includes('本条第二款'));
    assert.ok(!doc.source.slice(first.span.start, first.span.end).includes('第二条'));
  });

  test('keeps an enumerated clause that ends in a semicolon as prose, not a heading', () => {
    const doc = parseDraft('第十条 禁止下列行为：\n\n（一）以次充好、以假充真；\n\n（二）冒用他人商标。\n');
    assert.equal(doc.sections.filter((s) => s.heading).length, 0);
    assert.ok(doc.prose.includes('以次充好'));
  });

  test('makes each top-level list item a unit that holds its nested items', () => {
    const doc = parseDraft('## Measures\n\n- First measure\n  - detail one\n- Second measure\n');
    assert.equal(doc.items.length, 2);
    assert.ok(doc.source.slice(doc.items[0]!.span.start, doc.items[0]!.span.end).includes('detail one'));
  });

  test('collects HTML comments for directives, wherever they stand', () => {
    const doc = parseDraft(
      '<!-- cluster-policy-lint-disable-file joint-action -->\n\nText <!-- cluster-policy-lint-disable-line measure-owner -->\n',
    );
    assert.deepEqual(
      doc.comments.map((c) => c.body.trim()),
      ['cluster-policy-lint-disable-file joint-action', 'cluster-policy-lint-disable-line measure-owner'],
    );
  });

  test('normalises traditional Chinese and full-width characters for matching, at the same offsets', () => {
    const doc = parseDraft('推動產業鏈升級，ＷＴＯ規則。減排。\n');
    assert.equal(doc.normalized, '推动产业链升级,WTO规则。减排。\n');
    assert.equal(doc.prose, '推動產業鏈升級，ＷＴＯ規則。減排。\n');
  });
});

describe('evidence text', () => {
  // passageText looks for something to collapse before building a new string, with its own table
  // of white space; the text must stay what collapsing `\s` runs and trimming gives.
  test('collapses every kind of white space and trims the ends, as a drafter reads the passage', () => {
    const spaces = [...Array(0x10000).keys()].map((c) => String.fromCharCode(c)).filter((ch) => /\s/.test(ch));
    assert.ok(spaces.length > 20, 'the white space characters are found');
    const cases = [
      'Serve 40 hectares.',
      '  Serve  40\thectares.\n',
      'a\u00a0b',
      '\u3000产业集群\u3000发展',
      'x \u2028 y',
      ' ',
    ];
    for (const ch of spaces) cases.push(`${ch}lead${ch}body${ch}`, `lead ${ch}body`, `lead${ch} body`);
    for (const text of cases) {
      const prose = `[${text}]`;
      assert.equal(
        passageText(prose, { start: 1, end: prose.length - 1 }),
        text.replace(/\s+/g, ' ').trim(),
        JSON.stringify(text),
      );
    }
  });
});
