import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { detectLanguage, lint } from '../../engine';

describe('lint', () => {
  test('detects English, Chinese (simplified and traditional) and mixed drafts', () => {
    assert.equal(lint('# Plan\n\nWe will upgrade the freight rail spur by 2028.\n').language, 'en');
    assert.equal(lint('# 规划\n\n到2028年，建成检测中心。符合WTO规则。\n').language, 'zh');
    assert.equal(lint('# 規劃\n\n推動產業鏈升級，建設檢測中心。\n').language, 'zh');
    const mixed = detectLanguage(
      'The county will build a testing centre. 县政府将建设检测中心，推动产业升级和品牌建设。',
    );
    assert.equal(mixed.language, 'mixed');
  });

  test("writes messages in the draft's language unless told otherwise", () => {
    const zh = lint('# 青溪县陶瓷产业集群发展规划\n\n加强管理。\n');
    assert.ok(zh.findings.length > 0);
    assert.equal(zh.messageLanguage, 'zh');
    assert.ok(
      zh.findings.every((f) => /[\u4e00-\u9fff]/.test(f.message)),
      'Chinese messages',
    );
    const en = lint('# 青溪县陶瓷产业集群发展规划\n\n加强管理。\n', { messageLanguage: 'en' });
    assert.equal(en.messageLanguage, 'en');
    assert.ok(en.findings.some((f) => /^The draft/.test(f.message)));
  });

  test('never throws, whatever the input', () => {
    const inputs = [
      '',
      '\u0000\u0001\uFFFF',
      '\r\r\r',
      '#'.repeat(10000),
      '<!--',
      '```',
      '| a |\n|',
      '\uD800 lone surrogate',
      '---\n---\n',
    ];
    let seed = 7;
    for (let n = 0; n < 200; n++) {
      let s = '';
      for (let i = 0; i < 200; i++) {
        seed = (seed * 1103515245 + 12345) % 2147483648;
        s += '#-*>|`<!-\n 第条一、（）。测试 rail freight'[seed % 44];
      }
      inputs.push(s);
    }
    for (const input of inputs) {
      const result = lint(input);
      assert.ok(result.coverage.score >= 0 && result.coverage.score <= 1);
      for (const f of result.findings) assert.ok(f.span.start <= f.span.end && f.span.end <= input.length);
    }
  });

  test('gives the same result for the same text and options', () => {
    const text =
      '# Plan\n\n## Measures\n\n- Actively promote cooperation.\n- Build a testing centre by 2028 (Lead: County Bureau).\n';
    assert.deepEqual(JSON.stringify(lint(text).findings), JSON.stringify(lint(text).findings));
  });

  test('reports an unknown rule in the options instead of failing', () => {
    const result = lint('# Plan\n', { rules: { 'no-such-rule': 'off' } });
    assert.equal(result.problems.length, 1);
    assert.match(result.problems[0]!.message, /no-such-rule/);
  });

  test('turns an element off by configuration and by an inline directive, not missing', () => {
    const byConfig = lint('# Plan\n\nText.\n', { rules: { 'hard-environment': 'off' } });
    assert.equal(byConfig.coverage.elements.find((e) => e.id === 'hard-environment')?.status, 'off');
    assert.ok(!byConfig.findings.some((f) => f.ruleId === 'hard-environment'));
    const byDirective = lint('# Plan\n\n<!-- cluster-policy-lint-disable-file hard-environment -->\n\nText.\n');
    assert.equal(byDirective.coverage.elements.find((e) => e.id === 'hard-environment')?.status, 'off');
  });

  test('suppresses a finding on the line a disable-line or disable-next-line directive names', () => {
    const text =
      '# Plan\n\n## Measures\n\n<!-- cluster-policy-lint-disable-next-line measure-owner -->\n- Build a testing centre by 2028.\n- Build a second centre by 2029.\n';
    const owners = lint(text)
      .findings.filter((f) => f.ruleId === 'measure-owner')
      .map((f) => f.range.start.line);
    assert.deepEqual(owners, [6]);
  });

  test('scores coverage as covered plus half of partial over the elements that are not off', () => {
    const result = lint('# Plan\n\nText.\n');
    const active = result.coverage.elements.filter((e) => e.status !== 'off');
    const expected =
      (active.filter((e) => e.status === 'covered').length + active.filter((e) => e.status === 'partial').length / 2) /
      active.length;
    assert.equal(result.coverage.score, Math.round(expected * 10000) / 10000);
  });
});
