/**
 * What the CLI tests share: fixture trees written to a temporary folder (or held in memory), and
 * three ways to run the CLI on them: `main()` over the disk, `main()` over an in-memory file system,
 * and `node dist/cli.js` as a process. Output is made stable (no temporary paths, no version).
 */
import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { CliFileSystem, DirEntry, FileStat, FileWriter } from '../../project/fileSystem';
import { tooLarge } from '../../project/fsError';
import { VERSION } from '../../cli/help';
import { main } from '../../cli/main';

/** The repository: tests run from dist-test/cli. */
export const REPO = path.resolve(__dirname, '../..');
let spawnedCli: string | undefined;

/**
 * The built executable a spawned run starts: a copy of dist/'s CLI files in a folder of its own,
 * so that a build running at the same time (which empties dist/) cannot pull it away mid-test.
 */
export function cliPath(): string {
  if (!spawnedCli) {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'cpl-cli-bin-'));
    const names = ['cli.js', 'cli-main.js', 'cli-worker.js'];
    // Another build may be emptying dist/ at this moment (several people share a working tree):
    // wait for it to finish, up to a minute, rather than fail on a half-written folder.
    for (let tries = 0; tries < 300 && !names.every((n) => existsSync(path.join(REPO, 'dist', n))); tries++) {
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
    }
    for (const name of names) copyFileSync(path.join(REPO, 'dist', name), path.join(dir, name));
    spawnedCli = path.join(dir, 'cli.js');
    process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
  }
  return spawnedCli;
}

/**
 * A file's content; `{ symlinkTo }` makes a symbolic link, `{ unreadable }` a file that cannot be
 * read (in memory; a path ending in `/` with it, a folder that cannot be entered).
 */
export type FixtureFile = string | Uint8Array | { symlinkTo: string } | { unreadable: true };
/** A fixture tree: paths with `/` relative to its root. A path ending in `/` is an empty folder. */
export type Fixture = Record<string, FixtureFile>;

/** What one run gave. */
export interface RunOutput {
  code: number;
  stdout: string;
  stderr: string;
}

/** How a run starts. */
export interface RunRequest {
  args: string[];
  fixture: Fixture;
  /** The folder, relative to the fixture's root, to run in. */
  cwd?: string;
  stdin?: string | Uint8Array;
  env?: Record<string, string>;
}

/** Writes a fixture to a new temporary folder and returns its path. */
export function writeFixture(fixture: Fixture): string {
  const root = mkdtempSync(path.join(os.tmpdir(), 'cpl-cli-'));
  for (const [rel, content] of Object.entries(fixture)) {
    const file = path.join(root, rel);
    if (rel.endsWith('/')) {
      mkdirSync(file, { recursive: true });
      continue;
    }
    mkdirSync(path.dirname(file), { recursive: true });
    if (typeof content === 'string' || content instanceof Uint8Array) writeFileSync(file, content);
    else if ('symlinkTo' in content) symlinkSync(content.symlinkTo, file);
    else throw new Error('an unreadable file can only be made in memory (tests run as root, who reads everything)');
  }
  return root;
}

/** Removes a fixture folder. */
export function removeFixture(root: string): void {
  rmSync(root, { recursive: true, force: true });
}

/** Runs `main()` in this process over the disk (`root` given) or over memory. */
export async function runInProcess(request: RunRequest, root: string, fs?: CliFileSystem): Promise<RunOutput> {
  let stdout = '';
  let stderr = '';
  const code = await main({
    argv: request.args,
    cwd: path.join(root, request.cwd ?? ''),
    env: request.env ?? {},
    ...(request.stdin !== undefined ? { stdin: request.stdin } : {}),
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    isTTY: { stdout: false, stderr: false },
    ...(fs ? { fs } : {}),
    workerScript: null,
  });
  return { code, stdout, stderr };
}

