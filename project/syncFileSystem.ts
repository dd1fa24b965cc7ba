import { readdirSync, readFileSync, statSync } from 'node:fs';
import type { ReadableFileSystem } from './fileSystem';

/**
 * The disk as the server's configuration resolver reads it: with synchronous calls behind the
 * CLI's promise-returning interface. The configuration is resolved again for every version of an
 * open draft (a file may change between two keystrokes), which is a few `stat`s and small reads as
 * the resolver walks up the folders, one after another. Each costs microseconds done in place, but
 * a thread-pool round trip (0.1–0.5 ms on a busy machine) done asynchronously: together 0.5–2 ms of
 * every edit's diagnostics, more than linting a small draft.
 */
export const syncFileSystem: ReadableFileSystem = {
  readFile(p) {
    try {
      return Promise.resolve(readFileSync(p));
    } catch (error) {
      return Promise.reject(error);
    }
  },
  readdir(p) {
    try {
      return Promise.resolve(
        readdirSync(p, { withFileTypes: true }).map((e) => ({
          name: e.name,
          isFile: e.isFile(),
          isDirectory: e.isDirectory(),
          isSymbolicLink: e.isSymbolicLink(),
        })),
      );
    } catch (error) {
      return Promise.reject(error);
    }
  },
  stat(p) {
    try {
      const s = statSync(p, { throwIfNoEntry: false });
      return Promise.resolve(s ? { isFile: s.isFile(), isDirectory: s.isDirectory() } : undefined);
    } catch {
      return Promise.resolve(undefined);
    }
  },
};
