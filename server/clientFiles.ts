import type { Connection } from 'vscode-languageserver';
import { ClientFileRequests, type ClientFileType } from '../common/protocol';
import type { DirEntry, ReadableFileSystem } from '../project/fileSystem';
import { tooLarge } from '../project/fsError';
import type { ServerFiles } from './files';

/**
 * Files the server cannot read itself (in a browser worker; on a virtual file system such as
 * github.dev's `vscode-vfs://`), read through the client, which answers with VS Code's
 * `workspace.fs`. A URI `scheme://authority/path` is known to the configuration resolver as the
 * POSIX path `/scheme/authority/path`, so folders are walked up and joined as on a disk; the
 * resolver stops at the workspace folder.
 */
export function clientFiles(connection: Connection): ServerFiles {
  const toUri = (path: string): string => {
    const [, scheme = '', authority = '', ...rest] = path.split('/');
    const decoded = decodeURIComponent(authority);
    return `${decodeURIComponent(scheme)}://${decoded === '-' ? '' : encodeURIComponent(decoded)}/${rest
      .map((segment) => encodeURIComponent(segment))
      .join('/')}`;
  };
  const missing = (path: string) => Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' });
  const fs: ReadableFileSystem = {
    async readFile(path, maxBytes = Infinity) {
      const base64 = await connection
        .sendRequest<string | null>(ClientFileRequests.readFile, { uri: toUri(path) })
        .catch(() => null);
      if (base64 === null) throw missing(path);
      // Base64 takes four characters for three bytes: too large is known before decoding.
      if (base64.length * 0.75 > maxBytes + 2) throw tooLarge(path, maxBytes);
      const binary = atob(base64);
      return Uint8Array.from(binary, (c) => c.charCodeAt(0));
    },
    async readdir(path) {
      const entries = await connection
        .sendRequest<[string, ClientFileType][] | null>(ClientFileRequests.readDirectory, { uri: toUri(path) })
        .catch(() => null);
      if (entries === null) throw missing(path);
      return entries.map(([name, type]): DirEntry => ({
        name,
        isFile: type === 'file',
        isDirectory: type === 'directory',
        isSymbolicLink: false,
      }));
    },
    async stat(path) {
      const type = await connection
        .sendRequest<ClientFileType | null>(ClientFileRequests.stat, { uri: toUri(path) })
        .catch(() => null);
      return type === null ? undefined : { isFile: type === 'file', isDirectory: type === 'directory' };
    },
    // The client's file systems have no symbolic links: a path is its own real path.
    async realpath(path) {
      return (await fs.stat(path)) ? path : undefined;
    },
  };
  return {
    pathOf(uri) {
      const m = /^([a-z][\w+.-]*):\/\/([^/?#]*)(\/[^?#]*)?$/i.exec(uri);
      if (!m || m[1]!.toLowerCase() === 'untitled') return undefined;
      const segments = (m[3] ?? '/').split('/').map((s) => {
        try {
          return decodeURIComponent(s);
        } catch {
          return s;
        }
      });
      return `/${encodeURIComponent(m[1]!)}/${encodeURIComponent(decodeURIComponent(m[2]!) || '-')}${segments.join('/')}`;
    },
    uriOf: toUri,
    fs,
  };
}
