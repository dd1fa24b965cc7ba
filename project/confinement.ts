/**
 * Where a project's own files may send the tool: a configuration's `extends` and `packs`, a
 * configuration file found on the way up, a draft reached through a symbolic link. A repository is
 * untrusted input (a pull request in CI, a folder opened in an editor), so what it names is read
 * only when it is a file inside the project's top folder (the repository root), and never inside a
 * `.git` folder, where git keeps its configuration and a CI checkout its token. Both the path as
 * written and the file it leads to through links must stay inside. Paths the user names on the
 * command line or in their own editor settings are not confined.
 */
import path from 'node:path';
import type { ReadableFileSystem } from './fileSystem';
import { isInside } from './paths';

/**
 * Why `file` (or folder) may not be read on the word of a file inside `top`, or undefined when it
 * may. The reason is a phrase that follows "it" ("it is outside the project").
 */
export async function confinementProblem(
  fs: ReadableFileSystem,
  file: string,
  top: string,
): Promise<string | undefined> {
  const written = placeOf(file, top);
  if (written === 'outside') return 'is outside the project';
  if (written === 'git') return 'is inside a .git folder, which holds git’s own files';
  let real: string | undefined;
  let realTop: string | undefined;
  try {
    real = await fs.realpath(file);
    realTop = (await fs.realpath(top)) ?? top;
  } catch {
    // It cannot be looked at; the read that follows says why.
    return undefined;
  }
  if (real === undefined) return undefined;
  const through = placeOf(real, realTop);
  if (through === 'outside') return 'leads outside the project through a symbolic link';
  if (through === 'git') return 'leads into a .git folder, which holds git’s own files, through a symbolic link';
  return undefined;
}

/** Where a path stands with respect to the project's top folder. */
function placeOf(file: string, top: string): 'inside' | 'outside' | 'git' {
  if (!isInside(top, file)) return 'outside';
  return path.relative(top, file).split(path.sep).includes('.git') ? 'git' : 'inside';
}
