import { promises as nodeFs } from 'node:fs';
import path from 'node:path';

/**
 * The little of a file system the CLI uses. `main` takes one so that tests (and an editor
 * extension) can run the CLI over an in-memory tree; the default is the real disk.
 */
export interface CliFileSystem {
  /** The bytes of a file; rejects with a Node-style error (`code`: ENOENT, EACCES, EISDIR …). */
  readFile(path: string): Promise<Uint8Array>;
  /** The entries of a folder, without `.` and `..`. */
  readdir(path: string): Promise<DirEntry[]>;
  /** What is at a path (following symbolic links), or undefined when nothing is there. */
  stat(path: string): Promise<{ isFile: boolean; isDirectory: boolean } | undefined>;
  /** Creates or replaces a file, creating its folder when needed. */
  writeFile(path: string, data: string): Promise<void>;
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
  readFile: (p) => nodeFs.readFile(p),
  async readdir(p) {
    const entries = await nodeFs.readdir(p, { withFileTypes: true });
    return entries.map((e) => ({ name: e.name, isFile: e.isFile(), isDirectory: e.isDirectory(), isSymbolicLink: e.isSymbolicLink() }));
  },
  async stat(p) {
    try {
      const s = await nodeFs.stat(p);
      return { isFile: s.isFile(), isDirectory: s.isDirectory() };
    } catch {
      return undefined;
    }
  },
  async writeFile(p, data) {
    await makeFolders(path.dirname(p));
    await nodeFs.writeFile(p, data, 'utf8');
  },
};

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
  for (const d of missing) await nodeFs.mkdir(d).catch((error: { code?: string }) => {
    if (error.code !== 'EEXIST') throw error;
  });
}

/** A sentence for a failed read, without the errno jargon a policy drafter cannot use. */
export function describeFsError(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied: the file cannot be read';
    case 'EISDIR':
      return 'this is a folder, not a file';
    case 'ENOTDIR':
      return 'a part of this path is a file, not a folder';
    case 'ELOOP':
      return 'a symbolic link loop';
    default:
      return `the file cannot be read (${typeof code === 'string' ? code : error instanceof Error ? error.message : String(error)})`;
  }
}
