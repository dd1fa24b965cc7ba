import { promises as fs, statSync } from 'node:fs';
import { combineSafely } from '../cli/packFiles';
import { builtinPack, loadPackText, type ConfigProblem, type Pack, type PackSource } from '../engine';

interface LoadedFile {
  mtime: number;
  pack?: PackSource;
  problems: ConfigProblem[];
}

/** The pack a draft is linted with, and what was wrong with the user packs that went into it. */
export interface PackResult {
  pack: Pack;
  problems: ConfigProblem[];
}

/**
 * Loads user packs (data only, through the engine's loader) and compiles them with the built-in
 * pack. Files and the compiled result are kept until a file's modification time changes, so
 * linting on every keystroke does not recompile lexicons.
 */
export class UserPacks {
  private readonly files = new Map<string, LoadedFile>();
  private readonly combined = new Map<string, PackResult>();

  /** The pack for these absolute pack paths; the built-in pack alone when there are none. */
  async get(paths: string[]): Promise<PackResult> {
    if (paths.length === 0) return { pack: builtinPack(), problems: [] };
    const loaded = await Promise.all(paths.map((p) => this.load(p)));
    const key = paths.map((p, i) => `${p}@${loaded[i]!.mtime}`).join('|');
    const cached = this.combined.get(key);
    if (cached) return cached;
    const problems = loaded.flatMap((l) => l.problems);
    const sources = loaded.map((l) => l.pack).filter((p): p is PackSource => p !== undefined);
    const { pack, problem } = combineSafely(sources);
    if (problem) problems.push({ source: paths.join(', '), message: problem });
    const result = { pack, problems };
    this.combined.clear();
    this.combined.set(key, result);
    return result;
  }

  /** True when a path is one of the packs in use (a watcher reported a change to it). */
  has(path: string): boolean {
    return this.files.has(path);
  }

  private async load(path: string): Promise<LoadedFile> {
    let mtime = -1;
    try {
      // Asked at every keystroke: a `stat` in place costs microseconds, through the thread pool
      // a round trip (see `configFileSystem.ts`).
      mtime = statSync(path).mtimeMs;
      const cached = this.files.get(path);
      if (cached && cached.mtime === mtime) return cached;
      const { pack, problems } = loadPackText(await fs.readFile(path, 'utf8'), path);
      const file: LoadedFile = { mtime, problems };
      if (pack) file.pack = pack;
      this.files.set(path, file);
      return file;
    } catch (error) {
      const code = (error as { code?: string }).code;
      const reason = code === 'ENOENT' ? 'there is no such file' : (error as Error).message;
      const file: LoadedFile = { mtime, problems: [{ source: path, message: `The rule pack cannot be read (${reason}); it is skipped.` }] };
      this.files.set(path, file);
      return file;
    }
  }
}
