/**
 * Document and folder URIs as plain strings, compared and joined by their path, so the server never
 * needs a file-system path module: it runs in Node and in a browser worker alike, and a draft may
 * live on a virtual file system (`vscode-vfs://github/…`) as well as on the disk.
 */

/** The URI without a trailing slash, so that a folder and the same folder with `/` compare equal. */
export function trimSlash(uri: string): string {
  return uri.length > 1 && uri.endsWith('/') && !uri.endsWith('//') ? uri.slice(0, -1) : uri;
}

/** Whether `uri` lies below the folder `folder` (not the folder itself). */
export function isBelow(folder: string, uri: string): boolean {
  const base = `${trimSlash(folder)}/`;
  return uri.startsWith(base) && uri.length > base.length;
}

/** The path of `uri` relative to the folder `folder`, with `/` separators and decoded. */
export function relativeTo(folder: string, uri: string): string {
  const rest = isBelow(folder, uri) ? uri.slice(trimSlash(folder).length + 1) : lastSegment(uri);
  return rest.split('/').map(decodeSegment).join('/');
}

/** The last segment of a URI's path, decoded: a file's name. */
export function lastSegment(uri: string): string {
  const path = uri.replace(/[?#].*$/, '');
  return decodeSegment(path.slice(path.lastIndexOf('/') + 1) || path);
}

/** The scheme of a URI (`file`, `untitled`, `vscode-vfs` …), lower-case. */
export function schemeOf(uri: string): string {
  const colon = uri.indexOf(':');
  return colon > 0 ? uri.slice(0, colon).toLowerCase() : '';
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
