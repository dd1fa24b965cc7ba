/**
 * Configuration files: discovery from each draft's folder up to the repository root, `extends`,
 * `overrides` by glob, `ignores`, user `packs` and the message `language`. Every mistake becomes a
 * `ConfigIssue` naming the file, line and column, in words a policy drafter can act on.
 */
import path from 'node:path';
// The ESM build: the package's default UMD build requires its parts at run time, which a bundle cannot.
import * as jsonc from 'jsonc-parser/lib/esm/main.js';
import type { Document, Pair } from 'yaml';
import { isMap, isNode, isScalar } from 'yaml';
import { HEADING_RULE_IDS, LineIndex, patternHazard, readYamlText, type RuleInfo, type RuleSetting } from '../engine';
import { confinementProblem } from './confinement';
import type { ReadableFileSystem } from './fileSystem';
import { describeFsError } from './fsError';
import { MAX_SETTINGS_FILE_BYTES } from './limits';
import { globMatcher, TopFolderFinder } from './paths';

/** The names a configuration file may have, in the order they are looked for in one folder. */
export const CONFIG_NAMES = [
  '.cluster-policy-lint.yaml',
  '.cluster-policy-lint.yml',
  '.cluster-policy-lint.json',
  '.cluster-policy-lint.jsonc',
] as const;

/** The message language a configuration asks for. */
export type LanguageSetting = 'auto' | 'en' | 'zh';

/** A problem with a configuration or pack file; `line`/`column` are 1-based when known. */
export interface ConfigIssue {
  file: string;
  line?: number;
  column?: number;
  message: string;
}

/** The configuration that applies to one draft, after discovery, extends and overrides. */
export interface ResolvedConfig {
  language: LanguageSetting;
  rules: Record<string, RuleSetting>;
  /** Absolute paths of the user packs to load, in order. */
  packs: string[];
  /** Absolute paths of the configuration files that applied, farthest first. */
  files: string[];
}

type DataPath = (string | number)[];

/** Where a value stands in its file. */
interface Located {
  file: string;
  line?: number;
  column?: number;
}

interface RuleEntry {
  setting: RuleSetting;
  at: Located;
}

/** One configuration file with its `extends` already folded in. */
interface LoadedConfig {
  file: string;
  language?: LanguageSetting;
  rules: Map<string, RuleEntry>;
  overrides: {
    base: string;
    match: (rel: string) => boolean;
    rules: Map<string, RuleEntry>;
    language?: LanguageSetting;
  }[];
  ignores: { base: string; match: (rel: string) => boolean }[];
  packs: string[];
}

const SEVERITIES = ['off', 'error', 'warning', 'information', 'hint'] as const;
const TOP_KEYS = ['$schema', 'extends', 'language', 'rules', 'overrides', 'ignores', 'packs'];

/**
 * Finds, loads and merges configuration files. One resolver serves a whole run and caches every
 * file and folder it has looked at; problems accumulate in `issues`.
 */
export class ConfigResolver {
  readonly issues: ConfigIssue[] = [];
  private readonly files = new Map<string, Promise<LoadedConfig | undefined>>();
  private readonly chains = new Map<string, Promise<LoadedConfig[]>>();
  private readonly top: TopFolderFinder;

  /**
   * @param explicitConfig an absolute path given with `--config`: it replaces discovery.
   */
  constructor(
    private readonly fs: ReadableFileSystem,
    cwd: string,
    private readonly explicitConfig?: string,
  ) {
    this.top = new TopFolderFinder(fs, cwd);
  }

  /** The configuration files that apply in a folder, farthest first. */
  chainFor(dir: string): Promise<LoadedConfig[]> {
    let chain = this.chains.get(dir);
    if (!chain) {
      chain = this.discover(dir);
      this.chains.set(dir, chain);
    }
    return chain;
  }

  private async discover(dir: string): Promise<LoadedConfig[]> {
    if (this.explicitConfig) {
      // The user named this file: it is read wherever it is, and what it names is confined to
      // its own project.
      const loaded = await this.load(this.explicitConfig, [], undefined);
      return loaded ? [loaded] : [];
    }
    const chain: LoadedConfig[] = [];
    const folders = await this.top.foldersUp(dir);
    const top = folders[folders.length - 1]!;
    for (const folder of folders) {
      for (const name of CONFIG_NAMES) {
        const file = path.join(folder, name);
        // A folder on the way that cannot be looked into has no configuration we can know of.
        const found = await this.fs.stat(file).catch(() => undefined);
        if (!found?.isFile) continue;
        const loaded = await this.load(file, [], top);
        if (loaded) chain.unshift(loaded);
        break;
      }
    }
    return chain;
  }

