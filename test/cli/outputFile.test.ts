/**
 * `--output FILE`: the report is written as it grows, like standard output, and FILE appears only
 * whole. Over the disk where the disk's behaviour is the point, over memory where main's is.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { chmodSync, lstatSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { nodeFileSystem, type FileWriter } from '../../project/fileSystem';
import { main } from '../../cli/main';
import { LAKESIDE, project } from './fixtures';
import { cliPath, MemoryFileSystem, removeFixture, runInProcess, writeFixture } from './harness';

const ROOT = '/cluster-policy-lint-memory/output-file';

/** Runs main() over memory with the given file system. */
async function runInMemory(args: string[], fs: MemoryFileSystem) {
  let stdout = '';
  let stderr = '';
  const code = await main({
    argv: args,
    cwd: ROOT,
    env: {},
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    isTTY: { stdout: false, stderr: false },
    fs,
    workerScript: null,
  });
  return { code, stdout, stderr };
}

test('writes the -o report draft by draft, the same text standard output gets', async () => {
  const fs = new MemoryFileSystem(ROOT, project());
  const toFile = await runInMemory(['--format', 'json', '-o', 'lint.json', 'drafts'], fs);
  const toStdout = await runInMemory(['--format', 'json', 'drafts'], new MemoryFileSystem(ROOT, project()));
  assert.equal(toFile.code, 0);
  const file = path.join(ROOT, 'lint.json');
  assert.equal(fs.written.get(file), toStdout.stdout);
  // Written as it grew (its start, each draft, its end), not made whole in memory first: a run over
  // 2,000 drafts held 490 MB that way, against 125 MB streamed.
  assert.ok(fs.pieces.get(file)! >= 4, `written in ${fs.pieces.get(file)} pieces`);
});

test('says why the report cannot be written, and leaves the file as it was', async () => {
  class FullDisk extends MemoryFileSystem {
    override async createFile(p: string): Promise<FileWriter> {
      const writer = await super.createFile(p);
      return { ...writer, commit: async () => Promise.reject(Object.assign(new Error('ENOSPC'), { code: 'ENOSPC' })) };
    }
  }
  const fs = new FullDisk(ROOT, project({ 'lint.json': 'the report of yesterday' }));
  const { code, stderr } = await runInMemory(['--format', 'json', '-o', 'lint.json', 'drafts'], fs);
  assert.equal(code, 2);
  assert.equal(stderr, 'cluster-policy-lint: the report cannot be written to lint.json: the disk is full.\n');
  assert.equal(new TextDecoder().decode(await fs.readFile(path.join(ROOT, 'lint.json'))), 'the report of yesterday');
});

test('replaces a report through its link, keeping who may read it, and leaves nothing beside it', async () => {
  const root = writeFixture(
    project({ 'reports/lint.json': 'the report of yesterday', 'latest.json': { symlinkTo: 'reports/lint.json' } }),
  );
  try {
    chmodSync(path.join(root, 'reports/lint.json'), 0o640);
    const { code, stdout } = await runInProcess(
      { args: ['--format', 'json', '-o', 'latest.json', 'drafts'], fixture: {} },
      root,
    );
    assert.equal(code, 0);
    assert.equal(stdout, '');
    assert.ok(lstatSync(path.join(root, 'latest.json')).isSymbolicLink(), 'the link is still a link');
    const report = JSON.parse(readFileSync(path.join(root, 'reports/lint.json'), 'utf8')) as {
      summary: { files: number };
    };
    assert.equal(report.summary.files, 2);
    assert.equal(statSync(path.join(root, 'reports/lint.json')).mode & 0o777, 0o640);
    assert.deepEqual(readdirSync(path.join(root, 'reports')), ['lint.json']);
  } finally {
    removeFixture(root);
  }
});

test('writes a new report into folders it makes, and into /dev/null without replacing it', async () => {
  const root = writeFixture(project());
  try {
    const made = await runInProcess(
      { args: ['--format', 'github', '-o', 'out/ci/lint.txt', 'drafts'], fixture: {} },
      root,
    );
    assert.equal(made.code, 0);
    assert.match(readFileSync(path.join(root, 'out/ci/lint.txt'), 'utf8'), /^::warning file=drafts\/lakeside\.md,/m);
    assert.deepEqual(readdirSync(path.join(root, 'out/ci')), ['lint.txt']);
    const discarded = await runInProcess(
      { args: ['--format', 'json', '-o', '/dev/null', 'drafts'], fixture: {} },
      root,
    );
    assert.equal(discarded.code, 0);
    assert.ok(statSync('/dev/null').isCharacterDevice(), '/dev/null is still the device');
  } finally {
    removeFixture(root);
  }
});

test('a failed write is reported in plain words (/dev/full, where every write finds the disk full)', async () => {
  const root = writeFixture(project());
  try {
    const { code, stderr } = await runInProcess(
      { args: ['--format', 'json', '-o', '/dev/full', 'drafts'], fixture: {} },
      root,
    );
    assert.equal(code, 2);
    assert.equal(stderr, 'cluster-policy-lint: the report cannot be written to /dev/full: the disk is full.\n');
  } finally {
    removeFixture(root);
  }
});

test('a report dropped before it is whole leaves the file as it was', async () => {
  const root = writeFixture({ 'lint.json': 'the report of yesterday' });
  try {
    const file = await nodeFileSystem.createFile(path.join(root, 'lint.json'));
    file.write('{ "tool": ');
    await file.discard();
    assert.equal(readFileSync(path.join(root, 'lint.json'), 'utf8'), 'the report of yesterday');
    assert.deepEqual(readdirSync(root), ['lint.json']);
  } finally {
    removeFixture(root);
  }
});

test('an interrupted run leaves no half report behind', async () => {
  // Enough drafts that the run is still linting when it is interrupted.
  const drafts: Record<string, string> = {};
  for (let i = 0; i < 400; i++) drafts[`drafts/plan-${String(i).padStart(3, '0')}.md`] = LAKESIDE.repeat(8);
  const root = writeFixture({ 'reports/lint.json': 'the report of yesterday', ...drafts });
  try {
    const child = spawn(process.execPath, [cliPath(), '--format', 'json', '-o', 'reports/lint.json', 'drafts'], {
      cwd: root,
      stdio: 'ignore',
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    // Interrupted once the report has begun beside the old one.
    const deadline = Date.now() + 15_000;
    while (readdirSync(path.join(root, 'reports')).length < 2 && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 5));
    assert.equal(readdirSync(path.join(root, 'reports')).length, 2, 'the new report was begun beside the old one');
    child.kill('SIGINT');
    assert.equal(await exited, 130);
    assert.deepEqual(readdirSync(path.join(root, 'reports')), ['lint.json']);
    assert.equal(readFileSync(path.join(root, 'reports/lint.json'), 'utf8'), 'the report of yesterday');
  } finally {
    removeFixture(root);
  }
});
