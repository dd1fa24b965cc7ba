import type { ReadableFileSystem } from '../project/fileSystem';
import { describeFsError } from '../project/fsError';
import { MAX_SETTINGS_FILE_BYTES } from '../project/limits';
import { combineSafely } from '../project/packFiles';
import { builtinPack, loadPackText, type ConfigProblem, type Pack, type PackSource } from '../engine';

interface LoadedFile {
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
 * pack. Files and the compiled result are kept until the server learns that a file changed
 * (`clear`), so linting on every keystroke does not recompile lexicons.
 */
export class UserPacks {
  private readonly files = new Map<string, LoadedFile>();
  private readonly combined = new Map<string, PackResult>();

  /** `fs` reads the pack files, by the paths the configuration and settings name. */
  constructor(private readonly fs: ReadableFileSystem) {}

  /** The pack for these absolute pack paths; the built-in pack alone when there are none. */
  async get(paths: string[]): Promise<PackResult> {
    if (paths.length === 0) return { pack: builtinPack(), problems: [] };
    const loaded = await Promise.all(paths.map((p) => this.load(p)));
    const key = paths.join('|');
    const cached = this.combined.get(key);
    if (cached) return cached;
    const problems = loaded.flatMap((l) => l.problems);
    const sources = loaded.map((l) => l.pack).filter((p): p is PackSource => p !== undefined);
    const { pack, problem } = combineSafely(sources);
    if (problem) problems.push({ source: '<packs>', message: problem });
    const result = { pack, problems };
    this.combined.clear();
    this.combined.set(key, result);
    return result;
  }

  /** Forgets every file read: a watched file changed or was saved. */
  clear(): void {
    this.files.clear();
    this.combined.clear();
  }

  /** True when a path is one of the packs in use (a watcher reported a change to it). */
  has(path: string): boolean {
    return this.files.has(path);
  }

  private async load(path: string): Promise<LoadedFile> {
    const cached = this.files.get(path);
    if (cached) return cached;
    let file: LoadedFile;
    try {
      // Only a regular file within the limit: `fs` refuses a pipe (whose read could hold a thread of
      // the I/O pool for good) or a device, and anything larger.
      const bytes = await this.fs.readFile(path, MAX_SETTINGS_FILE_BYTES);
      const { pack, problems } = loadPackText(new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, ''), path);
      file = { problems };
      if (pack) file.pack = pack;
    } catch (error) {
      // There may be no file to show the problem on, so it is said in a message that names the pack.
      const message = `The rule pack ${path} cannot be read (${describeFsError(error)}); it is skipped.`;
      file = { problems: [{ source: '<packs>', message }] };
    }
    this.files.set(path, file);
    return file;
  }
}
