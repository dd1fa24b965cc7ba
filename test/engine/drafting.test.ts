import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { builtinPack, DRAFTING_RULE_IDS, lint, type Finding, type LintOptions } from '../../engine';

// Behaviour of the drafting rules that inline fixture markers cannot express: what their fixes
// insert or replace, and the language of their messages.

/** Applies a finding's fix edits to the text (from the last edit to the first). */
function applyFix(text: string, finding: Finding): string {
  assert.ok(finding.fix, `${finding.ruleId} should offer a fix`);
  let out = text;
  for (const edit of [...finding.fix.edits].sort((a, b) => b.span.start - a.span.start)) {
    out = out.slice(0, edit.span.start) + edit.newText + out.slice(edit.span.end);
  }
  return out;
}

function findingsOf(text: string, rule: string, options: LintOptions = {}): Finding[] {
  return lint(text, options).findings.filter((f) => f.ruleId === rule);
}

const HAN = /[\u4e00-\u9fff]/;

describe('document-structure', () => {
  const english = [
    '# Eastmere Locks Cluster Plan',
    '',
    '## Background',
    '',
    'Eastmere has 120 lock makers employing 2,900 people.',
    '',
    '## Measures',
    '',
    '1. Open a shared testing centre. Lead: County Economic Development Bureau. Deadline: June 2028.',
    '',
  ].join('\n');

  test('reports each missing part once, on the title', () => {
    const found = findingsOf(english, 'document-structure');
    assert.equal(found.length, 2);
    for (const f of found) assert.equal(f.range.start.line, 0);
    assert.match(found[0]!.message, /objectives/i);
    assert.match(found[1]!.message, /implementation/i);
  });

  test('the fix inserts the missing part before the next part that is present, and re-linting clears it', () => {
    const objectives = findingsOf(english, 'document-structure').find((f) => /objectives/i.test(f.message))!;
    const fixed = applyFix(english, objectives);
    const inserted = fixed.indexOf('## Objectives');
    assert.ok(inserted > fixed.indexOf('## Background'), 'after the situation');
    assert.ok(inserted < fixed.indexOf('## Measures'), 'before the measures');
    // The user's own text is kept as it was.
    assert.ok(fixed.includes('Eastmere has 120 lock makers employing 2,900 people.\n\n## Objectives'));
    const after = findingsOf(fixed, 'document-structure');
    assert.equal(after.length, 1);
    assert.doesNotMatch(after[0]!.message, /objectives/i);
  });

  test('the fix for a part that comes last appends it at the end; with both fixes the draft is complete', () => {
    let text = english;
    for (let round = 0; round < 3; round++) {
      const next = findingsOf(text, 'document-structure')[0];
      if (!next) break;
      text = applyFix(text, next);
    }
    assert.deepEqual(findingsOf(text, 'document-structure'), []);
    const order = ['## Background', '## Objectives', '## Measures', '## Implementation and monitoring'].map((h) =>
      text.indexOf(h),
    );
    assert.ok(
      order.every((at) => at >= 0),
      'every part present',
    );
    assert.deepEqual(
      [...order].sort((a, b) => a - b),
      order,
      'in the order situation, objectives, measures, implementation',
    );
    assert.ok(text.endsWith('\n'));
  });

  test('the inserted heading takes the level of the parts around it', () => {
    const nested = [
      '# Riverton Textiles',
      '',
      '## Part one: the plan',
      '',
      '### Background',
      '',
      'Riverton has 180 textile firms.',
      '',
      '### Key actions',
      '',
      '- Open an innovation centre. Lead: Riverton University. Deadline: 2028.',
      '',
      '### Monitoring',
      '',
      'The Directorate reports every six months.',
      '',
    ].join('\n');
    const [missing] = findingsOf(nested, 'document-structure');
    assert.ok(missing);
    const fixed = applyFix(nested, missing);
    assert.ok(fixed.includes('\n### Objectives\n'), fixed);
    assert.ok(fixed.indexOf('### Objectives') < fixed.indexOf('### Key actions'));
    assert.deepEqual(findingsOf(fixed, 'document-structure'), []);
  });

  test('a Chinese draft gets the Chinese template, and re-linting clears the finding', () => {
    const chinese = [
      '# 江口县竹制品产业集群提升行动方案',
      '',
      '一、发展现状',
      '',
      '全县有竹加工企业210家，年产值52亿元。',
      '',
      '二、重点任务',
      '',
      '（一）建设竹产业园。新增标准厂房10万平方米。（牵头单位：县发改局；完成时限：2028年底前）',
      '',
      '三、组织实施',
      '',
      '县发改局每季度通报1次进展。',
      '',
    ].join('\n');
    const found = findingsOf(chinese, 'document-structure');
    assert.equal(found.length, 1);
    assert.match(found[0]!.message, /发展目标/);
    assert.match(found[0]!.fix!.title, /发展目标/);
    const fixed = applyFix(chinese, found[0]!);
    assert.ok(fixed.indexOf('发展目标') > fixed.indexOf('全县有竹加工企业'));
    // Numbered like the draft's parts, which move on by one; nothing of the drafter's is lost.
    assert.match(fixed, /\n二、发展目标\n[^]*\n三、重点任务\n[^]*\n四、组织实施\n/);
    assert.equal(
      fixed
        .replace(/\n二、发展目标\n[^]*?(?=\n三、重点任务)/, '')
        .replace('三、重点任务', '二、重点任务')
        .replace('四、组织实施', '三、组织实施'),
      chinese,
    );
    assert.deepEqual(findingsOf(fixed, 'document-structure'), []);
    assert.deepEqual(findingsOf(fixed, 'numbering'), []);
  });

  test('the four templates of the pack make a complete draft in either language', () => {
    for (const lang of ['en', 'zh'] as const) {
      const parts = builtinPack().drafting.structure;
      assert.deepEqual(
        parts.map((p) => p.id),
        ['situation', 'objectives', 'measures', 'implementation'],
      );
      for (const p of parts)
        assert.match(p.template[lang], /^## \S/, `${p.id} template (${lang}) starts with a level-2 heading`);
      const draft = `# Draft\n\n${parts.map((p) => p.template[lang]).join('\n')}`;
      assert.deepEqual(findingsOf(draft, 'document-structure'), [], lang);
    }
  });
});

describe('terminology', () => {
  test('the fix replaces only the term', () => {
    const text = 'Our SEM cluster policy serves SEM clusters across the county.\n';
    const found = findingsOf(text, 'terminology');
    assert.equal(found.length, 2);
    assert.equal(text.slice(found[0]!.span.start, found[0]!.span.end), 'SEM cluster');
    assert.equal(found[0]!.fix!.edits.length, 1);
    assert.equal(found[0]!.fix!.edits[0]!.newText, 'SME cluster');
    assert.equal(found[1]!.fix!.edits[0]!.newText, 'SME clusters');
    assert.equal(applyFix(text, found[0]!), 'Our SME cluster policy serves SEM clusters across the county.\n');
    let fixed = text;
    for (const f of [...found].reverse()) fixed = applyFix(fixed, f);
    assert.equal(fixed, 'Our SME cluster policy serves SME clusters across the county.\n');
    assert.deepEqual(findingsOf(fixed, 'terminology'), []);
  });

  test('capitals are kept', () => {
    const text = 'Small and Middle Enterprise clusters and small and middle-sized firms. The SEM Cluster.\n';
    const found = findingsOf(text, 'terminology');
    assert.deepEqual(
      found.map((f) => f.fix!.edits[0]!.newText),
      ['Small and Medium-sized Enterprise', 'small and medium-sized firms', 'SME Cluster'],
    );
  });

  test('the message names the preferred term and says why', () => {
    const [f] = findingsOf('Local government acts as a broker network.\n', 'terminology');
    assert.ok(f);
    assert.match(f.message, /"network broker"/);
    assert.match(f.message, /network broker/);
    assert.equal(f.severity, 'warning');
  });

  test('a Chinese term is replaced with a Chinese message', () => {
    const text = '支持中小型企业联合采购原材料。\n';
    const [f] = findingsOf(text, 'terminology');
    assert.ok(f);
    assert.equal(applyFix(text, f), '支持中小企业联合采购原材料。\n');
    assert.match(f.message, /中小企业/);
    assert.match(f.message, /中小企业促进法/);
  });
});

describe('messages follow the draft language', () => {
  const chinese = [
    '# 白沙镇皮具产业发展促进办法',
    '',
    '第一章 扶持措施',
    '',
    '第一条 有关部门应当大力推进皮具产业转型升级，支持中小型企业发展。',
    '',
    '第三条 本办法自印发之日起施行。',
    '',
  ].join('\n');
  const english = [
    '# Hillcrest Food Cluster Draft',
    '',
    '## Key tasks',
    '',
    '1. Relevant departments will actively promote the food industry and support small and middle enterprises.',
    '3. Relevant departments will support the food industry.',
    '',
  ].join('\n');

  test('a Chinese draft gets Chinese messages from every drafting rule', () => {
    const result = lint(chinese);
    assert.equal(result.messageLanguage, 'zh');
    const rules = new Set(
      result.findings.filter((f) => f.kind === 'drafting').flatMap((f) => f.parts?.map((p) => p.ruleId) ?? [f.ruleId]),
    );
    assert.deepEqual([...rules].sort(), [...DRAFTING_RULE_IDS].sort());
    for (const f of result.findings.filter((x) => x.kind === 'drafting')) {
      assert.match(f.message, HAN, `${f.ruleId}: ${f.message}`);
      if (f.fix) assert.match(f.fix.title, HAN, `${f.ruleId} fix: ${f.fix.title}`);
    }
  });

  test('an English draft gets English messages', () => {
    const result = lint(english);
    assert.equal(result.messageLanguage, 'en');
    const drafting = result.findings.filter((f) => f.kind === 'drafting');
    assert.deepEqual(
      [...new Set(drafting.flatMap((f) => f.parts?.map((p) => p.ruleId) ?? [f.ruleId]))].sort(),
      [...DRAFTING_RULE_IDS].sort(),
    );
    for (const f of drafting) assert.doesNotMatch(f.message, HAN, `${f.ruleId}: ${f.message}`);
  });

  test('the message language can be chosen; the inserted template follows it', () => {
    const result = lint(chinese, { messageLanguage: 'en' });
    const structure = result.findings.filter((f) => f.ruleId === 'document-structure');
    assert.ok(structure.length > 0);
    for (const f of structure) {
      assert.doesNotMatch(f.message, HAN);
      // An English part, numbered like the draft's chapters (第一章 扶持措施).
      assert.match(f.fix!.edits[0]!.newText, /^\n?第[一二]章 [A-Z]/);
    }
    const owner = result.findings.find((f) => f.ruleId === 'measure-owner');
    assert.ok(owner);
    // The measure is quoted in its own words; the rest of the message is English.
    assert.doesNotMatch(owner.message.replace(/\("[^"]*"\)/, ''), HAN);
  });
});

describe('the drafting rules as the pack describes them', () => {
  const severities: Record<string, string> = {
    'measure-owner': 'warning',
    'measure-timeline': 'warning',
    'measure-indicator': 'information',
    'vague-commitment': 'information',
    terminology: 'warning',
    'document-structure': 'warning',
    numbering: 'warning',
  };

  test('each has its severity, a title and what it asks in both languages', () => {
    for (const id of DRAFTING_RULE_IDS) {
      const info = builtinPack().rules.find((r) => r.id === id);
      assert.ok(info, id);
      assert.equal(info.kind, 'drafting');
      assert.equal(info.severity, severities[id], id);
      for (const lang of ['en', 'zh'] as const) {
        assert.notEqual(info.title[lang], id, `${id} has a real ${lang} title`);
        assert.ok(info.asks[lang].length > 20, `${id} says what it asks (${lang})`);
      }
    }
  });

  test('the rules that come from the paper cite it', () => {
    for (const id of ['measure-owner', 'vague-commitment', 'terminology', 'document-structure']) {
      const paper = builtinPack().rules.find((r) => r.id === id)?.paper;
      assert.ok(paper, `${id} cites the paper`);
      assert.ok(paper.section.length > 0);
      assert.ok(paper.says.en.length > 20 && HAN.test(paper.says.zh), id);
    }
  });

  test('measure fields are the labels the samples and completions use', () => {
    assert.deepEqual(builtinPack().drafting.measureFields, {
      en: { owner: 'Lead', timeframe: 'Deadline', indicator: 'Indicator' },
      zh: { owner: '牵头单位', timeframe: '完成时限', indicator: '量化指标' },
    });
  });
});

test('replaces a term in a traditional-Chinese draft in traditional characters', () => {
  const text = '# 臺北市中小型企業集群發展計畫\n\n支持中小企業聯合採購原材料。\n';
  const finding = lint(text).findings.find((f) => f.ruleId === 'terminology');
  assert.ok(finding?.fix, 'a terminology finding with a fix');
  assert.equal(finding.fix.edits[0]!.newText, '中小企業');
});

describe('phrases within a block', () => {
  test('finds a vague commitment within a paragraph, not one made of two paragraphs', () => {
    const within = '# Plan\n\n## Measures\n\nFirms will act actively\npromote exports and quality.\n';
    assert.deepEqual(
      findingsOf(within, 'vague-commitment').map((f) => f.message.slice(0, 20)),
      ['"actively promote" c'],
    );
    // "actively" ends one paragraph and "promote" starts the next: no phrase of the draft says both.
    const across = '# Plan\n\n## Measures\n\nFirms will act actively\n\npromote exports and quality.\n';
    assert.ok(findingsOf(across, 'vague-commitment').every((f) => !/actively/.test(f.message)));
  });
});
