import path from 'node:path';
import { ConfigResolver, type ConfigIssue } from '../cli/config';
import type { ConfigProblem, RuleInfo, RuleSetting } from '../engine';
import { syncFileSystem } from './configFileSystem';

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
 * A fresh resolver per lint: the CLI's resolver caches files for one run, and in an editor a file
 * may change between two keystrokes (with or without a watcher telling the server).
 */
export const resolveProjectConfig: ResolveProjectConfig = async (draftPath, workspaceRoot) => {
  const resolver = new ConfigResolver(syncFileSystem, workspaceRoot ?? path.dirname(draftPath));
  const [config, ignoredBy] = await Promise.all([resolver.resolve(draftPath), resolver.ignoredBy(draftPath)]);
  const seen = resolver.issues.length;
  return {
    files: config.files,
    rules: config.rules,
    packs: config.packs,
    language: config.language,
    ignored: ignoredBy !== undefined,
    problems: resolver.issues.map(toProblem),
    async checkRules(known, packsBroken) {
      await resolver.checkRuleIds(known, { unknownAllowed: packsBroken });
      return resolver.issues.slice(seen).map(toProblem);
    },
  };
};

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
