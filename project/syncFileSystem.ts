import { readdirSync, readFileSync, statSync } from 'node:fs';
import type { ReadableFileSystem } from './fileSystem';

/**
 * The disk as the server's configuration resolver reads it: with synchronous calls behind the
 * CLI's promise-returning interface. A resolution is a few `stat`s and small reads as the resolver
 * walks up the folders, one after another: each costs microseconds done in place, but a thread-pool
 * round trip done asynchronously, which together outweighed linting a small draft.
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
