import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { lint, type Finding } from '../../engine';

function apply(text: string, finding: Finding): string {
  const edits = [...finding.fix!.edits].sort((a, b) => b.span.start - a.span.start);
  let out = text;
  for (const e of edits) out = out.slice(0, e.span.start) + e.newText + out.slice(e.span.end);
  return out;
}

describe('the fix for a missing element', () => {
  test('puts its section at the end of the measures section, under it, and covers the element', () => {
    const text =
      '# Lakeside hardware cluster plan\n\n## Background\n\nThe cluster has 180 firms.\n\n## Key actions\n\n- Build a testing centre by 2028.\n\n## Implementation\n\nThe board meets quarterly.\n';
    const finding = lint(text).findings.find((f) => f.ruleId === 'rootedness')!;
    const fixed = apply(text, finding);
    const inserted = fixed.indexOf('### ');
    assert.ok(inserted > fixed.indexOf('## Key actions') && inserted < fixed.indexOf('## Implementation'), fixed);
    assert.equal(lint(fixed).coverage.elements.find((e) => e.id === 'rootedness')?.status, 'covered');
    assert.equal(fixed.replace(finding.fix!.edits[0]!.newText, ''), text, 'only inserted');
  });

  test("numbers its section like the draft's own Chinese parts, after the last （N）", () => {
    const text =
      '# 江口县竹制品产业集群提升三年行动方案\n\n一、总体要求\n\n坚持生态优先。\n\n二、重点任务\n\n（一）加强基础设施\n\n建设物流园区。\n\n（二）培育人才\n\n建设实训基地。\n\n三、保障措施\n\n加强领导。\n';
    const finding = lint(text).findings.find((f) => f.ruleId === 'rootedness')!;
    const fixed = apply(text, finding);
    assert.match(fixed, /（二）培育人才\n\n建设实训基地。\n\n（三）根植性\n/);
    assert.ok(!finding.fix!.edits[0]!.newText.includes('#'), 'no Markdown heading in a draft numbered in Chinese');
    const relinted = lint(fixed);
    assert.equal(relinted.coverage.elements.find((e) => e.id === 'rootedness')?.status, 'covered');
    assert.ok(relinted.document.sections.some((s) => s.heading?.text === '（三）根植性' && s.level === 3));
  });
});

describe('the fix for a partly covered element', () => {
  test('adds its lines after the last passage of the section that holds its evidence: in its list, or after its paragraph', () => {
    const text =
      '# Lakeside hardware cluster plan\n\n## Background\n\nThe cluster has 180 firms.\n\n## Key actions\n\n- Build a testing centre by 2028.\n- Train 200 workers by 2028.\n\n## Implementation\n\nThe board meets quarterly.\n';
    const findings = lint(text).findings;
    // The testing centre (Key actions) is the hard environment's evidence; the board (Implementation) the broker's.
    const cases = [
      { id: 'hard-environment', after: 'Train 200 workers by 2028.', joins: '\n- ' },
      { id: 'network-broker', after: 'The board meets quarterly.', joins: '\n\n- ' },
    ];
    for (const { id, after, joins } of cases) {
      const finding = findings.find((f) => f.ruleId === id);
      assert.ok(finding?.fix, `${id} is partly covered and has a fix`);
      const [edit] = finding.fix.edits;
      assert.equal(edit!.span.start, text.indexOf(after) + after.length, `${id}: inserted right after "${after}"`);
      assert.ok(edit!.newText.startsWith(joins), `${id}: ${JSON.stringify(edit!.newText)}`);
      assert.equal(apply(text, finding).replace(edit!.newText, ''), text, 'only inserted');
    }
  });

  test("adds them to the section's own text, not at the end of its subsections", () => {
    const text =
      '# Lakeside hardware cluster plan\n\n## Key actions\n\n- Build a testing centre by 2028.\n- Train 200 workers by 2028.\n\n### Details\n\nThe working group meets in spring.\n\n## Implementation\n\nThe board meets quarterly.\n';
    const finding = lint(text).findings.find((f) => f.ruleId === 'hard-environment');
    assert.ok(finding?.fix, 'the hard environment is partly covered and has a fix');
    const [edit] = finding.fix.edits;
    const after = 'Train 200 workers by 2028.';
    assert.equal(
      edit!.span.start,
      text.indexOf(after) + after.length,
      'in the list of "Key actions", not under "Details"',
    );
    assert.ok(edit!.newText.startsWith('\n- '), JSON.stringify(edit!.newText));
    const relinted = lint(apply(text, finding));
    assert.ok(
      relinted.document.sections.find((s) => s.heading?.text === 'Details'),
      'the subsection stays as it was',
    );
    assert.equal(apply(text, finding).replace(edit!.newText, ''), text, 'only inserted');
  });

  test("sends them from the draft's opening text to the element's section, the measures section or the draft's end", () => {
    // The testing centre, said in the opening text under the title, is the hard environment's evidence.
    const opening = '# Lakeside hardware cluster plan\n\nThe county will build a testing centre by 2028.\n\n';
    const cases = [
      {
        text: `${opening}## Infrastructure\n\nSee the annex.\n\n## Implementation\n\nThe board meets quarterly.\n`,
        after: 'See the annex.',
        joins: '\n\n- ',
      },
      {
        text: `${opening}## Key actions\n\n- Train 200 workers.\n\n## Implementation\n\nThe board meets quarterly.\n`,
        after: 'Train 200 workers.',
        joins: '\n- ',
      },
      {
        text: `${opening}## Implementation\n\nThe board meets quarterly.\n`,
        after: 'The board meets quarterly.',
        joins: '\n\n- ',
      },
    ];
    for (const { text, after, joins } of cases) {
      const finding = lint(text).findings.find((f) => f.ruleId === 'hard-environment');
      assert.match(finding?.message ?? '', /partly covered/);
      const [edit] = finding!.fix!.edits;
      assert.equal(edit!.span.start, text.indexOf(after) + after.length, `after "${after}"`);
      assert.ok(edit!.newText.startsWith(joins), JSON.stringify(edit!.newText));
    }
  });

  test('adds them after the only paragraph of a draft without headings', () => {
    const text = 'The county will build a testing centre by 2028.\n';
    const finding = lint(text).findings.find((f) => f.ruleId === 'hard-environment');
    assert.ok(finding?.fix, 'the hard environment is partly covered and has a fix');
    const [edit] = finding.fix.edits;
    assert.equal(edit!.span.start, text.indexOf('2028.') + '2028.'.length);
    assert.ok(edit!.newText.startsWith('\n\n- '), JSON.stringify(edit!.newText));
  });
});
