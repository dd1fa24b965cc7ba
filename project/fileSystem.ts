import { randomBytes } from 'node:crypto';
import {
  closeSync,
  constants,
  fchmodSync,
  fstatSync,
  openSync,
  promises as nodeFs,
  readSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import path from 'node:path';
import { notRegular, tooLarge } from './fsError';

/**
 * The little of a file system that finding drafts, configuration and packs reads. The language
 * server reads the disk through it too (`syncFileSystem.ts`, by way of `server/nodeFiles.ts`).
 */
export interface ReadableFileSystem {
  /**
   * The bytes of a regular file; rejects with a Node-style error (`code`: ENOENT, EACCES, EISDIR
   * …), with `ENOTREG` for a device, a pipe or a socket (never read: its bytes may never end, or
   * never come), and with `EFBIG` when the file holds more than `maxBytes` (see `tooLarge`).
   */
  readFile(path: string, maxBytes?: number): Promise<Uint8Array>;
  /** The entries of a folder, without `.` and `..`. */
  readdir(path: string): Promise<DirEntry[]>;
  /**
   * What is at a path (following symbolic links), or undefined when nothing is there. Rejects
   * when the path cannot be looked at (EACCES on a folder on the way), so that a protected file is
   * not reported as missing.
   */
  stat(path: string): Promise<FileStat | undefined>;
  /** The path with every symbolic link resolved, or undefined when nothing is there. */
  realpath(path: string): Promise<string | undefined>;
}

/** What `ReadableFileSystem.stat` tells of a path. */
export interface FileStat {
  isFile: boolean;
  isDirectory: boolean;
  /** The size in bytes, where the file system tells it. */
  size?: number;
}

/**
 * Reads a regular file, at most `maxBytes` of it. The file is opened without blocking, so a named
 * pipe (whose open would wait for a writer) is seen for what it is, and refused like a device: a
 * repository may put either where a draft, a configuration or a pack is expected. A file that
 * grows past the limit while it is read is refused too.
 */
export function readRegularFileSync(file: string, maxBytes = Infinity): Buffer {
  const fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) throw Object.assign(new Error(`EISDIR: ${file}`), { code: 'EISDIR' });
    if (!stat.isFile()) throw notRegular(file);
    if (stat.size > maxBytes) throw tooLarge(file, maxBytes);
    // Files in /proc and the like say they are empty and are not: read until the end, in steps.
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.max(65536, Math.min(stat.size - total + 1, maxBytes - total + 1, 1 << 24)));
      const n = readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      total += n;
      if (total > maxBytes) throw tooLarge(file, maxBytes);
      chunks.push(n === chunk.length ? chunk : chunk.subarray(0, n));
    }
    return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, total);
  } finally {
    closeSync(fd);
  }
}

/** `fs.stat` as `ReadableFileSystem.stat` answers: undefined for nothing there, a rejection when it cannot look. */
export function statAnswer(
  stat: { isFile(): boolean; isDirectory(): boolean; size: number } | undefined,
): FileStat | undefined {
  return stat && { isFile: stat.isFile(), isDirectory: stat.isDirectory(), size: stat.isFile() ? stat.size : 0 };
}

/** Whether a failed look at a path means that nothing is there (rather than that it cannot be looked at). */
export function isMissing(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'ENOENT' || code === 'ENOTDIR' || code === 'ELOOP' || code === 'ENAMETOOLONG';
}

/**
 * The little of a file system the CLI uses: reads, and the files it writes (`--init`'s
 * configuration, `--output`'s report). `main` takes one so that tests can run the CLI over an
 * in-memory tree; the default is the real disk.
 */
export interface CliFileSystem extends ReadableFileSystem {
  /** Creates or replaces a file, creating its folder when needed. */
  writeFile(path: string, data: string): Promise<void>;
  /**
   * Starts a file that is written piece by piece and appears only whole: the pieces go to a new
   * file beside it, which `commit` renames over it, so a run that stops half-way leaves the file
   * as it was. A path that is not a regular file (`/dev/null`, a named pipe) cannot be replaced
   * and is written directly. Creates the file's folder when needed.
   */
  createFile(path: string): Promise<FileWriter>;
}

/** A file being written piece by piece (`CliFileSystem.createFile`). */
export interface FileWriter {
  /** Appends text, in call order. A failed write is kept for `commit`, and later ones are dropped. */
  write(text: string): void;
  /** Puts the file in place; rejects with the first failed write's error, leaving the file as it was. */
  commit(): Promise<void>;
  /** Drops what was written and leaves the file as it was. */
  discard(): Promise<void>;
}

/** One folder entry. */
export interface DirEntry {
  name: string;
  isFile: boolean;
  isDirectory: boolean;
  isSymbolicLink: boolean;
}

