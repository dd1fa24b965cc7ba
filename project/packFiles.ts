/**
 * The user's own rule packs named by configurations. A pack is data, loaded by the engine's own
 * loader; a broken one is reported against the pack file with its line, and what of it is usable
 * is still used, so one mistake in a pack does not stop a whole team's CI from reporting.
 */
import { builtinPackSource, combinePacks, loadPackText, type Pack, type PackSource } from '../engine';
import type { ConfigIssue } from './config';
import type { ReadableFileSystem } from './fileSystem';
import { describeFsError } from './fsError';
import { MAX_SETTINGS_FILE_BYTES } from './limits';

/** The packs of a run, by absolute path. */
export interface LoadedPacks {
  sources: Map<string, PackSource>;
  issues: ConfigIssue[];
}

/** Loads every pack file once. */
export async function loadPackFiles(
  fs: ReadableFileSystem,
  files: Iterable<string>,
  display: (absolute: string) => string,
): Promise<LoadedPacks> {
  const out: LoadedPacks = { sources: new Map(), issues: [] };
  for (const file of new Set(files)) {
    let text: string;
    try {
      text = new TextDecoder('utf-8').decode(await fs.readFile(file, MAX_SETTINGS_FILE_BYTES)).replace(/^\uFEFF/, '');
    } catch (error) {
      out.issues.push({ file, message: `The rule pack cannot be read: ${describeFsError(error)}.` });
      continue;
    }
    const loaded = loadPackText(text, display(file));
    for (const problem of loaded.problems) {
      const issue: ConfigIssue = { file, message: problem.message };
      if (problem.range) {
        issue.line = problem.range.start.line + 1;
        issue.column = problem.range.start.character + 1;
      }
      out.issues.push(issue);
    }
    if (loaded.pack) out.sources.set(file, loaded.pack);
  }
  return out;
}

/** The built-in pack with some user packs; a combination the compiler refuses falls back to the built-in pack. */
export function combineSafely(sources: PackSource[]): { pack: Pack; problem?: string } {
  try {
    return { pack: combinePacks(builtinPackSource(), sources) };
  } catch (error) {
    return {
      pack: combinePacks(builtinPackSource(), []),
      problem: `The rule packs could not be combined, so only the built-in pack is used: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
}
