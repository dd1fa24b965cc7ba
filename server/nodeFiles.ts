import { fileURLToPath, pathToFileURL } from 'node:url';
import { syncFileSystem } from '../project/syncFileSystem';
import type { ServerFiles } from './files';

/** The disk, for the server run by Node: `file:` URIs are read in place; other schemes are not read. */
export const nodeFiles: ServerFiles = {
  pathOf(uri) {
    if (!uri.startsWith('file:')) return undefined;
    try {
      return fileURLToPath(uri);
    } catch {
      return undefined;
    }
  },
  uriOf: (path) => pathToFileURL(path).toString(),
  fs: syncFileSystem,
};
