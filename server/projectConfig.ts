import { CONFIG_NAMES, ConfigResolver, type ConfigIssue } from '../project/config';
import type { ConfigProblem, RuleInfo, RuleSetting } from '../engine';
import { parentUri, type ServerFiles } from './files';
import { RecentMap } from './recentMap';

/**
 * What the configuration files (`.cluster-policy-lint.yaml` …) say about one draft, in the
 * server's terms. The files are found, parsed and merged by the CLI's own resolver
 * (`cli/config.ts`), so the editor and CI always agree on a draft's configuration.
 */
export interface ProjectConfig {
  /** The configuration files that apply, farthest first. */
  files: string[];
  /** A configuration file applies, even one too broken to be used: its drafts are drafts. */
  configured: boolean;
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

/**
 * Finds and reads the configuration that applies to a draft (by URI, in the workspace folder
 * `workspaceRoot`, a URI too). A draft whose files cannot be read (an untitled one) has none.
 * Never throws.
 */
export type ResolveProjectConfig = (draftUri: string, workspaceRoot: string | undefined) => Promise<ProjectConfig>;

/**
 * Resolves a draft's configuration with a fresh resolver: the CLI's resolver caches files for a
 * whole run, but in an editor a file may change between two keystrokes.
 */
async function resolveWith(
  files: ServerFiles,
  draftUri: string,
  workspaceRoot: string | undefined,
): Promise<ProjectConfig> {
  const draftPath = files.pathOf(draftUri);
  const top = files.pathOf(workspaceRoot ?? parentUri(draftUri));
  if (draftPath === undefined || top === undefined) return NO_PROJECT_CONFIG;
  const resolver = new ConfigResolver(files.fs, top);
  const [config, ignoredBy] = await Promise.all([resolver.resolve(draftPath), resolver.ignoredBy(draftPath)]);
  const problems = resolver.issues.map(toProblem);
  // Checked once per set of rules: the same pack comes back at every keystroke, and the resolver
  // adds its issues again at each check.
  let checked: { known: readonly RuleInfo[]; packsBroken: boolean; problems: Promise<ConfigProblem[]> } | undefined;
  const named = (file: string) => CONFIG_NAMES.some((n) => file.endsWith(`/${n}`) || file.endsWith(`\\${n}`));
  return {
    files: config.files,
    configured: config.files.length > 0 || problems.some((p) => named(p.source)),
    rules: config.rules,
    packs: config.packs,
    language: config.language,
    ignored: ignoredBy !== undefined,
    problems,
    checkRules(known, packsBroken) {
      if (checked?.known === known && checked.packsBroken === packsBroken) return checked.problems;
      const seen = resolver.issues.length;
      const found = resolver
        .checkRuleIds(known, { unknownAllowed: packsBroken })
        .then(() => resolver.issues.slice(seen).map(toProblem));
      checked = { known, packsBroken, problems: found };
      return found;
    },
  };
}

/** How many drafts' resolutions `ProjectConfigs` keeps: the drafts being typed in, and a few more. */
export const KEPT_CONFIGS = 16;

/**
 * Keeps each draft's resolved configuration until a configuration file or a setting changes: a
 * resolution reads and parses the files from the draft's folder up to the repository root, and an
 * open draft is linted at every keystroke. The server clears it when the editor reports a watched
 * file changed, a configuration or pack file saved, or the settings changed.
 */
export class ProjectConfigs {
  private readonly kept = new RecentMap<string, ProjectConfig>(KEPT_CONFIGS);

  constructor(private readonly files: ServerFiles) {}

  /** The configuration of a draft (see `ResolveProjectConfig`). */
  readonly resolve: ResolveProjectConfig = async (draftUri, workspaceRoot) => {
    const key = `${workspaceRoot ?? ''}\0${draftUri}`;
    const kept = this.kept.take(key);
    const config = kept ?? (await resolveWith(this.files, draftUri, workspaceRoot));
    this.kept.put(key, config);
    return config;
  };

  /** Forgets every resolution (settings or configuration files changed). */
  clear(): void {
    this.kept.clear();
  }
}

/** The configuration of a draft that has no file to read beside it (an untitled draft). */
export const NO_PROJECT_CONFIG: ProjectConfig = {
  files: [],
  configured: false,
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
