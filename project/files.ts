/**
 * From operands to drafts: files, folders (every `*.md` below), globs expanded here so quoting
 * works the same on every shell, and `-` for standard input. `.gitignore` files and the
 * configuration's `ignores` are honoured everywhere; `node_modules` is never entered.
 */
import path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import picomatch from 'picomatch';
import type { ConfigResolver } from './config';
import { MAX_SETTINGS_FILE_BYTES } from './limits';
import { confinementProblem } from './confinement';
import type { ReadableFileSystem } from './fileSystem';
import { describeFsError } from './fsError';
import { displayPath, isGlob, toPosix, TopFolderFinder } from './paths';

/** One draft to lint. */
export interface DraftRef {
  /** The absolute path: where the draft is read from, and where its configuration is looked up. */
  absolute: string;
  /** The path the report shows, relative to the current folder with `/`. */
  display: string;
  /** Read from standard input instead of the file system. */
  stdin?: boolean;
}

/** What the operands came to. */
export interface Expansion {
  /** Drafts to lint, sorted by display path, each once. */
  drafts: DraftRef[];
  /** Explicit operands that cannot be read: reported as failed files. */
  unreadable: { display: string; reason: string }[];
  /** Operands that matched no draft: the run fails with these sentences. */
  unmatched: string[];
  /** Things worth saying on standard error that do not fail the run. */
  notes: string[];
}

const NEVER_ENTERED = new Set(['node_modules', '.git']);