  /** The configuration for a draft at an absolute path. */
  async resolve(file: string): Promise<ResolvedConfig> {
    const chain = await this.chainFor(path.dirname(file));
    const rules = new Map<string, RuleSetting>();
    let language: LanguageSetting = 'auto';
    const packs: string[] = [];
    for (const config of chain) {
      if (config.language) language = config.language;
      mergeRules(rules, config.rules);
      for (const pack of config.packs) if (!packs.includes(pack)) packs.push(pack);
      for (const o of config.overrides) {
        if (!o.match(posixRelative(o.base, file))) continue;
        if (o.language) language = o.language;
        mergeRules(rules, o.rules);
      }
    }
    return { language, rules: Object.fromEntries(rules), packs, files: chain.map((c) => c.file) };
  }

  /** The configuration file whose `ignores` cover this path, if one does. */
  async ignoredBy(file: string, isFolder = false): Promise<string | undefined> {
    const chain = await this.chainFor(isFolder ? file : path.dirname(file));
    for (const config of chain) {
      for (const ignore of config.ignores) if (ignore.match(posixRelative(ignore.base, file))) return config.file;
    }
    return undefined;
  }

  /**
   * Checks the rule ids and options of every loaded file against the rules of the packs in use.
   * With `unknownAllowed` (a user pack failed to load) an unknown id is let pass: it may belong
   * to the broken pack, which is already reported.
   */
  async checkRuleIds(known: readonly RuleInfo[], options: { unknownAllowed?: boolean } = {}): Promise<void> {
    const byId = new Map(known.map((r) => [r.id, r]));
    const seen = new Set<string>();
    for (const pending of this.files.values()) {
      const config = await pending;
      if (!config) continue;
      for (const rules of [config.rules, ...config.overrides.map((o) => o.rules)]) {
        for (const [id, entry] of rules) {
          const key = `${entry.at.file}:${entry.at.line}:${id}`;
          if (seen.has(key)) continue;
          seen.add(key);
          const rule = byId.get(id);
          if (!rule) {
            if (options.unknownAllowed) continue;
            // The id is not quoted: a configuration's text is never repeated (see `ConfigIssue`).
            this.issues.push({ ...entry.at, message: `This is not a rule id. ${suggest(id, [...byId.keys()])}` });
            continue;
          }
          const setting = entry.setting;
          if (typeof setting === 'object' && setting.k !== undefined) {
            if (rule.kind !== 'coverage')
              this.issues.push({
                ...entry.at,
                message: `"k" applies to coverage elements only, and ${id} is a drafting rule.`,
              });
            else if (rule.facets && setting.k > rule.facets.length) {
              this.issues.push({
                ...entry.at,
                message: `"k" for ${id} must be from 1 to ${rule.facets.length}, the number of its facets.`,
              });
            }
          }
          if (typeof setting === 'object' && setting.headings !== undefined && !HEADING_RULE_IDS.includes(id)) {
            this.issues.push({
              ...entry.at,
              message: `"headings" applies to the measure rules (${HEADING_RULE_IDS.join(', ')}), not to ${id}.`,
            });
          }
        }
      }
    }
  }

  /**
   * Loads one file and what it extends; `stack` holds the files being loaded, to catch cycles.
   * `top` is the project folder the file must lie in (a discovered file, or one a file extends);
   * undefined for the file the user named.
   */
  private load(file: string, stack: string[], top: string | undefined): Promise<LoadedConfig | undefined> {
    let pending = this.files.get(file);
    if (!pending) {
      pending = this.loadUncached(file, stack, top);
      this.files.set(file, pending);
    }
    return pending;
  }

