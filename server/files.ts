import type { ReadableFileSystem } from '../project/fileSystem';

/**
 * How the server reaches files other than the open documents: configuration files, rule packs,
 * and the drafts the workspace command checks. It is handed in, so the same server code reads the
 * disk when it runs in Node and asks the editor when it runs in a browser worker.
 */
export interface ServerFiles {
  /** The path `fs` knows a document or folder by, or undefined where nothing can be read (an untitled draft). */
  pathOf(uri: string): string | undefined;
  /** The URI of a path of `fs` (a configuration file, a pack, a draft found in a folder). */
  uriOf(path: string): string;
  /** The files, by the paths `pathOf` gives. */
  fs: ReadableFileSystem;
}

/** A folder or file named relative to a folder, as a URI; `ref` may use `/` or `\`. */
export function resolveUri(folder: string, ref: string): string | undefined {
  try {
    const base = folder.endsWith('/') ? folder : `${folder}/`;
    return new URL(encodeURI(ref.replace(/\\/g, '/')), base).toString();
  } catch {
    return undefined;
  }
}

/** The folder a document's URI is in. */
export function parentUri(uri: string): string {
  const path = uri.replace(/[?#].*$/, '');
  const slash = path.lastIndexOf('/');
  return slash > path.indexOf('//') + 1 ? path.slice(0, slash) : path;
}
