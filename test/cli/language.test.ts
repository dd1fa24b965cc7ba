import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { main } from '../../cli/main';
import { LAKESIDE, QINGXI, project } from './fixtures';
import { MemoryFileSystem, type Fixture } from './harness';

const ROOT = '/cluster-policy-lint-memory/language';

/** Runs main() over memory, with no locale unless the test gives one. */
async function run(args: string[], fixture: Fixture = project(), env: Record<string, string> = {}) {
  const fs = new MemoryFileSystem(ROOT, fixture);
  let stdout = '';
  let stderr = '';
  const code = await main({
    argv: args,
    cwd: ROOT,
    env,
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    fs,
    workerScript: null,
  });
  return { code, stdout, stderr, fs };
}

const HAN = /[\u4e00-\u9fff]/;

describe("the command line's own words follow the drafts", () => {
  test('a Chinese draft gets its coverage line and the summary in Chinese', async () => {
    const { stdout } = await run(['--no-color', 'drafts/zh/qingxi.md']);
    assert.match(
      stdout,
      /^ {2}覆盖率 \d+% · 软环境 \d\/3 个层次(（\d 个部分覆盖）)? · 各组 A \d\/4，B \d\/3，C \d\/4，D \d\/4$/m,
    );
    assert.match(stdout, /^✖ 1 个文件中有 \d+ 个问题（0 个错误，\d+ 个警告，\d+ 条信息，0 条提示）$/m);
    assert.doesNotMatch(stdout, /coverage|problems/);
  });

  test('an English draft keeps English, and a run of both speaks the language most drafts are in', async () => {
    const english = await run(['--no-color', 'drafts/lakeside.md']);
    assert.match(english.stdout, /^ {2}coverage \d+% · soft environment/m);
    assert.match(english.stdout, /^✖ \d+ problems \(/m);
    const both = await run(['--no-color', 'drafts'], project({ 'drafts/zh/second.md': QINGXI }));
    assert.match(both.stdout, /^ {2}coverage \d+%/m, "the English draft's own line stays English");
    assert.match(both.stdout, /^ {2}覆盖率 \d+%/m);
    assert.match(both.stdout, /^✖ 3 个文件中有/m, 'two of the three drafts are Chinese');
  });

  test("a configuration's language and --lang decide, --lang last", async () => {
    const configured = project({ '.cluster-policy-lint.yaml': 'language: zh\n' });
    const zh = await run(['--no-color', 'drafts/lakeside.md'], configured);
    assert.match(zh.stdout, /^ {2}覆盖率 \d+%/m);
    assert.match(zh.stdout, /^✖ 1 个文件中有/m);
    const en = await run(['--no-color', '--lang', 'en', 'drafts/lakeside.md'], configured);
    assert.match(en.stdout, /^ {2}coverage \d+%/m);
    assert.doesNotMatch(en.stdout, HAN, 'messages follow --lang too');
    const zhFlag = await run(['--no-color', '--lang=zh', 'drafts/lakeside.md']);
    assert.match(zhFlag.stdout, /^✖ 1 个文件中有/m);
  });

  test('the HTML report of a mixed run follows the configured language', async () => {
    const fixture = project({ '.cluster-policy-lint.yaml': 'language: zh\n', 'drafts/second.md': LAKESIDE });
    const { stdout } = await run(['--format', 'html', 'drafts'], fixture);
    assert.match(stdout, /<html lang="zh">/);
    const english = await run(['--format', 'html', '--lang', 'en', 'drafts'], fixture);
    assert.match(english.stdout, /<html lang="en">/);
  });

  test('refuses a language it does not know', async () => {
    const { code, stderr } = await run(['--lang', 'fr']);
    assert.equal(code, 2);
    assert.match(stderr, /Unknown language "fr" for --lang; use auto, en or zh/);
  });
});

describe('help, the rule list and the starter configuration in Chinese', () => {
  test('--help explains the coverage line, in English or, by --lang or the locale, in Chinese', async () => {
    const en = await run(['--help']);
    assert.match(en.stdout, /The coverage line under each draft/);
    assert.match(en.stdout, /A the regional innovation environment, B networks and collective action/);
    const zh = await run(['--help', '--lang', 'zh']);
    assert.match(zh.stdout, /^用法：cluster-policy-lint/);
    assert.match(zh.stdout, /每份草案下方的覆盖情况行/);
    assert.match(zh.stdout, /A 区域创新环境，B 网络与联合行动/);
    assert.equal((await run(['--help'], project(), { LANG: 'zh_CN.UTF-8' })).stdout, zh.stdout);
  });

  test('--list-rules in Chinese keeps the ids and severities a configuration uses', async () => {
    const { stdout } = await run(['--list-rules', '--lang', 'zh']);
    const lines = stdout.trimEnd().split('\n');
    assert.match(lines[0]!, /^规则\s+类别\s+严重程度\s+论文出处\s+标题$/);
    assert.match(stdout, /^hard-environment\s+覆盖要素\s+warning\s+.*硬环境$/m);
    assert.match(stdout, /^measure-owner\s+起草规则\s+warning\s+/m);
    const configured = await run(['--list-rules'], project({ '.cluster-policy-lint.yaml': 'language: zh\n' }));
    assert.equal(configured.stdout, stdout);
  });

  test('--init writes a starter configuration commented in Chinese', async () => {
    const { code, stdout, fs } = await run(['--init', '--lang', 'zh']);
    assert.equal(code, 0);
    assert.match(stdout, /^已写入 \.cluster-policy-lint\.yaml/);
    const written = fs.written.get(`${ROOT}/.cluster-policy-lint.yaml`) ?? '';
    assert.match(written, /^# Cluster Policy Lint 配置文件/);
    assert.match(written, /# hard-environment: +warning +# 覆盖要素: 硬环境/);
  });
});
