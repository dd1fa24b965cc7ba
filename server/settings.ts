import type { Connection } from 'vscode-languageserver';
import { HEADING_RULE_IDS, type RuleSetting } from '../engine';
import { CONFIG_SECTION } from '../common/protocol';
import { headingPatternProblem } from '../project/config';

/**
 * The editor settings the server honours, after normalisation. They are pulled per document
 * (`workspace/configuration` with the document as `scopeUri`), so a multi-root workspace can set
 * them per folder; nothing here is a server-wide global.
 */
export interface DraftSettings {
  enable: boolean;
  /** Rule severities or options by rule id; a configuration file's `rules` override these. */
  rules: Record<string, RuleSetting>;
  messageLanguage: 'auto' | 'en' | 'zh';
  /** Heading patterns of measures sections, for the three measure rules; empty uses the pack's. */
  measureHeadings: string[];
  /**
   * Extra rule packs (paths relative to the workspace folder), on top of a configuration file's.
   * They may come from the workspace's own settings, so each must be a file inside the project.
   */
  packs: string[];
  /** Globs (relative to the workspace folder) of Markdown files to check without a configuration file. */
  include: string[];
  /**
   * The user asked, in the editor, to check this document as a policy draft. Not a setting a user
   * writes: the VS Code extension adds it to the settings it answers for the documents it remembers.
   */
  requested: boolean;
  /**
   * Packs the user's own settings name (`userPacks`): read wherever they are. The VS Code client
   * fills it from the user-level value of `clusterPolicyLint.packs`, never from a workspace's.
   */
  userPacks: string[];
}

/** What the server uses when a client sends no settings at all. */
export const DEFAULT_SETTINGS: DraftSettings = {
  enable: true,
  rules: {},
  messageLanguage: 'auto',
  measureHeadings: [],
  packs: [],
  include: [],
  requested: false,
  userPacks: [],
};

const LEVELS = new Set(['error', 'warning', 'information', 'hint', 'off']);
// The shape of a rule id. A key of another shape (`__proto__`, `toString`) is refused at once: it
// names no rule, and written into an object it could name one of the object's own properties.
const RULE_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;

/** Settings and the sentences that say which values were ignored. */
export interface NormalizedSettings {
  settings: DraftSettings;
  problems: string[];
}

/**
 * Turns whatever a client sent into usable settings. A wrong value is dropped with a sentence
 * saying so; it never stops linting.
 */
export function normalizeSettings(raw: unknown): NormalizedSettings {
  const problems: string[] = [];
  const settings: DraftSettings = {
    ...DEFAULT_SETTINGS,
    rules: {},
    measureHeadings: [],
    packs: [],
    include: [],
    userPacks: [],
  };
  if (raw === null || raw === undefined) return { settings, problems };
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    problems.push(`The "${CONFIG_SECTION}" settings must be an object; the defaults are used.`);
    return { settings, problems };
  }
  const r = raw as Record<string, unknown>;
  if (typeof r.enable === 'boolean') settings.enable = r.enable;
  else if (r.enable !== undefined) problems.push(`"${CONFIG_SECTION}.enable" must be true or false.`);

  if (r.messageLanguage === 'auto' || r.messageLanguage === 'en' || r.messageLanguage === 'zh')
    settings.messageLanguage = r.messageLanguage;
  else if (r.messageLanguage !== undefined)
    problems.push(`"${CONFIG_SECTION}.messageLanguage" must be "auto", "en" or "zh".`);

  if (r.rules !== undefined) {
    if (typeof r.rules !== 'object' || r.rules === null || Array.isArray(r.rules)) {
      problems.push(
        `"${CONFIG_SECTION}.rules" must map rule ids to a severity ("error", "warning", "information", "hint" or "off").`,
      );
    } else {
      for (const [id, value] of Object.entries(r.rules as Record<string, unknown>)) {
        if (!RULE_ID.test(id)) {
          problems.push(
            `"${CONFIG_SECTION}.rules" names something that is not a rule id (rule ids are lower-case words joined by hyphens); it is ignored.`,
          );
          continue;
        }
        const setting = ruleSetting(value);
        if (setting === undefined)
          problems.push(
            `The setting for rule "${id}" is not a severity ("error", "warning", "information", "hint" or "off"); it is ignored.`,
          );
        else settings.rules[id] = setting;
      }
    }
  }

  // The patterns may come from a workspace's settings: each is checked as a configuration's are.
  settings.measureHeadings = stringList(r.measureHeadings, 'measureHeadings', problems).filter((pattern, i) => {
    const wrong = headingPatternProblem(pattern);
    if (wrong) problems.push(`"${CONFIG_SECTION}.measureHeadings" pattern ${i + 1} is ignored. ${wrong}`);
    return !wrong;
  });
  settings.packs = stringList(r.packs, 'packs', problems);
  settings.include = stringList(r.include, 'include', problems);
  settings.requested = r.requested === true;
  settings.userPacks = stringList(r.userPacks, 'userPacks', problems);
  return { settings, problems };
}

