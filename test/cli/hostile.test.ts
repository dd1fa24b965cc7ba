/**
 * A hostile repository, as an attacker would write one for a CI run on a pull request: patterns
 * that backtrack without end, packs and drafts that reach for secrets, special files, huge tables,
 * broken YAML and JSON. Each case runs the built executable, as CI does, and asserts what the
 * person who runs it would notice: it finishes (in the issue's bounds), exits 0, 1 or 2, says what
 * is wrong with the file and line, and never prints what it must not read.
 */
import assert from 'node:assert/strict';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { LAKESIDE } from './fixtures';
import { GIT_CONFIG, HOSTILE, longWords, packOf, TOKEN } from '../support/hostile';
import { cliPath, removeFixture, writeFixture, type Fixture } from './harness';

const LONG_WORDS = longWords();

const SLOW_PACK = packOf(['产[^。]*业'], 'slow');
const SLOW_DRAFT = `# 规划\n\n${'产'.repeat(300_000)}\n`;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/** Runs the built executable in `cwd`, timing it; killed after two minutes whatever happens. */
function run(cwd: string, args: string[], env: Record<string, string> = {}, nodeArgs: string[] = []): Run {
  const started = Date.now();
  const result = spawnSync(process.execPath, [...nodeArgs, cliPath(), ...args], {
    cwd,
    env: { PATH: process.env.PATH ?? '', ...env },
    encoding: 'utf8',
    timeout: 120_000,
    killSignal: 'SIGKILL',
    maxBuffer: 256 * 1024 * 1024,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr, ms: Date.now() - started };
}

const roots: string[] = [];
function fixture(files: Fixture): string {
  const root = writeFixture({ '.git/': '', ...files });
  roots.push(root);
  return root;
}
after(() => roots.forEach(removeFixture));

describe('a hostile repository, linted by the CLI', () => {
  test('refuses each backtracking pattern of a workspace pack, naming the pack and line, in under 15 s', () => {
    const root = fixture({
      '.cluster-policy-lint.yaml': 'packs: ["packs/hostile.yaml"]\n',
      'packs/hostile.yaml': packOf(HOSTILE),
      'drafts/long-words.md': LONG_WORDS,
    });
    const out = run(root, ['drafts']);
    assert.ok(out.ms < 15_000, `${out.ms} ms`);
    assert.equal(out.code, 2, out.stderr);
    const refused = out.stderr.split('\n').filter((l) => /^packs\/hostile\.yaml:\d+:\d+: This pattern/.test(l));
    assert.equal(refused.length, HOSTILE.length * 2, out.stderr);
    // The draft is still linted, with what of the pack is usable.
    assert.match(out.stdout, /drafts\/long-words\.md/);
  });

  test('refuses a backtracking heading pattern in a configuration, naming its line', () => {
    const root = fixture({
      '.cluster-policy-lint.yaml': 'rules:\n  measure-owner:\n    headings: ["^Measures", "(a|aa)+$"]\n',
      'drafts/long-words.md': LONG_WORDS,
    });
    const out = run(root, ['drafts']);
    assert.equal(out.code, 2);
    assert.match(out.stderr, /^\.cluster-policy-lint\.yaml:3:\d+: This pattern repeats alternatives/m);
  });

  test('stops a draft whose check overruns --timeout, names the pack, and lints the next draft', () => {
    const root = fixture({
      '.cluster-policy-lint.yaml': 'packs: ["packs/slow.yaml"]\n',
      'packs/slow.yaml': SLOW_PACK,
      'drafts/a-slow.md': SLOW_DRAFT,
      'drafts/b-plan.md': LAKESIDE,
    });
    const out = run(root, ['--timeout', '2', '--format', 'json', 'drafts']);
    assert.ok(out.ms < 15_000, `${out.ms} ms`);
    assert.equal(out.code, 2);
    const report = JSON.parse(out.stdout) as { files: { path: string; error?: string; coverage?: unknown }[] };
    const [slow, plan] = report.files;
    assert.match(slow!.error!, /took longer than 2 s \(--timeout\) and was stopped.*packs\/slow\.yaml/);
    assert.ok(plan!.coverage, 'the next draft is linted');
  });

  test('puts nothing of .git/config, of a file outside the project or of the environment in any output', () => {
    const outside = mkdtempSync(path.join(os.tmpdir(), 'cpl-outside-'));
    roots.push(outside);
    writeFileSync(path.join(outside, 'pack.yaml'), `pack: ${TOKEN}\n`);
    const root = fixture({
      '.git/config': GIT_CONFIG,
      '.cluster-policy-lint.yaml': `packs:\n  - .git/config\n  - ../${path.basename(outside)}/pack.yaml\n  - /proc/self/environ\n`,
      'drafts/plan.md': LAKESIDE,
    });
    const env = { CI_SECRET: TOKEN };
    for (const args of [
      ['drafts'],
      ['--format', 'json', 'drafts'],
      ['--format', 'sarif', '-o', 'out.sarif', 'drafts'],
    ]) {
      const out = run(root, args, env);
      assert.equal(out.code, 2);
      const sarif = existsSync(path.join(root, 'out.sarif')) ? readFileSync(path.join(root, 'out.sarif'), 'utf8') : '';
      for (const text of [out.stdout, out.stderr, sarif]) assert.ok(!text.includes('FAKEtoken'), text.slice(0, 2000));
      assert.match(out.stderr, /:2:\d+: This pack is not read: it is inside a \.git folder/);
      assert.match(out.stderr, /:3:\d+: This pack is not read: it is outside the project/);
      assert.match(out.stderr, /:4:\d+: This pack is not read: it is outside the project/);
    }
  });

  test('skips a draft that links to .git/config or outside the project, with a note, and lints the rest', () => {
    const outside = mkdtempSync(path.join(os.tmpdir(), 'cpl-outside-'));
    roots.push(outside);
    writeFileSync(path.join(outside, 'secret.md'), `# Keys\n\nThe url is https://x-access-token:${TOKEN}@github.com\n`);
    const root = fixture({
      '.git/config': GIT_CONFIG,
      // A pack that would quote any sentence with "url" in it as evidence.
      '.cluster-policy-lint.yaml': 'packs: ["packs/word.yaml"]\n',
      'packs/word.yaml': packOf(['url']).replace('pack: hostile', 'pack: words'),
      'drafts/leak.md': { symlinkTo: '../.git/config' },
      'drafts/elsewhere.md': { symlinkTo: path.join(outside, 'secret.md') },
      'drafts/plan.md': LAKESIDE,
    });
    const out = run(root, ['--format', 'json', 'drafts', 'drafts/leak.md']);
    assert.ok(!out.stdout.includes('FAKEtoken') && !out.stderr.includes('FAKEtoken'));
    assert.match(out.stderr, /drafts\/leak\.md is not linted: it leads into a \.git folder/);
    assert.match(out.stderr, /drafts\/elsewhere\.md is not linted: it leads outside the project/);
    const report = JSON.parse(out.stdout) as { files: { path: string }[] };
    assert.deepEqual(
      report.files.map((f) => f.path),
      ['drafts/plan.md'],
    );
  });

  test('refuses special files named as packs or drafts without waiting on them', (t) => {
    const root = fixture({
      '.cluster-policy-lint.yaml': 'packs: ["packs/fifo.yaml"]\n',
      'other/.cluster-policy-lint.yaml': 'packs: ["../packs/zero.yaml"]\n',
      'other/plan.md': LAKESIDE,
      'packs/zero.yaml': { symlinkTo: '/dev/zero' },
      'drafts/plan.md': LAKESIDE,
    });
    if (spawnSync('mkfifo', [path.join(root, 'packs/fifo.yaml')]).status !== 0) return t.skip('no mkfifo here');
    execFileSync('mkfifo', [path.join(root, 'drafts/pipe.md')]);
    const fifo = run(root, ['drafts', 'drafts/pipe.md']);
    assert.ok(fifo.ms < 15_000, `${fifo.ms} ms`);
    assert.equal(fifo.code, 2);
    assert.match(fifo.stderr, /packs\/fifo\.yaml: The rule pack cannot be read: it is not a regular file/);
    assert.match(fifo.stdout, /drafts\/pipe\.md[\s\S]*not a file or folder that can be read/);
    const zero = run(root, ['other']);
    assert.ok(zero.ms < 15_000, `${zero.ms} ms`);
    assert.equal(zero.code, 2);
    assert.match(
      zero.stderr,
      /other\/\.cluster-policy-lint\.yaml:1:\d+: This pack is not read: it leads outside the project/,
    );
  });

  test('reports an alias bomb and a deeply nested configuration with the file, never as an internal error', () => {
    let bomb = 'a: &a [x, x, x, x, x, x, x, x, x]\n';
    for (let i = 0, prev = 'a'; i < 9; prev = `a${i}`, i++)
      bomb += `a${i}: &a${i} [${Array(9).fill(`*${prev}`).join(', ')}]\n`;
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    for (const [name, text] of [
      ['.cluster-policy-lint.yaml', bomb],
      ['.cluster-policy-lint.json', deep],
      ['.cluster-policy-lint.yml', deep],
    ]) {
      const root = fixture({ [name!]: text!, 'drafts/plan.md': LAKESIDE });
      const out = run(root, ['drafts']);
      assert.equal(out.code, 2, name);
      assert.ok(!/internal error| {4}at /.test(out.stderr), out.stderr);
      assert.match(
        out.stderr,
        new RegExp(`^${name!.replace(/\./g, '\\.')}(:\\d+:\\d+)?: .*(nested too deeply|aliases)`, 'm'),
      );
    }
    const root = fixture({
      '.cluster-policy-lint.yaml': 'packs: ["bomb.yaml"]\n',
      'bomb.yaml': bomb,
      'drafts/plan.md': LAKESIDE,
    });
    const out = run(root, ['drafts']);
    assert.equal(out.code, 2);
    assert.match(out.stderr, /^bomb\.yaml:\d+:\d+: This pack is not valid YAML or JSON\. .*aliases/m);
  });

  test('lints a 20 MB table and a 10 MB line to a clean exit, under 1 GB of memory', () => {
    const rows = ['# Plan', '', '## Key actions', '', '| Measure | Lead | Deadline | Target |', '|---|---|---|---|'];
    // 20 MB, just under the draft size limit (20 MiB): it is linted, not refused.
    for (let i = 0, size = 0; size < 20_000_000; i++) {
      const row = `| Build a shared testing centre for firms ${i} | County council | 2027 | ${i} firms served |`;
      rows.push(row);
      size += row.length + 1;
    }
    const root = fixture({
      'drafts/table.md': `${rows.join('\n')}\n`,
      'drafts/line.md': `# Plan\n\n${'The county will support firms and build infrastructure '.repeat(190_000)}\n`,
    });
    // The process's own peak, taken as it exits (workers are threads of it).
    writeFileSync(
      path.join(root, 'peak.js'),
      "process.on('exit', () => require('fs').writeFileSync(__dirname + '/peak.txt', String(process.resourceUsage().maxRSS)));\n",
    );
    const out = run(root, ['--format', 'json', '-o', 'out.json', 'drafts'], {}, [
      '--require',
      path.join(root, 'peak.js'),
    ]);
    assert.ok([0, 1, 2].includes(out.code!), `exit ${out.code}: ${out.stderr}`);
    const peakKb = Number(readFileSync(path.join(root, 'peak.txt'), 'utf8'));
    assert.ok(peakKb < 1024 * 1024, `${Math.round(peakKb / 1024)} MB`);
    const report = JSON.parse(readFileSync(path.join(root, 'out.json'), 'utf8')) as {
      files: { path: string; coverage?: { elements: { facets: { evidence: { text: string }[] }[] }[] } }[];
    };
    assert.equal(report.files.length, 2);
    for (const file of report.files) assert.ok(file.coverage, `${file.path} is linted`);
    // Evidence quotes a few hundred characters of a passage, not the whole 10 MB line.
    for (const file of report.files)
      for (const e of file.coverage?.elements ?? [])
        for (const f of e.facets) for (const x of f.evidence) assert.ok(x.text.length <= 300, `${x.text.length}`);
  });

  test('reports a draft over --max-size as not linted, lints the others, and exits 2', () => {
    const root = fixture({
      'drafts/big.md': `# Plan\n\n${'The county will build a testing centre. '.repeat(60_000)}\n`,
      'drafts/plan.md': LAKESIDE,
    });
    const out = run(root, ['--max-size', '1', '--format', 'json', 'drafts']);
    assert.equal(out.code, 2);
    const report = JSON.parse(out.stdout) as { files: { path: string; error?: string; coverage?: unknown }[] };
    assert.match(report.files[0]!.error!, /larger than 1 MB, the limit \(--max-size\)/);
    assert.ok(report.files[1]!.coverage);
  });

  test('stops within 3 s of SIGTERM mid-lint, keeps the old --output file and leaves no temporary file', async () => {
    const root = fixture({
      '.cluster-policy-lint.yaml': 'packs: ["packs/slow.yaml"]\n',
      'packs/slow.yaml': SLOW_PACK,
      'drafts/slow.md': SLOW_DRAFT,
      'out.json': 'the report of the last run\n',
    });
    const child = spawn(
      process.execPath,
      [cliPath(), '--timeout', '600', '--format', 'json', '-o', 'out.json', 'drafts'],
      {
        cwd: root,
        stdio: 'ignore',
      },
    );
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      // The temporary report appears once the drafts are found; the lint starts right after.
      const temporary = () => readdirSync(root).filter((n) => n.endsWith('.tmp'));
      for (const until = Date.now() + 20_000; temporary().length === 0 && Date.now() < until;)
        await new Promise((r) => setTimeout(r, 50));
      assert.equal(temporary().length, 1, 'the run had started its report');
      await new Promise((r) => setTimeout(r, 1000));
      const sent = Date.now();
      child.kill('SIGTERM');
      const code = await exited;
      assert.ok(Date.now() - sent < 3000, `${Date.now() - sent} ms`);
      assert.equal(code, 143);
      assert.equal(readFileSync(path.join(root, 'out.json'), 'utf8'), 'the report of the last run\n');
      assert.deepEqual(temporary(), []);
    } finally {
      child.kill('SIGKILL');
    }
  });

  test('removes the temporary report a killed run left, and keeps a running one’s', () => {
    const root = fixture({ 'drafts/plan.md': LAKESIDE });
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    const stale = `.out.json.${gone.stdout}-0123abcd.tmp`;
    const running = `.out.json.${process.pid}-4567cdef.tmp`;
    writeFileSync(path.join(root, stale), 'half a report');
    writeFileSync(path.join(root, running), 'half a report');
    const out = run(root, ['--format', 'json', '-o', 'out.json', 'drafts']);
    assert.equal(out.code, 0, out.stderr);
    assert.ok(!existsSync(path.join(root, stale)), 'the killed run’s file is removed');
    assert.ok(existsSync(path.join(root, running)), 'a running run’s file is kept');
  });

  test('says "permission denied" for a draft in a folder it may not enter', (t) => {
    const root = fixture({ 'secret/plan.md': LAKESIDE, 'drafts/plan.md': LAKESIDE });
    chmodSync(path.join(root, 'secret'), 0o000);
    // Root reads everything: run as nobody then, with the fixture and the executable open to all.
    const asRoot = process.getuid?.() === 0;
    if (asRoot) {
      for (let d = root; d !== path.dirname(d) && d !== os.tmpdir(); d = path.dirname(d)) chmodSync(d, 0o755);
      chmodSync(path.dirname(cliPath()), 0o755);
    }
    const result = spawnSync(process.execPath, [cliPath(), 'secret/plan.md', 'drafts'], {
      cwd: root,
      encoding: 'utf8',
      timeout: 60_000,
      ...(asRoot ? { uid: 65534, gid: 65534 } : {}),
    });
    chmodSync(path.join(root, 'secret'), 0o755);
    if (result.error) return t.skip(`cannot run as another user here: ${result.error.message}`);
    assert.equal(result.status, 2, result.stderr);
    assert.match(result.stdout, /secret\/plan\.md[\s\S]*permission denied/);
    assert.doesNotMatch(result.stdout, /no such file/);
  });
});
