import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import YAML from 'yaml';
import { lint, loadPackText, patternHazard, readYamlText } from '../../engine';
import { HOSTILE, packOf } from '../support/hostile';

const PACK_YAML = path.resolve(__dirname, '../../packs/sme-cluster.yaml');

describe('workspace patterns that could backtrack without end', () => {
  for (const pattern of HOSTILE) {
    test(`refuses ${pattern} in either language, with a reason, at its line in the pack`, () => {
      for (const lang of ['en', 'zh'] as const) {
        const reason = patternHazard(pattern, lang);
        assert.ok(reason, `${pattern} (${lang}) passed`);
        assert.match(reason, /time/);
        const { problems } = loadPackText(packOf([pattern], 'hostile', [lang]), 'hostile.yaml');
        const refused = problems.find((p) => p.message === reason);
        assert.ok(refused, `the pack loader reports ${pattern}: ${problems.map((p) => p.message).join(' | ')}`);
        assert.equal(refused.range?.start.line, 14);
      }
    });
  }

  test('names what is wrong in each refusal', () => {
    assert.match(patternHazard('(a)\\1', 'en')!, /refers back to a group/);
    assert.match(patternHazard('(a+)+', 'en')!, /repeats a part that itself repeats/);
    assert.match(patternHazard('(a?)*', 'zh')!, /can match nothing/);
    assert.match(patternHazard('(ab|ac)+', 'zh')!, /alternatives that can begin with the same character/);
    assert.match(patternHazard('a.*b.*c', 'en')!, /two repetitions that can match the same text/);
    assert.match(patternHazard('[^。]*集群', 'zh')!, /begins with a repetition without a bound/);
    assert.match(patternHazard('a{1,5000}', 'en')!, /more than 1000 times/);
  });

  test('lets the shapes of real lexicons pass', () => {
    const safe: [string, 'en' | 'zh'][] = [
      ['collaborat\\w*', 'en'],
      ['new (\\w+ )?(\\w+ )?(products?|designs?)', 'en'],
      ['networking (events?)? (with|for) (government|investors)', 'en'],
      ['minister for [a-z, ]{0,40}skills', 'en'],
      ['\\d+(\\.\\d+)?%', 'en'],
      ['在[^。;]{0,20}用地等方面', 'zh'],
      ['政府(主导|引导)[^。;]{0,15}(企业|市场)[^。;]{0,15}(协同|联动)', 'zh'],
      ['^\\s*(?:[一二三四五六七八九十]+、)?\\s{0,8}目标\\s*$', 'zh'],
      ['(ab|cd)+e', 'en'],
      ['^.*工作$', 'zh'],
    ];
    for (const [pattern, lang] of safe) assert.equal(patternHazard(pattern, lang), undefined, pattern);
  });

  test('every pattern of the built-in pack passes the same check, so it may keep the native RegExp', () => {
    // The pack's YAML through the loader a user's pack goes through, with every check on.
    const { problems } = loadPackText(readFileSync(PACK_YAML, 'utf8'), 'sme-cluster.yaml');
    assert.deepEqual(
      problems.map((p) => `${(p.range?.start.line ?? -1) + 1}: ${p.message}`),
      [],
    );
  });

  test('a draft of long runs of any character lints in seconds with the built-in pack', () => {
    // Runs of the characters the built-in pack's repetitions take: letters, digits, hyphens,
    // spaces, commas, Chinese numerals and words, full-width spaces, and runs that alternate them.
    const runs: [string, string][] = [
      ['', 'a'],
      ['', '1'],
      ['', '-'],
      ['', ' '],
      ['', ','],
      ['', '一'],
      ['', '产'],
      ['', '\u3000'],
      ['', 'a-'],
      ['1 a', '-'],
      ['', '产业'],
      ['minister for', ' '],
      ['', '企业，'],
    ];
    const started = Date.now();
    for (const [prefix, unit] of runs) {
      const text = `# Plan\n\n## Key actions\n\n- ${prefix}${unit.repeat(Math.ceil(60_000 / unit.length))}\n`;
      lint(text);
    }
    // A bound for a shared, noisy machine: a quadratic pattern took minutes on one such run.
    assert.ok(Date.now() - started < 30_000, `${Date.now() - started} ms`);
  });
});

describe('reading a pack or configuration text', () => {
  test('reports an alias bomb as a problem of the text, never as a crash', () => {
    let text = 'a: &a [x, x, x, x, x, x, x, x, x]\n';
    for (let i = 0, prev = 'a'; i < 9; prev = `a${i}`, i++)
      text += `a${i}: &a${i} [${Array(9).fill(`*${prev}`).join(', ')}]\n`;
    const read = readYamlText(text);
    assert.equal(read.ok, false);
    if (!read.ok) assert.match(read.problems[0]!.message, /aliases/);
    assert.match(loadPackText(text, 'bomb.yaml').problems[0]!.message, /aliases/);
  });

  test('reports a text nested too deeply to read, never as a crash', () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    const read = readYamlText(deep);
    assert.equal(read.ok, false);
    assert.match(loadPackText(deep, 'deep.yaml').problems[0]!.message, /nested too deeply|more than a pack/);
  });

  test('words a syntax error itself and never quotes the file', () => {
    const secret = 'ghp_THIS_IS_NOT_A_REAL_TOKEN_1234567890';
    const texts = [
      `[remote "origin"]\n\turl = https://x-access-token:${secret}@github.com/o/r\n`,
      `key: "unclosed ${secret}\n`,
      `a: b\n  c: ${secret}\n`,
      `${secret}: [\n`,
      `- ${secret}\n- *nowhere\n`,
    ];
    for (const text of texts) {
      const { problems } = loadPackText(text, 'x.yaml');
      assert.ok(problems.length > 0, text);
      for (const p of problems) assert.ok(!p.message.includes('THIS_IS_NOT'), p.message);
    }
    // A text that parses, but is no pack: its values are described, never quoted.
    const parsed = YAML.stringify({ pack: secret, title: secret, elements: secret });
    for (const p of loadPackText(parsed, 'x.yaml').problems) assert.ok(!p.message.includes('THIS_IS_NOT'), p.message);
  });
});
