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
