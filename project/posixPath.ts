/**
 * The part of Node's `path` module that `project/` uses, for POSIX paths only, with no `process`:
 * the web build of the language server maps `node:path` to this module (scripts/build.mjs). There
 * the paths are those of document URIs, which are POSIX whatever the system. Every path it is
 * given to resolve against is absolute, so there is no current folder to consult.
 */

export const sep = '/';

export function isAbsolute(p: string): boolean {
  return p.startsWith('/');
}

/** Removes `.` and `..` and doubled slashes. */
export function normalize(p: string): string {
  const absolute = isAbsolute(p);
  const parts: string[] = [];
  for (const part of p.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (parts.length && parts[parts.length - 1] !== '..') parts.pop();
      else if (!absolute) parts.push('..');
    } else parts.push(part);
  }
  const joined = parts.join('/');
  return absolute ? `/${joined}` : joined || '.';
}

export function join(...parts: string[]): string {
  return normalize(parts.filter((p) => p !== '').join('/'));
}

export function resolve(...parts: string[]): string {
  let out = '';
  for (const p of parts) out = isAbsolute(p) ? p : `${out}/${p}`;
  return normalize(isAbsolute(out) ? out : `/${out}`);
}

export function dirname(p: string): string {
  const trimmed = p.length > 1 ? p.replace(/\/+$/, '') : p;
  const slash = trimmed.lastIndexOf('/');
  if (slash < 0) return '.';
  return slash === 0 ? '/' : trimmed.slice(0, slash);
}

export function basename(p: string, ext?: string): string {
  const name = p.replace(/\/+$/, '').slice(p.replace(/\/+$/, '').lastIndexOf('/') + 1);
  return ext && name.endsWith(ext) && name !== ext ? name.slice(0, -ext.length) : name;
}

export function relative(from: string, to: string): string {
  const a = resolve(from).split('/').filter(Boolean);
  const b = resolve(to).split('/').filter(Boolean);
  let common = 0;
  while (common < a.length && common < b.length && a[common] === b[common]) common++;
  return [...a.slice(common).map(() => '..'), ...b.slice(common)].join('/');
}

export function parse(p: string): { root: string; dir: string; base: string } {
  return { root: isAbsolute(p) ? '/' : '', dir: dirname(p), base: basename(p) };
}

const posixPath = { sep, isAbsolute, normalize, join, resolve, dirname, basename, relative, parse };
export default posixPath;
