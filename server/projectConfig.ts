import path from 'node:path';
import { ConfigResolver, type ConfigIssue } from '../cli/config';
import type { DirEntry, ReadableFileSystem } from '../cli/fileSystem';
import type { ConfigProblem, RuleInfo, RuleSetting } from '../engine';
import { syncFileSystem } from './configFileSystem';
import { fileStamp } from './fileStamp';
import { RecentMap } from './recentMap';

/**
 * What the configuration files (`.cluster-policy-lint.yaml` …) say about one draft, in the
 * server's terms. The files are found, parsed and merged by the CLI's own resolver
 * (`cli/config.ts`), so the editor and CI always agree on a draft's configuration.
 */
export interface ProjectConfig {
  /** The configuration files that apply, farthest first. */
  files: string[];
  rules: Record<string, RuleSetting>;
  /** Absolute paths of the user packs to load. */
  packs: string[];
  language: 'auto' | 'en' | 'zh';
  /** True when the draft matches an `ignores` glob: it gets no diagnostics. */
  ignored: boolean;
  /** Problems with the files, with `source` the file's absolute path. */
  problems: ConfigProblem[];
  /** Problems with the rule ids and options the files name, once the pack's rules are known. */
  checkRules(known: readonly RuleInfo[], packsBroken: boolean): Promise<ConfigProblem[]>;
}

/** Finds and reads the configuration that applies to a draft on disk. Never throws. */
export type ResolveProjectConfig = (draftPath: string, workspaceRoot: string | undefined) => Promise<ProjectConfig>;

/**
 * Resolves a draft's configuration with a fresh resolver: the CLI's resolver caches files for a
 * whole run, but in an editor a file may change between two keystrokes. `fs` answers the resolver.
 */
async function resolveWith(fs: ReadableFileSystem, draftPath: string, workspaceRoot: string | undefined): Promise<ProjectConfig> {
  const resolver = new ConfigResolver(fs, workspaceRoot ?? path.dirname(draftPath));
  const [config, ignoredBy] = await Promise.all([resolver.resolve(draftPath), resolver.ignoredBy(draftPath)]);
  const problems = resolver.issues.map(toProblem);
  // Checked once per set of rules: the same pack comes back at every keystroke, and the resolver
  // adds its issues again at each check.
  let checked: { known: readonly RuleInfo[]; packsBroken: boolean; problems: Promise<ConfigProblem[]> } | undefined;
  return {
    files: config.files,
    rules: config.rules,
    packs: config.packs,
    language: config.language,
    ignored: ignoredBy !== undefined,
    problems,
    checkRules(known, packsBroken) {
      if (checked?.known === known && checked.packsBroken === packsBroken) return checked.problems;
      const seen = resolver.issues.length;
      const found = resolver.checkRuleIds(known, { unknownAllowed: packsBroken }).then(() => resolver.issues.slice(seen).map(toProblem));
      checked = { known, packsBroken, problems: found };
      return found;
    },
  };
}

/** How many drafts' resolutions `ProjectConfigs` keeps: the drafts being typed in, and a few more. */
export const KEPT_CONFIGS = 16;

/**
 * Keeps each draft's resolved configuration while the files it came from stay as they were. A
 * resolution reads and parses the configuration files from the draft's folder up to the
 * repository root and compiles their globs: about 0.2 ms, at every keystroke. Instead, every file
 * and folder the resolution looked at (found or not) is stamped, and the next lint of the draft
 * checks the stamps, a `stat` each. The stamps, not a watcher, decide: an editor that watches no
 * files, or a file outside the workspace (`extends: ../../shared.yaml`), must still be seen.
 */
export class ProjectConfigs {
  private readonly kept = new RecentMap<string, { stamps: Stamp[]; config: ProjectConfig }>(KEPT_CONFIGS);

  /** The configuration of a draft on disk (see `ResolveProjectConfig`). */
  readonly resolve: ResolveProjectConfig = async (draftPath, workspaceRoot) => {
    const key = `${workspaceRoot ?? ''}\0${draftPath}`;
    const kept = this.kept.take(key);
    if (kept && unchanged(kept.stamps)) {
      this.kept.put(key, kept);
      return kept.config;
    }
    const fs = new StampingFileSystem();
    const config = await resolveWith(fs, draftPath, workspaceRoot);
    this.kept.put(key, { stamps: fs.stamps, config });
    return config;
  };

  /** Forgets every resolution (settings or watched files changed). */
  clear(): void {
    this.kept.clear();
  }
}

/**
 * A path as the resolution saw it (see `fileStamp`): a file it read or a folder it listed by its
 * content, a path it only looked for by what is there, so that the churn inside `.git` does not
 * count as a change. Taken before the read, so that a change during the read shows at the next
 * check.
 */
interface Stamp {
  file: string;
  content: boolean;
  value: string;
}

/** The disk as `syncFileSystem` reads it, stamping every path it is asked about (see `Stamp`). */
class StampingFileSystem implements ReadableFileSystem {
  readonly stamps: Stamp[] = [];
  private readonly seen = new Set<string>();

  readFile(file: string): Promise<Uint8Array> {
    this.stamp(file, true);
    return syncFileSystem.readFile(file);
  }

  readdir(dir: string): Promise<DirEntry[]> {
    this.stamp(dir, true);
    return syncFileSystem.readdir(dir);
  }

  stat(file: string): Promise<{ isFile: boolean; isDirectory: boolean } | undefined> {
    this.stamp(file, false);
    return syncFileSystem.stat(file);
  }

  private stamp(file: string, content: boolean): void {
    const key = (content ? 'c' : 's') + file;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.stamps.push({ file, content, value: fileStamp(file, content) });
  }
}

/** Whether every path stamped is as it was. */
function unchanged(stamps: readonly Stamp[]): boolean {
  return stamps.every((s) => fileStamp(s.file, s.content) === s.value);
}

/** The configuration of a draft that has no file on disk (an untitled draft). */
export const NO_PROJECT_CONFIG: ProjectConfig = {
  files: [],
  rules: {},
  packs: [],
  language: 'auto',
  ignored: false,
  problems: [],
  checkRules: async () => [],
};

function toProblem(issue: ConfigIssue): ConfigProblem {
  const problem: ConfigProblem = { source: issue.file, message: issue.message };
  if (issue.line !== undefined) {
    const at = { line: issue.line - 1, character: (issue.column ?? 1) - 1 };
    problem.range = { start: at, end: at };
  }
  return problem;
}
