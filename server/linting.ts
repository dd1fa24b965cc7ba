import { lint, LintCache, type ConfigProblem, type LintResult } from '../engine';
import { confinementProblem } from '../project/confinement';
import { formatBytes } from '../project/fsError';
import { DEFAULT_MAX_DRAFT_BYTES, formatSeconds, TimeBudgetExceeded, type TimeBudget } from '../project/limits';
import { globMatcher, TopFolderFinder } from '../project/paths';
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

/**
 * How long one lint may take in the editor, unless the client's `initializationOptions` give
 * `timeoutSeconds`. A lint runs in the server's only thread, so while it runs nothing is answered;
 * one that takes longer is stopped, said so, and its draft left unchecked until the settings, a
 * configuration or a pack change, or the draft is opened again (so that typing in it does not stop
 * the server again at each keystroke).
 */
export const LINT_BUDGET_MS = 10_000;

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
  /** Drafts whose lint overran its budget, with the generation it overran in: not linted again until it changes. */
  private readonly stopped = new Map<string, number>();
  /** How long one lint may take (see `LINT_BUDGET_MS`). */
  budgetMs = LINT_BUDGET_MS;

  constructor(
    private readonly settings: SettingsStore,
    private readonly resolveConfig: ResolveProjectConfig,
    private readonly packs: UserPacks,
    private readonly problems: ProblemReporter,
    /** The workspace folders, as URIs. */
    private readonly workspaceRoots: () => string[],
    private readonly files: ServerFiles,
    /** Runs a lint within a time budget, where the server can stop one (Node); else lints run to their end. */
    private readonly withinTime?: TimeBudget,
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
    this.stopped.delete(uri);
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
      const name = root ? relativeTo(root, draft.uri) : draft.uri;
      if (this.stopped.get(draft.uri) === this.generation) return undefined;
      if (draft.text.length > DEFAULT_MAX_DRAFT_BYTES) {
        this.problems.report(
          [],
          [],
          [`${name} is not checked: it is larger than ${formatBytes(DEFAULT_MAX_DRAFT_BYTES)}.`],
        );
        return undefined;
      }
      // Settings name packs relative to the workspace folder (an untitled draft's: the first one).
      const base = root ?? (schemeOf(draft.uri) === 'untitled' ? this.workspaceRoots()[0] : parentUri(draft.uri));
      const located = (refs: string[]) =>
        base
          ? refs
              .map((ref) => {
                const uri = resolveUri(base, ref);
                return { ref, path: uri ? this.files.pathOf(uri) : undefined };
              })
              .filter((p): p is { ref: string; path: string } => p.path !== undefined)
          : [];
      const { paths: settingPacks, problems: refused } = await this.confined(located(settings.packs), base);
      const userPacks = located(settings.userPacks).map((p) => p.path);
      const packPaths = [...new Set([...config.packs, ...settingPacks, ...userPacks])];
      const { pack, problems: packProblems } = await this.packs.get(packPaths);
      const rules = effectiveRules(settings, config.rules);
      const messageLanguage = settings.messageLanguage !== 'auto' ? settings.messageLanguage : config.language;
      const cache = draft.version === undefined ? undefined : this.chunkCache(draft.uri);
      let result: LintResult;
      try {
        const run = () => lint(draft.text, { pack, rules, messageLanguage, cache });
        result = this.withinTime ? this.withinTime(this.budgetMs, run) : run();
      } catch (error) {
        if (!(error instanceof TimeBudgetExceeded)) throw error;
        // The stopped lint may have left the draft's cache half-built: start it afresh next time.
        this.chunks.delete(draft.uri);
        this.stopped.set(draft.uri, this.generation);
        const packs = packPaths.map((p) => {
          const uri = this.files.uriOf(p);
          return base ? relativeTo(base, uri) : uri;
        });
        this.problems.report(
          [],
          [],
          [
            `${name} is not checked: its check took longer than ${formatSeconds(this.budgetMs)} and was stopped (the draft has ${draft.text.length.toLocaleString('en')} characters${packs.length ? `; a pattern of ${packs.join(', ')} may be too slow for it` : ''}). Reopen it, or change the settings or packs, to check it again.`,
          ],
        );
        return undefined;
      }

      const problems = [
        ...config.problems,
        ...refused,
        ...packProblems,
        ...(await config.checkRules(pack.rules, packProblems.length > 0)),
      ];
      const messages = [...settingProblems];
      for (const p of result.problems) {
        // A rule id or option from a configuration file was checked against that file, with its
        // line. (Its own key only: `constructor` is in every object.)
        if (!(p.source === '<options>' && p.ruleId && Object.hasOwn(config.rules, p.ruleId))) messages.push(p.message);
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

  /**
   * The packs a workspace's settings name, less those outside the project
   * (the repository above the workspace folder `base`): a workspace's settings are its own files,
   * as untrusted as its configuration. The packs the user's own settings name (`userPacks`) are
   * not confined.
   */
  private async confined(
    packs: { ref: string; path: string }[],
    base: string | undefined,
  ): Promise<{ paths: string[]; problems: ConfigProblem[] }> {
    const out: { paths: string[]; problems: ConfigProblem[] } = { paths: [], problems: [] };
    const basePath = base === undefined ? undefined : this.files.pathOf(base);
    if (packs.length === 0 || basePath === undefined) return out;
    const top = await new TopFolderFinder(this.files.fs, basePath).topOf(basePath);
    for (const { ref, path } of packs) {
      const outside = await confinementProblem(this.files.fs, path, top);
      if (outside)
        out.problems.push({
          source: '<settings>',
          message: `The pack ${ref} that the workspace's clusterPolicyLint.packs names is not read: it ${outside}. Name it in your user settings to use it.`,
        });
      else out.paths.push(path);
    }
    return out;
  }
}
