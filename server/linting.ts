import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { lint, LintCache, type LintResult } from '../engine';
import type { ProblemReporter } from './problems';
import { RecentMap } from './recentMap';
import { NO_PROJECT_CONFIG, type ResolveProjectConfig } from './projectConfig';
import { effectiveRules, type SettingsStore } from './settings';
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
  /** The file's path relative to its workspace folder, with `/` separators (for reports). */
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
    private readonly workspaceRoots: () => string[],
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

  private async run(draft: DraftText): Promise<DraftLint | undefined> {
    try {
      const { settings, problems: settingProblems } = await this.settings.get(draft.uri);
      if (!settings.enable) return undefined;
      const file = filePath(draft.uri);
      const root = file ? this.workspaceRoots().find((r) => isInside(file, r)) : undefined;
      const config = file ? await this.resolveConfig(file, root) : NO_PROJECT_CONFIG;
      if (config.ignored) return undefined;
      const settingPacks = settings.packs.map((p) =>
        path.resolve(root ?? (file ? path.dirname(file) : process.cwd()), p),
      );
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
      const relativePath = file
        ? path
            .relative(root ?? path.dirname(file), file)
            .split(path.sep)
            .join('/')
        : draft.uri;
      return { uri: draft.uri, relativePath, result };
    } catch (error) {
      // Only a bug can get here; the drafter keeps a working editor and learns what went wrong.
      this.problems.report([], [], [`The draft could not be checked: ${(error as Error).message}`]);
      return undefined;
    }
  }
}

/** The file-system path of a `file:` URI, or undefined for other schemes (untitled drafts). */
export function filePath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

function isInside(file: string, root: string): boolean {
  const rel = path.relative(root, file);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}
