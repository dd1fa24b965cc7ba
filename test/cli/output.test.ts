import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { main } from '../../cli/main';
import { project } from './fixtures';
import { MemoryFileSystem } from './harness';

const ROOT = '/cluster-policy-lint-memory/output';

/** Runs main() over memory with terminal flags and environment of the test's choosing. */
async function run(args: string[], options: { tty?: boolean; env?: Record<string, string> } = {}) {
  const fs = new MemoryFileSystem(ROOT, project());
  let stdout = '';
  let stderr = '';
  const code = await main({
    argv: args,
    cwd: ROOT,
    env: options.env ?? {},
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    isTTY: { stdout: options.tty ?? false, stderr: options.tty ?? false },
    fs,
    workerScript: null,
  });
  return { code, stdout, stderr, fs };
}

const ANSI = /\u001b\[\d+m/;

test('colours stylish output on a terminal and nowhere else', async () => {
  assert.match((await run(['drafts'], { tty: true })).stdout, ANSI);
  assert.doesNotMatch((await run(['drafts'])).stdout, ANSI);
});

test('turns colour off for NO_COLOR and --no-color, and on for --color', async () => {
  assert.doesNotMatch((await run(['drafts'], { tty: true, env: { NO_COLOR: '1' } })).stdout, ANSI);
  assert.doesNotMatch((await run(['--no-color', 'drafts'], { tty: true })).stdout, ANSI);
  assert.match((await run(['--color', 'drafts'])).stdout, ANSI);
});

test('shows a progress line on standard error only when it is a terminal, and clears it', async () => {
  const tty = await run(['drafts'], { tty: true });
  assert.match(tty.stderr, /Linting 2\/2 drafts/);
  assert.ok(tty.stderr.endsWith('\r\u001b[K'), 'the line is cleared');
  assert.equal((await run(['drafts'])).stderr, '');
});

test('writes the report to the file given by -o and nothing to standard output', async () => {
  const { code, stdout, fs } = await run(['--format', 'json', '-o', 'reports/lint.json', 'drafts']);
  assert.equal(code, 0);
  assert.equal(stdout, '');
  const written = fs.written.get(path.join(ROOT, 'reports', 'lint.json'));
  assert.ok(written);
  assert.equal((JSON.parse(written) as { summary: { files: number } }).summary.files, 2);
});

test('writes the self-contained HTML coverage report with every linted draft', async () => {
  const { code, fs } = await run(['--format', 'html', '-o', 'coverage.html', 'drafts']);
  assert.equal(code, 0);
  const html = fs.written.get(path.join(ROOT, 'coverage.html'))!;
  assert.match(html, /^<!doctype html>/);
  // The page may break paths after a slash (<wbr>); the names themselves are there.
  const text = html.replace(/<wbr>/g, '');
  assert.ok(text.includes('drafts/lakeside.md') && text.includes('drafts/zh/qingxi.md'));
});

test('prints the rules as data with --list-rules --format json', async () => {
  const { code, stdout } = await run(['--list-rules', '--format', 'json']);
  assert.equal(code, 0);
  const rules = JSON.parse(stdout) as { id: string; kind: string; severity: string }[];
  assert.ok(rules.some((r) => r.id === 'measure-owner' && r.kind === 'drafting'));
  assert.ok(rules.some((r) => r.kind === 'coverage'));
});

test('counts warnings hidden by --quiet against --max-warnings, so --quiet cannot pass a gate', async () => {
  const { code, stdout, stderr } = await run(['--quiet', '--max-warnings', '0', '--format', 'json', 'drafts']);
  assert.equal(code, 1);
  assert.equal((JSON.parse(stdout) as { summary: { warnings: number } }).summary.warnings, 0);
  assert.match(stderr, /hidden by --quiet/);
});
