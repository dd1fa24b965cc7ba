import { readdirSync, realpathSync, statSync } from 'node:fs';
import { isMissing, readRegularFileSync, statAnswer, type ReadableFileSystem } from './fileSystem';

/**
 * The disk as the server's configuration resolver reads it: with synchronous calls behind the
 * CLI's promise-returning interface. A resolution is a few `stat`s and small reads as the resolver
 * walks up the folders, one after another: each costs microseconds done in place, but a thread-pool
 * round trip done asynchronously, which together outweighed linting a small draft. (A read that
 * never ends, from a named pipe, would also hold a thread of that pool for good; `readFile` refuses
 * anything but a regular file.)
 */
export const syncFileSystem: ReadableFileSystem = {
  readFile(p, maxBytes) {
    try {
      return Promise.resolve(readRegularFileSync(p, maxBytes));
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
      return Promise.resolve(statAnswer(statSync(p, { throwIfNoEntry: false })));
    } catch (error) {
      return isMissing(error) ? Promise.resolve(undefined) : Promise.reject(error);
    }
  },
  realpath(p) {
    try {
      return Promise.resolve(realpathSync(p));
    } catch (error) {
      return isMissing(error) ? Promise.resolve(undefined) : Promise.reject(error);
    }
  },
};