/** The real disk. */
export const nodeFileSystem: CliFileSystem = {
  readFile(p, maxBytes) {
    // Synchronous: the files are small or limited, and a read through the thread pool would wait
    // there for good on a file that never ends.
    try {
      return Promise.resolve(readRegularFileSync(p, maxBytes));
    } catch (error) {
      return Promise.reject(error);
    }
  },
  async readdir(p) {
    const entries = await nodeFs.readdir(p, { withFileTypes: true });
    return entries.map((e) => ({
      name: e.name,
      isFile: e.isFile(),
      isDirectory: e.isDirectory(),
      isSymbolicLink: e.isSymbolicLink(),
    }));
  },
  async stat(p) {
    try {
      return statAnswer(await nodeFs.stat(p));
    } catch (error) {
      if (isMissing(error)) return undefined;
      throw error;
    }
  },
  async realpath(p) {
    try {
      return await nodeFs.realpath(p);
    } catch (error) {
      if (isMissing(error)) return undefined;
      throw error;
    }
  },
  async writeFile(p, data) {
    await makeFolders(path.dirname(p));
    await nodeFs.writeFile(p, data, 'utf8');
  },
  async createFile(p) {
    const existing = await nodeFs.stat(p).catch(() => undefined);
    if (existing?.isDirectory()) throw Object.assign(new Error(`EISDIR: ${p}`), { code: 'EISDIR' });
    if (existing && !existing.isFile()) return new DiskFileWriter(openSync(p, 'w'), undefined, p);
    // Through a link, the file it points to is replaced, not the link.
    const target = existing ? await nodeFs.realpath(p) : p;
    await makeFolders(path.dirname(target));
    await removeStaleTemporaries(target);
    const temporary = path.join(
      path.dirname(target),
      `.${path.basename(target)}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`,
    );
    const fd = openSync(temporary, 'wx');
    remember(temporary);
    // A replaced report keeps who may read it.
    if (existing) {
      try {
        fchmodSync(fd, existing.mode & 0o7777);
      } catch {
        // Not every file system keeps modes; the report is still worth writing.
      }
    }
    return new DiskFileWriter(fd, temporary, target);
  },
};

/**
 * Temporary files not yet renamed or removed. A run that ends early (an interrupt, which the
 * executable turns into an exit) removes them as the process exits, so no half report is left
 * beside the file it was to replace.
 */
const unfinished = new Set<string>();
let removedOnExit = false;

function remember(temporary: string): void {
  unfinished.add(temporary);
  if (removedOnExit) return;
  removedOnExit = true;
  process.on('exit', () => {
    for (const file of unfinished) {
      try {
        unlinkSync(file);
      } catch {
        // Gone already.
      }
    }
  });
}

/**
 * Removes the temporary twins of `target` that runs killed outright (`kill -9`, a power cut) left
 * behind: those whose process is gone. A twin of a run still going is kept.
 */
async function removeStaleTemporaries(target: string): Promise<void> {
  const prefix = `.${path.basename(target)}.`;
  let names: string[];
  try {
    names = await nodeFs.readdir(path.dirname(target));
  } catch {
    return;
  }
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    const m = /^(\d+)-[0-9a-f]{8}\.tmp$/.exec(name.slice(prefix.length));
    if (!m || isRunning(Number(m[1]))) continue;
    await nodeFs.unlink(path.join(path.dirname(target), name)).catch(() => undefined);
  }
}

/** Whether a process with this id is running (one we may not signal is running too). */
function isRunning(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as { code?: string }).code === 'EPERM';
  }
}

/**
 * A `FileWriter` on the disk. Writes are synchronous: the report's pieces come in order from
 * synchronous code, and a piece written at once is a piece the run no longer holds.
 */
class DiskFileWriter implements FileWriter {
  private error: unknown;
  private open = true;

  constructor(
    private readonly fd: number,
    /** The file written before it is renamed over `target`; undefined when `target` is written directly. */
    private readonly temporary: string | undefined,
    private readonly target: string,
  ) {}

  write(text: string): void {
    if (this.error !== undefined || !this.open || !text) return;
    try {
      const bytes = Buffer.from(text, 'utf8');
      // A pipe may take part of a write; a file takes it whole.
      for (let done = 0; done < bytes.length;) done += writeSync(this.fd, bytes, done);
    } catch (error) {
      this.error = error;
    }
  }

  async commit(): Promise<void> {
    this.close();
    if (this.error !== undefined) {
      this.removeTemporary();
      throw this.error;
    }
    if (this.temporary === undefined) return;
    try {
      await nodeFs.rename(this.temporary, this.target);
      unfinished.delete(this.temporary);
    } catch (error) {
      this.removeTemporary();
      throw error;
    }
  }

  async discard(): Promise<void> {
    this.close();
    this.removeTemporary();
  }

  private close(): void {
    if (!this.open) return;
    this.open = false;
    try {
      closeSync(this.fd);
    } catch (error) {
      // Some file systems report a failed write only when the file is closed.
      this.error ??= error;
    }
  }

  /** Removes the temporary file, unless it was renamed into place or removed already. */
  private removeTemporary(): void {
    if (this.temporary === undefined || !unfinished.delete(this.temporary)) return;
    try {
      unlinkSync(this.temporary);
    } catch {
      // Already gone; nothing else to undo.
    }
  }
}

/**
 * Creates a folder and its missing parents one level at a time. (Node 20's `mkdir` with
 * `recursive` never settles under some pseudo file systems such as /proc; this fails cleanly.)
 */
async function makeFolders(dir: string): Promise<void> {
  const missing: string[] = [];
  for (let d = dir; ; d = path.dirname(d)) {
    const found = await nodeFs.stat(d).catch(() => undefined);
    if (found) break;
    missing.unshift(d);
    if (path.dirname(d) === d) break;
  }
  for (const d of missing)
    await nodeFs.mkdir(d).catch((error: { code?: string }) => {
      if (error.code !== 'EEXIST') throw error;
    });
}

export { describeFsError, formatBytes, notRegular, tooLarge } from './fsError';