function ruleSetting(value: unknown): RuleSetting | undefined {
  if (typeof value === 'string') return LEVELS.has(value) ? (value as RuleSetting) : undefined;
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const v = value as Record<string, unknown>;
    if (Object.keys(v).some((key) => key !== 'severity' && key !== 'k' && key !== 'headings')) return undefined;
    if (v.severity !== undefined && !(typeof v.severity === 'string' && LEVELS.has(v.severity))) return undefined;
    if (v.k !== undefined && typeof v.k !== 'number') return undefined;
    if (
      v.headings !== undefined &&
      !(Array.isArray(v.headings) && v.headings.every((h) => typeof h === 'string' && !headingPatternProblem(h)))
    )
      return undefined;
    return v as RuleSetting;
  }
  return undefined;
}

function stringList(value: unknown, name: string, problems: string[]): string[] {
  if (value === undefined || value === null) return [];
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value.filter((v) => v.trim() !== '');
  problems.push(`"${CONFIG_SECTION}.${name}" must be a list of strings; it is ignored.`);
  return [];
}

/**
 * The rule settings a lint uses: the editor's rules, the measures heading patterns applied to
 * the three measure rules, then the configuration file's rules on top (so the editor shows what
 * CI will report).
 */
export function effectiveRules(
  settings: DraftSettings,
  fileRules: Record<string, RuleSetting>,
): Record<string, RuleSetting> {
  const rules: Record<string, RuleSetting> = { ...settings.rules };
  if (settings.measureHeadings.length) {
    for (const id of HEADING_RULE_IDS) {
      const current = rules[id];
      const base = typeof current === 'string' ? { severity: current } : { ...current };
      rules[id] = { ...base, headings: settings.measureHeadings };
    }
  }
  for (const [id, setting] of Object.entries(fileRules)) {
    const current = rules[id];
    if (typeof setting === 'object' && typeof current === 'object') rules[id] = { ...current, ...setting };
    else if (typeof setting === 'string' && typeof current === 'object') rules[id] = { ...current, severity: setting };
    else rules[id] = setting;
  }
  return rules;
}

/**
 * Pulls settings per document and keeps them until the client says they changed. A client
 * without `workspace/configuration` gets the settings it pushed with
 * `workspace/didChangeConfiguration`, or the defaults.
 */
export class SettingsStore {
  private readonly cache = new Map<string, Promise<NormalizedSettings>>();
  private pushed: NormalizedSettings = { settings: DEFAULT_SETTINGS, problems: [] };

  constructor(
    private readonly connection: Connection,
    private readonly canPull: () => boolean,
  ) {}

  /** The settings for one document. */
  get(uri: string): Promise<NormalizedSettings> {
    if (!this.canPull()) return Promise.resolve(this.pushed);
    let entry = this.cache.get(uri);
    if (!entry) {
      entry = this.connection.workspace.getConfiguration({ scopeUri: uri, section: CONFIG_SECTION }).then(
        (raw: unknown) => normalizeSettings(raw),
        () => ({
          settings: DEFAULT_SETTINGS,
          problems: ['The editor did not send the settings; the defaults are used.'],
        }),
      );
      this.cache.set(uri, entry);
    }
    return entry;
  }

  /** Forgets pulled settings (they changed), keeping what a push-only client sent. */
  changed(pushedSettings: unknown): void {
    this.cache.clear();
    if (pushedSettings && typeof pushedSettings === 'object' && CONFIG_SECTION in pushedSettings) {
      this.pushed = normalizeSettings((pushedSettings as Record<string, unknown>)[CONFIG_SECTION]);
    }
  }

  /** Drops a closed document's entry. */
  forget(uri: string): void {
    this.cache.delete(uri);
  }
}
