import { lint, LintCache, type LintResult } from '../engine';
import { globMatcher } from '../project/paths';
import { draftScope, frontMatterSwitch, type DraftScope } from './draftScope';
import { parentUri, resolveUri, type ServerFiles } from './files';
import type { ProblemReporter } from './problems';
import { RecentMap } from './recentMap';
import type { ProjectConfig, ResolveProjectConfig } from './projectConfig';
import { effectiveRules, type DraftSettings, type SettingsStore } from './settings';
import { isBelow, relativeTo, schemeOf } from './uris';
import type { UserPacks } from './userPacks';

/** How many drafts' lints are kept for features to answer from (see `DraftLinter`). */
export const KEPT_LINTS = 2;

/** A draft's text and identity, as an open document or a file read from disk. */
export interface DraftText {
  uri: string;
  /** The open document's version; undefined for a file read from disk. */
  version?: number;
  text: string;
}

/** A draft's lint, with where it lives. */
export interface DraftLint {
  uri: string;
  /** The draft's path relative to its workspace folder, with `/` separators (for reports). */
  relativePath: string;
  result: LintResult;
}

/**
 * Lints drafts with their settings, configuration file and packs. Every editor feature (push and
 * pull diagnostics, hovers, code actions, completion, code lens, custom requests) asks here, so a
 * document version is linted once however many features want it.
 */
export class DraftLinter {
  // The lints of the drafts used last, most recent last. A lint holds the whole parsed draft, its
  // findings and evidence (a few times the draft's size), so only a few are kept: a feature asking
  // about another open draft lints it again, which its engine cache makes cheap (nothing changed,
  // so nothing is parsed or matched again).
  private readonly cache = new RecentMap<
    string,
    { version: number; generation: number; lint: Promise<DraftLint | undefined> }
  >(KEPT_LINTS);
  // One engine cache per open document: after an edit only the chunks it touched are re-parsed
  // and re-matched. Files read from disk (workspace lint) are linted once and need none.
  private readonly chunks = new Map<string, LintCache>();
  private generation = 0;

  constructor(
    private readonly settings: SettingsStore,
    private readonly resolveConfig: ResolveProjectConfig,
    private readonly packs: UserPacks,
    private readonly problems: ProblemReporter,
    /** The workspace folders, as URIs. */
    private readonly workspaceRoots: () => string[],
    private readonly files: ServerFiles,
  ) {}

  /** Forgets every lint: settings, a configuration file or a pack changed. */
  invalidate(): void {
    this.generation++;
    this.cache.clear();
  }

  /** Forgets a closed document. */
  forget(uri: string): void {
    this.cache.delete(uri);
    this.chunks.delete(uri);
  }

  private chunkCache(uri: string): LintCache {
    let cache = this.chunks.get(uri);
    if (!cache) this.chunks.set(uri, (cache = new LintCache()));
    return cache;
  }

  /**
   * The lint of a draft, or undefined when it is not to be linted (disabled in settings, or
   * ignored by the configuration file). Never rejects: a failure is reported and gives undefined.
   */
  get(draft: DraftText): Promise<DraftLint | undefined> {
    if (draft.version === undefined) return this.run(draft);
    const cached = this.cache.take(draft.uri);
    if (cached && cached.version === draft.version && cached.generation === this.generation) {
      this.cache.put(draft.uri, cached);
      return cached.lint;
    }
    const lintPromise = this.run(draft);
    this.cache.put(draft.uri, { version: draft.version, generation: this.generation, lint: lintPromise });
    return lintPromise;
  }

  /** Whether a draft is checked, and why (the status item says it). */
  async scope(draft: DraftText): Promise<DraftScope> {
    return (await this.prepare(draft)).scope;
  }

  /** What a draft's lint needs: its settings, workspace folder, configuration, and whether it is checked. */
  private async prepare(draft: DraftText): Promise<{
    settings: DraftSettings;
    settingProblems: string[];
    root: string | undefined;
    config: ProjectConfig;
    scope: DraftScope;
  }> {
    const { settings, problems: settingProblems } = await this.settings.get(draft.uri);
    const root = this.workspaceRoots().find((r) => isBelow(r, draft.uri));
    const config = await this.resolveConfig(draft.uri, root);
    const scope = draftScope({
      enabled: settings.enable,
      requested: settings.requested,
      frontMatter: frontMatterSwitch(draft.text),
      configured: config.configured,
      ignored: config.ignored,
      included:
        root !== undefined && settings.include.length > 0 && globMatcher(settings.include)(relativeTo(root, draft.uri)),
    });
    return { settings, settingProblems, root, config, scope };
  }

  private async run(draft: DraftText): Promise<DraftLint | undefined> {
    try {
      const { settings, settingProblems, root, config, scope } = await this.prepare(draft);
      if (!scope.checked) return undefined;
      // Settings name packs relative to the workspace folder (an untitled draft's: the first one).
      const base = root ?? (schemeOf(draft.uri) === 'untitled' ? this.workspaceRoots()[0] : parentUri(draft.uri));
      const settingPacks = base
        ? settings.packs
            .map((p) => resolveUri(base, p))
            .map((uri) => (uri ? this.files.pathOf(uri) : undefined))
            .filter((p): p is string => p !== undefined)
        : [];
      const packPaths = [...new Set([...config.packs, ...settingPacks])];
      const { pack, problems: packProblems } = await this.packs.get(packPaths);
      const rules = effectiveRules(settings, config.rules);
      const messageLanguage = settings.messageLanguage !== 'auto' ? settings.messageLanguage : config.language;
      const cache = draft.version === undefined ? undefined : this.chunkCache(draft.uri);
      const result = lint(draft.text, { pack, rules, messageLanguage, cache });

      const problems = [
        ...config.problems,
        ...packProblems,
        ...(await config.checkRules(pack.rules, packProblems.length > 0)),
      ];
      const messages = [...settingProblems];
      for (const p of result.problems) {
        // A rule id or option from a configuration file was checked against that file, with its line.
        if (!(p.source === '<options>' && p.ruleId && p.ruleId in config.rules)) messages.push(p.message);
      }
      this.problems.report([...config.files, ...packPaths], problems, messages);
      const relativePath =
        schemeOf(draft.uri) === 'untitled' ? draft.uri : relativeTo(root ?? parentUri(draft.uri), draft.uri);
      return { uri: draft.uri, relativePath, result };
    } catch (error) {
      // Only a bug can get here; the drafter keeps a working editor and learns what went wrong.
      this.problems.report([], [], [`The draft could not be checked: ${(error as Error).message}`]);
      return undefined;
    }
  }
}