  private async loadUncached(
    file: string,
    stack: string[],
    top: string | undefined,
  ): Promise<LoadedConfig | undefined> {
    const confined = top === undefined ? undefined : await confinementProblem(this.fs, file, top);
    if (confined) {
      this.issues.push({ file, message: `The configuration file is not read: it ${confined}.` });
      return undefined;
    }
    let bytes: Uint8Array;
    try {
      bytes = await this.fs.readFile(file, MAX_SETTINGS_FILE_BYTES);
    } catch (error) {
      this.issues.push({ file, message: `The configuration file cannot be read: ${describeFsError(error)}.` });
      return undefined;
    }
    const text = new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, '');
    const parsed = parseConfigText(text, file);
    if (!parsed.ok) {
      // One by one: a broken file may have very many, too many to spread as arguments.
      for (const issue of parsed.issues) this.issues.push(issue);
      return undefined;
    }
    const { value, locate } = parsed;
    const base = path.dirname(file);
    // What this file names must lie in its own project.
    const project = top ?? (await this.top.topOf(base));
    const at = (p: DataPath): Located => ({ file, ...locate(p) });
    const problem = (p: DataPath, message: string) => this.issues.push({ ...at(p), message });
    const before = this.issues.length;

    if (!isObject(value)) {
      problem([], 'A configuration must be a mapping with keys such as rules, ignores, packs or language.');
      return undefined;
    }
    for (const key of Object.keys(value)) {
      if (!TOP_KEYS.includes(key))
        problem([key], `Unknown key; a configuration may have ${TOP_KEYS.slice(1).join(', ')}.`);
    }

    const config: LoadedConfig = { file, rules: new Map(), overrides: [], ignores: [], packs: [] };
    for (const [i, target] of stringList(value.extends, ['extends'], problem).entries()) {
      const p = Array.isArray(value.extends) ? ['extends', i] : ['extends'];
      const extended = path.resolve(base, target);
      if (stack.includes(extended) || extended === file) {
        problem(p, '"extends" makes a loop: the file it names extends this file again.');
        continue;
      }
      const outside = await confinementProblem(this.fs, extended, project);
      if (outside) {
        problem(p, `"extends" names a file that is not read: it ${outside}.`);
        continue;
      }
      let found;
      try {
        found = await this.fs.stat(extended);
      } catch (error) {
        problem(p, `"extends" names a file that cannot be read: ${describeFsError(error)}.`);
        continue;
      }
      if (!found?.isFile) {
        problem(p, '"extends" names a file that does not exist.');
        continue;
      }
      const parent = await this.load(extended, [...stack, file], project);
      if (!parent) continue;
      if (parent.language) config.language = parent.language;
      mergeEntries(config.rules, parent.rules);
      config.overrides.push(...parent.overrides);
      config.ignores.push(...parent.ignores);
      for (const pack of parent.packs) if (!config.packs.includes(pack)) config.packs.push(pack);
    }

    const language = readLanguage(value.language, ['language'], problem);
    if (language) config.language = language;
    mergeEntries(config.rules, readRules(value.rules, ['rules'], at, problem));
    const ignores = stringList(value.ignores, ['ignores'], problem);
    if (ignores.length) config.ignores.push({ base, match: globMatcher(ignores) });
    for (const [i, pack] of stringList(value.packs, ['packs'], problem).entries()) {
      const absolute = path.resolve(base, pack);
      const outside = await confinementProblem(this.fs, absolute, project);
      if (outside) {
        problem(Array.isArray(value.packs) ? ['packs', i] : ['packs'], `This pack is not read: it ${outside}.`);
        continue;
      }
      if (!config.packs.includes(absolute)) config.packs.push(absolute);
    }
    if (value.overrides !== undefined && value.overrides !== null) {
      if (!Array.isArray(value.overrides))
        problem(['overrides'], '"overrides" must be a list of entries, each with "files" and "rules" or "language".');
      else {
        for (const [i, o] of (value.overrides as unknown[]).entries()) {
          const p = ['overrides', i];
          if (!isObject(o)) {
            problem(p, 'Each entry of "overrides" must be a mapping with "files" and "rules" or "language".');
            continue;
          }
          for (const key of Object.keys(o)) {
            if (!['files', 'rules', 'language'].includes(key))
              problem([...p, key], 'Unknown key in an override; it may have files, rules and language.');
          }
          const files = stringList(o.files, [...p, 'files'], problem);
          if (!files.length) {
            problem(p, 'An override needs "files": the globs of the drafts it applies to.');
            continue;
          }
          const override: LoadedConfig['overrides'][number] = {
            base,
            match: globMatcher(files),
            rules: readRules(o.rules, [...p, 'rules'], at, problem),
          };
          const lang = readLanguage(o.language, [...p, 'language'], problem);
          if (lang) override.language = lang;
          config.overrides.push(override);
        }
      }
    }
    return this.issues.length === before ? config : undefined;
  }
}

