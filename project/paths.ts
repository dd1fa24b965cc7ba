import path from 'node:path';
import picomatch from 'picomatch';
import type { ReadableFileSystem } from './fileSystem';

/** A path with `/` separators, as reports, globs and ignore files write them. */
export function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}

/** The path reports show: relative to the current folder, with `/` separators. */
export function displayPath(cwd: string, absolute: string): string {
  const rel = path.relative(cwd, absolute);
  return toPosix(rel === '' ? path.basename(absolute) : rel);
}

/**
 * Finds the folder where configuration discovery and `.gitignore` lookup stop: the repository
 * root (the nearest folder holding `.git`) above `dir`. Outside a repository the search stops at
 * the current folder when `dir` is inside it, so a stray file far up the disk is never read.
 */
export class TopFolderFinder {
  private readonly cache = new Map<string, Promise<string | undefined>>();

  constructor(
    private readonly fs: ReadableFileSystem,
    private readonly cwd: string,
  ) {}

  /**
   * The top folder above `dir`: the repository root, or the current folder when `dir` is inside
   * it, or else the root of the file system (a folder the user named outside any project).
   */
  async topOf(dir: string): Promise<string> {
    return (await this.repositoryRoot(dir)) ?? (isInside(this.cwd, dir) ? this.cwd : path.parse(dir).root);
  }

  /** The folders from `dir` up to and including the top folder, nearest first. */
  async foldersUp(dir: string): Promise<string[]> {
    const top = await this.topOf(dir);
    const out: string[] = [];
    for (let d = dir; ; d = path.dirname(d)) {
      out.push(d);
      if (d === top || path.dirname(d) === d) break;
    }
    return out;
  }

  private repositoryRoot(dir: string): Promise<string | undefined> {
    let found = this.cache.get(dir);
    if (!found) {
      found = (async () => {
        // A `.git` that cannot be looked at (a folder on the way is protected) is not there.
        if (await this.fs.stat(path.join(dir, '.git')).catch(() => undefined)) return dir;
        const parent = path.dirname(dir);
        return parent === dir ? undefined : this.repositoryRoot(parent);
      })();
      this.cache.set(dir, found);
    }
    return found;
  }
}

/** Whether `inner` is `outer` or lies below it. */
export function isInside(outer: string, inner: string): boolean {
  const rel = path.relative(outer, inner);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/** True when an operand is a glob rather than a plain path. */
export function isGlob(operand: string): boolean {
  return picomatch.scan(operand).isGlob;
}

/**
 * A matcher for the globs of a configuration's `ignores` and `overrides.files`: relative to a base
 * folder; a pattern without `/` matches a name at any depth; a pattern that matches a folder
 * matches everything in it.
 */
export function globMatcher(patterns: readonly string[]): (relativePosixPath: string) => boolean {
  const matchers = patterns.map((raw) => {
    const pattern = raw.replace(/^\.\//, '').replace(/\/+$/, '');
    return picomatch(pattern, { dot: true, basename: !pattern.includes('/') });
  });
  return (rel) => {
    if (rel === '' || rel.startsWith('../')) return false;
    const parts = rel.split('/');
    for (let n = parts.length; n >= 1; n--) {
      const candidate = parts.slice(0, n).join('/');
      if (matchers.some((m) => m(candidate))) return true;
    }
    return false;
  };
}