/** Runs the built executable as a child process. */
export function runSpawned(request: RunRequest, root: string): RunOutput {
  const env: Record<string, string> = { PATH: process.env.PATH ?? '', ...request.env };
  const result = spawnSync(process.execPath, [cliPath(), ...request.args], {
    cwd: path.join(root, request.cwd ?? ''),
    env,
    input: request.stdin ?? '',
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/** Replaces what differs between machines and versions with placeholders. */
export function stabilize(text: string, root: string): string {
  const escaped = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return text
    .replace(new RegExp(escaped(root), 'g'), '<root>')
    .replace(new RegExp(`"version": "${escaped(VERSION)}"`, 'g'), '"version": "<version>"')
    .replace(new RegExp(`"semanticVersion": "${escaped(VERSION)}"`, 'g'), '"semanticVersion": "<version>"')
    .replace(new RegExp(`^${escaped(VERSION)}$`, 'gm'), '<version>');
}

/** The snapshot text of a run. */
export function snapshotText(output: RunOutput, root: string): string {
  return `exit ${output.code}\n--- stdout\n${stabilize(output.stdout, root)}--- stderr\n${stabilize(output.stderr, root)}`;
}

/** Compares with the committed snapshot, or writes it when UPDATE_SNAPSHOTS=1. */
export function matchSnapshot(
  name: string,
  actual: string,
): { ok: true } | { ok: false; expected: string | undefined; file: string } {
  const file = path.join(REPO, 'test', 'cli', 'snapshots', `${name}.txt`);
  if (process.env.UPDATE_SNAPSHOTS === '1') {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, actual);
    return { ok: true };
  }
  let expected: string | undefined;
  try {
    expected = readFileSync(file, 'utf8');
  } catch {
    expected = undefined;
  }
  return expected === actual ? { ok: true } : { ok: false, expected, file };
}

/** A file name from a behaviour sentence. */
export function slug(sentence: string): string {
  return sentence
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 80);
}

/**
 * A file system in memory, for running the CLI without a disk (as markdownlint-cli2's tests do).
 * It holds the same fixture; `{ unreadable: true }` files fail with EACCES as a protected file would.
 */
export class MemoryFileSystem implements CliFileSystem {
  private readonly files = new Map<string, FixtureFile>();
  private readonly folders = new Set<string>();
  private readonly protectedFolders = new Set<string>();
  readonly written = new Map<string, string>();

  constructor(
    readonly root: string,
    fixture: Fixture,
  ) {
    this.addFolder(root);
    for (const [rel, content] of Object.entries(fixture)) {
      const file = path.join(root, rel);
      if (rel.endsWith('/')) {
        this.addFolder(file);
        if (typeof content === 'object' && 'unreadable' in content) this.protectedFolders.add(file);
      } else {
        this.addFolder(path.dirname(file));
        this.files.set(file, content);
      }
    }
  }

  private addFolder(dir: string): void {
    for (let d = dir; !this.folders.has(d); d = path.dirname(d)) {
      this.folders.add(d);
      if (path.dirname(d) === d) break;
    }
  }

  /** Rejects, as the disk does, a look at a path below a folder that cannot be entered. */
  private checkAccess(p: string): void {
    for (let d = path.dirname(p); d !== path.dirname(d); d = path.dirname(d))
      if (this.protectedFolders.has(d)) throw Object.assign(new Error(`EACCES: ${p}`), { code: 'EACCES' });
  }

  private resolveLink(p: string): string | undefined {
    const content = this.files.get(p);
    if (content && typeof content === 'object' && 'symlinkTo' in content)
      return this.resolveLink(path.resolve(path.dirname(p), content.symlinkTo));
    return this.files.has(p) || this.folders.has(p) ? p : undefined;
  }

  async readFile(p: string, maxBytes = Infinity): Promise<Uint8Array> {
    this.checkAccess(p);
    const target = this.resolveLink(p);
    const content = target && this.files.get(target);
    if (content === undefined || target === undefined)
      throw Object.assign(new Error(`ENOENT: ${p}`), { code: this.folders.has(p) ? 'EISDIR' : 'ENOENT' });
    let bytes: Uint8Array;
    if (typeof content === 'string') bytes = new TextEncoder().encode(content);
    else if (content instanceof Uint8Array) bytes = content;
    else throw Object.assign(new Error(`EACCES: ${p}`), { code: 'EACCES' });
    if (bytes.length > maxBytes) throw tooLarge(p, maxBytes);
    return bytes;
  }

  async readdir(p: string): Promise<DirEntry[]> {
    this.checkAccess(path.join(p, 'x'));
    if (!this.folders.has(p)) throw Object.assign(new Error(`ENOENT: ${p}`), { code: 'ENOENT' });
    const names = new Map<string, DirEntry>();
    for (const f of this.files.keys()) {
      if (path.dirname(f) !== p) continue;
      const content = this.files.get(f);
      const link = typeof content === 'object' && content !== null && 'symlinkTo' in content;
      names.set(path.basename(f), { name: path.basename(f), isFile: !link, isDirectory: false, isSymbolicLink: link });
    }
    for (const d of this.folders) {
      if (d !== p && path.dirname(d) === p)
        names.set(path.basename(d), {
          name: path.basename(d),
          isFile: false,
          isDirectory: true,
          isSymbolicLink: false,
        });
    }
    return [...names.values()];
  }

  async stat(p: string): Promise<FileStat | undefined> {
    this.checkAccess(p);
    const target = this.resolveLink(p);
    if (target === undefined) return undefined;
    const content = this.files.get(target);
    const size =
      typeof content === 'string' ? Buffer.byteLength(content) : content instanceof Uint8Array ? content.length : 0;
    return { isFile: this.files.has(target), isDirectory: this.folders.has(target), size };
  }

  async realpath(p: string): Promise<string | undefined> {
    this.checkAccess(p);
    return this.resolveLink(p);
  }

  async writeFile(p: string, data: string): Promise<void> {
    this.written.set(p, data);
    this.addFolder(path.dirname(p));
    this.files.set(p, data);
  }

  /** How many pieces each file made with `createFile` was written in. */
  readonly pieces = new Map<string, number>();

  /** The file appears, whole, on `commit`, as it does on the disk. */
  async createFile(p: string): Promise<FileWriter> {
    if (this.folders.has(p)) throw Object.assign(new Error(`EISDIR: ${p}`), { code: 'EISDIR' });
    const parts: string[] = [];
    return {
      write: (text) => {
        if (!text) return;
        parts.push(text);
        this.pieces.set(p, parts.length);
      },
      commit: () => this.writeFile(p, parts.join('')),
      discard: async () => undefined,
    };
  }
}