type Problem = (p: DataPath, message: string) => void;

function readLanguage(value: unknown, p: DataPath, problem: Problem): LanguageSetting | undefined {
  if (value === undefined || value === null) return undefined;
  if (value === 'auto' || value === 'en' || value === 'zh') return value;
  problem(p, '"language" must be auto (follow each draft), en or zh.');
  return undefined;
}

function readRules(
  value: unknown,
  p: DataPath,
  at: (p: DataPath) => Located,
  problem: Problem,
): Map<string, RuleEntry> {
  const out = new Map<string, RuleEntry>();
  // A key whose entries are all commented out (as in the starter file) is null: nothing set.
  if (value === undefined || value === null) return out;
  if (!isObject(value)) {
    problem(
      p,
      '"rules" must be a mapping from rule id to a severity (off, error, warning, information, hint) or options.',
    );
    return out;
  }
  for (const [id, setting] of Object.entries(value)) {
    const q = [...p, id];
    if (typeof setting === 'string') {
      if ((SEVERITIES as readonly string[]).includes(setting))
        out.set(id, { setting: setting as RuleSetting, at: at(q) });
      else problem(q, `A severity must be one of ${SEVERITIES.join(', ')}.`);
      continue;
    }
    if (!isObject(setting)) {
      problem(
        q,
        `A rule's setting must be a severity (${SEVERITIES.join(', ')}) or a mapping with severity, k or headings.`,
      );
      continue;
    }
    const options: Exclude<RuleSetting, string> = {};
    let ok = true;
    for (const [key, v] of Object.entries(setting)) {
      if (key === 'severity') {
        if (typeof v === 'string' && (SEVERITIES as readonly string[]).includes(v))
          options.severity = v as (typeof SEVERITIES)[number];
        else {
          ok = false;
          problem([...q, key], `A severity must be one of ${SEVERITIES.join(', ')}.`);
        }
      } else if (key === 'k') {
        if (typeof v === 'number' && Number.isInteger(v) && v >= 1) options.k = v;
        else {
          ok = false;
          problem([...q, key], '"k" must be a whole number, 1 or more: how many facets make the element covered.');
        }
      } else if (key === 'headings') {
        const list = Array.isArray(v) ? v : undefined;
        if (!list || list.some((h) => typeof h !== 'string')) {
          ok = false;
          problem(
            [...q, key],
            '"headings" must be a list of regular expressions matching the headings of measures sections.',
          );
          continue;
        }
        for (const [i, h] of (list as string[]).entries()) {
          const wrong = headingPatternProblem(h);
          if (!wrong) continue;
          ok = false;
          problem([...q, key, i], wrong);
        }
        if (ok) options.headings = list as string[];
      } else {
        ok = false;
        problem(
          [...q, key],
          'Unknown option; a rule may have severity, k (coverage elements) or headings (measure rules).',
        );
      }
    }
    if (ok) out.set(id, { setting: options, at: at(q) });
  }
  return out;
}

function stringList(value: unknown, p: DataPath, problem: Problem): string[] {
  if (value === undefined || value === null) return [];
  if (typeof value === 'string') return [value];
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value as string[];
  problem(p, `"${p[p.length - 1]}" must be a text or a list of texts.`);
  return [];
}

function mergeEntries(into: Map<string, RuleEntry>, from: Map<string, RuleEntry>): void {
  for (const [id, entry] of from) {
    const previous = into.get(id);
    into.set(id, previous ? { setting: mergeSetting(previous.setting, entry.setting), at: entry.at } : entry);
  }
}

function mergeRules(into: Map<string, RuleSetting>, from: Map<string, RuleEntry>): void {
  for (const [id, entry] of from) {
    const previous = into.get(id);
    into.set(id, previous === undefined ? entry.setting : mergeSetting(previous, entry.setting));
  }
}

/** A nearer setting refines a farther one: a bare severity keeps the farther options. */
function mergeSetting(farther: RuleSetting, nearer: RuleSetting): RuleSetting {
  if (typeof farther === 'string' && typeof nearer === 'string') return nearer;
  const a = typeof farther === 'string' ? { severity: farther } : farther;
  const b = typeof nearer === 'string' ? { severity: nearer } : nearer;
  return { ...a, ...b };
}

