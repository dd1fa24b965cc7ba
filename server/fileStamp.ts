import { statSync } from 'node:fs';

/**
 * What is at a path now, as a string to compare with an earlier stamp: for `content`, the file's
 * modification time, size and inode (a file read earlier is unchanged while they are); otherwise
 * only whether a file, a folder or nothing is there. A `stat` in place, not through the thread
 * pool: the server asks at every keystroke (see `configFileSystem.ts`). Never throws.
 */
export function fileStamp(file: string, content: boolean): string {
  try {
    const s = statSync(file, { throwIfNoEntry: false });
    if (!s) return 'missing';
    return content ? `${s.mtimeMs}:${s.size}:${s.ino}` : s.isFile() ? 'file' : s.isDirectory() ? 'folder' : 'other';
  } catch {
    return 'unreadable';
  }
}