/** Expands the command line's operands (`[]` means the current folder). */
export async function expandOperands(
  operands: readonly string[],
  options: { fs: ReadableFileSystem; cwd: string; config: ConfigResolver; stdinFilename?: string },
): Promise<Expansion> {
  const { fs, cwd, config } = options;
  const top = new TopFolderFinder(fs, cwd);
  const gitignores = new GitIgnores(fs, top);
  const found = new Map<string, DraftRef>();
  const out: Expansion = { drafts: [], unreadable: [], unmatched: [], notes: [] };

  /** Why a path is not linted, or undefined when it is. */
  const skipReason = async (absolute: string, isFolder: boolean): Promise<string | undefined> => {
    if (absolute.split(path.sep).includes('node_modules')) return 'it is inside node_modules';
    if (await gitignores.ignored(absolute, isFolder)) return 'it is ignored by .gitignore';
    const by = await config.ignoredBy(absolute, isFolder);
    return by ? `it is ignored by ${displayPath(cwd, by)}` : undefined;
  };
  /**
   * Why a draft or folder reached through a symbolic link may not be read: it leads outside its
   * project, or into `.git` (a draft linking to `.git/config` would copy a CI token into the
   * report as evidence).
   */
  const leaves = async (absolute: string): Promise<string | undefined> => {
    const problem = await confinementProblem(fs, absolute, await top.topOf(path.dirname(absolute)));
    return problem && `${displayPath(cwd, absolute)} is not linted: it ${problem}.`;
  };
  const add = (absolute: string, extra: Partial<DraftRef> = {}) => {
    const display = extra.display ?? displayPath(cwd, absolute);
    if (!found.has(display)) found.set(display, { absolute, display, ...extra });
  };
  /** Every file below `dir` that passes `accept` and no ignore; returns how many were skipped. */
  const walk = async (dir: string, accept: (absolute: string) => boolean, skipped: { n: number }) => {
    let entries;
    try {
      entries = await fs.readdir(dir);
    } catch {
      // A folder we may not enter is left out, as git and other linters do.
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (NEVER_ENTERED.has(entry.name)) continue;
      const absolute = path.join(dir, entry.name);
      let isDirectory = entry.isDirectory;
      let isFile = entry.isFile;
      if (entry.isSymbolicLink) {
        // Linked files are followed; linked folders are not, so a link loop cannot trap the walk.
        const target = await fs.stat(absolute).catch(() => undefined);
        isFile = target?.isFile ?? false;
        isDirectory = false;
      }
      if (isDirectory) {
        if (!(await skipReason(absolute, true))) await walk(absolute, accept, skipped);
      } else if (isFile && accept(absolute)) {
        if (await skipReason(absolute, false)) skipped.n++;
        else {
          const left = entry.isSymbolicLink ? await leaves(absolute) : undefined;
          if (left) {
            out.notes.push(left);
            skipped.n++;
          } else add(absolute);
        }
      }
    }
  };
  const isDraft = (absolute: string) => /\.md$/i.test(absolute);

  const negated = operands
    .filter((o) => o.startsWith('!') && o.length > 1)
    .map((o) => picomatch(toPosix(o.slice(1)), { dot: true }));
  const positive = operands.filter((o) => !(o.startsWith('!') && o.length > 1));
  if (positive.length === 0) {
    const skipped = { n: 0 };
    await walk(cwd, isDraft, skipped);
    if (found.size === 0) out.notes.push('No Markdown drafts (*.md) were found under the current folder.');
  }

  for (const operand of positive) {
    if (operand === '-') {
      const name = options.stdinFilename;
      const absolute = path.resolve(cwd, name ?? '<stdin>');
      const reason = name ? await skipReason(absolute, false) : undefined;
      if (reason) out.notes.push(`${displayPath(cwd, absolute)} (standard input) is not linted: ${reason}.`);
      else add(absolute, { display: name ? displayPath(cwd, absolute) : '<stdin>', stdin: true });
      continue;
    }
    const absolute = path.resolve(cwd, operand);
    let target;
    try {
      target = await fs.stat(absolute);
    } catch (error) {
      // A protected folder on the way: say so, rather than that nothing is there.
      out.unreadable.push({ display: displayPath(cwd, absolute), reason: describeFsError(error) });
      continue;
    }
    const left = target ? await leaves(absolute) : undefined;
    if (left) {
      out.notes.push(left);
      continue;
    }
    if (target?.isDirectory) {
      const before = found.size;
      const skipped = { n: 0 };
      if (await skipReason(absolute, true)) skipped.n++;
      else await walk(absolute, isDraft, skipped);
      if (found.size === before) {
        out.unmatched.push(
          skipped.n
            ? `Every Markdown draft in the folder ${operand} is ignored.`
            : `The folder ${operand} holds no Markdown draft (*.md).`,
        );
      }
    } else if (target?.isFile) {
      const reason = await skipReason(absolute, false);
      if (reason) out.notes.push(`${displayPath(cwd, absolute)} is not linted: ${reason}.`);
      else add(absolute);
    } else if (isGlob(operand)) {
      const before = found.size;
      const skipped = { n: 0 };
      const scan = picomatch.scan(toPosix(operand));
      const base = path.resolve(cwd, scan.base || '.');
      const pattern = toPosix(path.isAbsolute(operand) ? operand : path.relative(cwd, path.resolve(cwd, operand)));
      const matches = picomatch(pattern, { windows: false });
      const relative = (abs: string) => (path.isAbsolute(operand) ? toPosix(abs) : toPosix(path.relative(cwd, abs)));
      if ((await fs.stat(base).catch(() => undefined))?.isDirectory && !(await leaves(base)))
        await walk(base, (abs) => matches(relative(abs)), skipped);
      if (found.size === before) {
        out.unmatched.push(skipped.n ? `Every file matching ${operand} is ignored.` : `No file matches ${operand}.`);
      }
    } else if (target === undefined) {
      out.unreadable.push({ display: displayPath(cwd, absolute), reason: 'no such file or folder' });
    } else {
      out.unreadable.push({ display: displayPath(cwd, absolute), reason: 'not a file or folder that can be read' });
    }
  }

  const isExcluded = (ref: DraftRef) => negated.some((m) => m(ref.display));
  out.drafts = [...found.values()]
    .filter((r) => r.stdin || !isExcluded(r))
    .sort((a, b) => compare(a.display, b.display));
  out.unreadable.sort((a, b) => compare(a.display, b.display));
  return out;
}

/** Code-unit order: the same on every machine and locale, so reports are stable. */
export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * `.gitignore` files from the repository root down to a path's folder, applied in git's order: a
 * deeper file's `!pattern` can take back what a higher one ignored.
 */
class GitIgnores {
  private readonly files = new Map<string, Promise<Ignore | undefined>>();

  constructor(
    private readonly fs: ReadableFileSystem,
    private readonly top: TopFolderFinder,
  ) {}

  async ignored(absolute: string, isFolder: boolean): Promise<boolean> {
    const folders = (await this.top.foldersUp(path.dirname(absolute))).reverse();
    let ignored = false;
    for (const folder of folders) {
      const rules = await this.rulesOf(folder);
      if (!rules) continue;
      const rel = toPosix(path.relative(folder, absolute)) + (isFolder ? '/' : '');
      const result = rules.test(rel);
      if (result.ignored) ignored = true;
      else if (result.unignored) ignored = false;
    }
    return ignored;
  }

  private rulesOf(folder: string): Promise<Ignore | undefined> {
    let rules = this.files.get(folder);
    if (!rules) {
      rules = this.fs.readFile(path.join(folder, '.gitignore'), MAX_SETTINGS_FILE_BYTES).then(
        (bytes) => ignore().add(new TextDecoder().decode(bytes)),
        () => undefined,
      );
      this.files.set(folder, rules);
    }
    return rules;
  }
}