/** The text of a configuration, parsed, with a way to find the line of any value in it. */
type ParsedConfig =
  | { ok: true; value: unknown; locate: (p: DataPath) => { line?: number; column?: number } }
  | { ok: false; issues: ConfigIssue[] };

/** Parses YAML (`.yaml`, `.yml`) or JSON with comments (`.json`, `.jsonc`). */
export function parseConfigText(text: string, file: string): ParsedConfig {
  const lines = new LineIndex(text);
  const position = (offset: number) => {
    const pos = lines.positionAt(offset);
    return { line: pos.line + 1, column: pos.character + 1 };
  };
  if (/\.jsonc?$/i.test(file)) {
    const errors: jsonc.ParseError[] = [];
    let tree: jsonc.Node | undefined;
    let value: unknown;
    try {
      tree = jsonc.parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
      if (tree && !errors.length) value = jsonc.getNodeValue(tree);
    } catch (error) {
      // The parser recurses once per level: a text nested thousands deep overflows the stack.
      if (!(error instanceof RangeError)) throw error;
      return {
        ok: false,
        issues: [{ file, message: 'This is not a configuration: it is nested too deeply to be read.' }],
      };
    }
    if (errors.length || !tree) {
      const issues = errors.map((e) => ({
        file,
        ...position(e.offset),
        message: `This is not valid JSON: ${jsonErrorWords(e.error)}.`,
      }));
      return { ok: false, issues: issues.length ? issues : [{ file, message: 'The configuration file is empty.' }] };
    }
    const root = tree;
    return {
      ok: true,
      value,
      locate(p) {
        for (let n = p.length; n >= 0; n--) {
          const node = jsonc.findNodeAtLocation(root, p.slice(0, n));
          if (node) return position(node.parent?.type === 'property' ? node.parent.offset : node.offset);
        }
        return {};
      },
    };
  }
  const read = readYamlText(text);
  if (!read.ok) {
    return {
      ok: false,
      // An unclosed bracket or quote is found only at the end of the file; point at the last line
      // with text instead, which is where the drafter has to look.
      issues: read.problems.map((e) => ({
        file,
        ...position(Math.min(e.offset, lastLineStart(text))),
        message: `This is not valid YAML. ${e.message}`,
      })),
    };
  }
  const { doc } = read;
  return {
    ok: true,
    value: read.value ?? {},
    locate(p) {
      for (let n = p.length; n >= 0; n--) {
        const node = n === 0 ? doc.contents : doc.getIn(p.slice(0, n), true);
        if (isNode(node) && node.range) {
          // For a mapping value, point at its key: that is the line a reader looks for.
          const pair = n > 0 ? findPair(doc, p.slice(0, n)) : undefined;
          const keyNode = pair && isNode(pair.key) ? pair.key : undefined;
          return position(keyNode?.range ? keyNode.range[0] : node.range[0]);
        }
      }
      return {};
    },
  };
}

function lastLineStart(text: string): number {
  const trimmed = text.trimEnd();
  return trimmed.lastIndexOf('\n') + 1;
}

function findPair(doc: Document, p: DataPath): Pair | undefined {
  const parent = p.length === 1 ? doc.contents : doc.getIn(p.slice(0, -1), true);
  if (!isMap(parent)) return undefined;
  return parent.items.find((item) => isScalar(item.key) && item.key.value === p[p.length - 1]);
}

/** jsonc-parser's error codes, in words (by name: its enum is a `const enum`, which cannot be imported here). */
const JSON_ERROR_WORDS: Record<string, string> = {
  CommaExpected: 'a comma is missing',
  ColonExpected: 'a colon is missing',
  PropertyNameExpected: 'a key in double quotes is expected',
  ValueExpected: 'a value is expected',
  CloseBraceExpected: 'a closing } is missing',
  CloseBracketExpected: 'a closing ] is missing',
  EndOfFileExpected: 'there is text after the end',
  UnexpectedEndOfString: 'a text is not closed with "',
  InvalidSymbol: 'there is a character that JSON does not allow here',
};

