/**
 * A sentence for a failed read (or, with `'write'`, a failed write), without the errno jargon a
 * policy drafter cannot use.
 */
export function describeFsError(error: unknown, doing: 'read' | 'write' = 'read'): string {
  const code = (error as { code?: unknown } | null)?.code;
  switch (code) {
    case 'ENOENT':
      return doing === 'read' ? 'no such file' : 'the file cannot be created there';
    case 'EACCES':
    case 'EPERM':
      return `permission denied: the file cannot be ${doing === 'read' ? 'read' : 'written'}`;
    case 'EISDIR':
      return 'this is a folder, not a file';
    case 'ENOTREG':
      return 'it is not a regular file (a device, a pipe or a socket), so it is not read';
    case 'EFBIG': {
      const limit = (error as { maxBytes?: unknown }).maxBytes;
      return typeof limit === 'number' ? `it is larger than ${formatBytes(limit)}, the limit` : 'it is too large';
    }
    case 'ENOTDIR':
      return 'a part of this path is a file, not a folder';
    case 'ELOOP':
      return 'a symbolic link loop';
    case 'EROFS':
      return 'the disk is read-only';
    case 'ENOSPC':
      return 'the disk is full';
    case 'EDQUOT':
      return 'the disk quota is used up';
    default:
      return `the file cannot be ${doing === 'read' ? 'read' : 'written'} (${typeof code === 'string' ? code : error instanceof Error ? error.message : String(error)})`;
  }
}

/** A size limit in the words a reader uses: "20 MB", "1 MB", "512 KB". */
export function formatBytes(bytes: number): string {
  if (bytes >= 1 << 20 && bytes % (1 << 20) === 0) return `${bytes / (1 << 20)} MB`;
  if (bytes >= 1 << 20) return `${(bytes / (1 << 20)).toFixed(1)} MB`;
  return `${Math.ceil(bytes / 1024)} KB`;
}

/** The error a read rejects with when a file holds more than the bytes it may. */
export function tooLarge(file: string, maxBytes: number): Error {
  return Object.assign(new Error(`EFBIG: ${file}`), { code: 'EFBIG', maxBytes });
}

/** The error a read rejects with for a path that is not a regular file or a folder. */
export function notRegular(file: string): Error {
  return Object.assign(new Error(`ENOTREG: ${file}`), { code: 'ENOTREG' });
}