function jsonErrorWords(code: jsonc.ParseErrorCode): string {
  const name = jsonc.printParseErrorCode(code);
  return JSON_ERROR_WORDS[name] ?? name;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * What is wrong with a measures heading pattern (a configuration's `headings`, an editor's
 * `measureHeadings`), or undefined when it can be used. It comes from the workspace, so it must be
 * safe to run (see `patternHazard`); it is matched in both languages' ways.
 */
export function headingPatternProblem(source: string): string | undefined {
  if (source.trim() === '') return 'A heading pattern cannot be empty.';
  if (source.length > MAX_HEADING_PATTERN)
    return `A heading pattern is longer than ${MAX_HEADING_PATTERN} characters; write a shorter one.`;
  try {
    new RegExp(source, 'u');
  } catch {
    return 'This is not a valid regular expression.';
  }
  return patternHazard(source, 'en') ?? patternHazard(source, 'zh');
}

const MAX_HEADING_PATTERN = 500;

function posixRelative(base: string, file: string): string {
  return path.relative(base, file).split(path.sep).join('/');
}

/** "Did you mean …?" for a mistyped rule id. */
function suggest(id: string, known: string[]): string {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of known) {
    const d = editDistance(id, candidate);
    if (d < bestDistance) {
      bestDistance = d;
      best = candidate;
    }
  }
  return best && bestDistance <= Math.max(2, id.length / 4)
    ? `Did you mean "${best}"? (see --list-rules)`
    : 'See --list-rules for the rules.';
}

function editDistance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++)
      next[j] = Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    row = next;
  }
  return row[b.length]!;
}

/** What `--init` writes: a commented starter configuration, its comments in English or Chinese. */
export function starterConfig(rules: readonly RuleInfo[], lang: 'en' | 'zh' = 'en'): string {
  const width = Math.max(...rules.map((r) => r.id.length));
  const kind = (r: RuleInfo) => (lang === 'zh' ? (r.kind === 'coverage' ? '覆盖要素' : '起草规则') : r.kind);
  const lines = rules.map(
    (r) => `  # ${`${r.id}:`.padEnd(width + 1)} ${r.severity.padEnd(11)} # ${kind(r)}: ${r.title[lang] || r.title.en}`,
  );
  return lang === 'zh' ? starterZh(lines) : starterEn(lines);
}

function starterEn(lines: string[]): string {
  return `# Cluster Policy Lint configuration. It applies to the drafts in this folder and below;
# a configuration in a sub-folder refines this one. Its JSON Schema ships with the tool as
# schemas/cluster-policy-lint.schema.json.

# The language of messages and inserted text: auto (follow each draft), en or zh.
language: auto

# A severity per rule id (off, error, warning, information, hint), or options. Coverage elements
# take "k", the number of facets that make the element covered; the measure rules take
# "headings", regular expressions matching the headings of measures sections.
rules:
${lines.join('\n')}
  # joint-action: { severity: error, k: 3 }
  # measure-owner: { headings: ["^Measures", "^保障措施"] }

# Different settings for some drafts, by glob relative to this folder.
# overrides:
#   - files: ["drafts/zh/**"]
#     language: zh

# Drafts not to lint (globs relative to this folder); .gitignore is honoured as well.
ignores:
  - "archive/**"

# Your own rule packs (YAML or JSON), in the same format as the built-in sme-cluster pack.
# packs:
#   - ./policy-packs/our-county.yaml
`;
}

function starterZh(lines: string[]): string {
  return `# Cluster Policy Lint 配置文件。它适用于本文件夹及其子文件夹中的草案；子文件夹中的配置
# 在此基础上细化。其 JSON Schema 随工具提供：schemas/cluster-policy-lint.schema.json。

# 提示信息和插入文字的语言：auto（随各草案）、en 或 zh。
language: auto

# 每条规则的严重程度（off、error、warning、information、hint）或选项。覆盖要素可设 "k"：
# 要素算作已覆盖所需的方面数；三条措施规则可设 "headings"：匹配措施章节标题的正则表达式。
rules:
${lines.join('\n')}
  # joint-action: { severity: error, k: 3 }
  # measure-owner: { headings: ["^Measures", "^保障措施"] }

# 对部分草案使用不同的设置，按相对于本文件夹的通配符匹配。
# overrides:
#   - files: ["drafts/zh/**"]
#     language: zh

# 不检查的草案（相对于本文件夹的通配符）；.gitignore 也同样生效。
ignores:
  - "archive/**"

# 自己的规则包（YAML 或 JSON），格式与内置的 sme-cluster 规则包相同。
# packs:
#   - ./policy-packs/our-county.yaml
`;
}
