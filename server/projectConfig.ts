import { promises as fs } from 'node:fs';
import path from 'node:path';
import picomatch from 'picomatch';
import YAML from 'yaml';
import { parse as parseJsonc, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { LineIndex, type ConfigProblem, type RuleSetting } from '../engine';
import { CONFIG_FILE_NAMES } from '../common/protocol';

/**
 * What a configuration file (`.cluster-policy-lint.yaml` …) says about one draft. The CLI reads
 * the same files; this is the server's view of the result, so a future shared resolver only has
 * to produce this shape.
 */
export interface ProjectConfig {
  /** The configuration file that applies, if any. */
  file?: string;
  /** Rules, with the overrides whose `files` match the draft applied. */
  rules: Record<string, RuleSetting>;
  /** Absolute paths of the user packs to load. */
  packs: string[];
  language?: 'auto' | 'en' | 'zh';
  /** True when the draft matches `ignores`: it gets no diagnostics. */
  ignored: boolean;
  /** Problems with the file itself, with `source` its absolute path. */
  problems: ConfigProblem[];
}

/** Finds and reads the configuration that applies to a draft on disk. Never throws. */
export type ResolveProjectConfig = (draftPath: string, workspaceRoot: string | undefined) => Promise<ProjectConfig>;

interface ParsedConfig {
  mtime: number;
  rules: Record<string, RuleSetting>;
  overrides: { files: string[]; rules: Record<string, RuleSetting> }[];
  ignores: string[];
  packs: string[];
  language?: 'auto' | 'en' | 'zh';
  problems: ConfigProblem[];
}

const parsed = new Map<string, ParsedConfig>();

/**
 * The server's resolver: the nearest configuration file in the draft's folder or a parent folder,
 * up to the workspace folder. A parsed file is kept until its modification time changes, so an
 * edited file is re-read even where no file watcher reports it.
 */
export const resolveProjectConfig: ResolveProjectConfig = async (draftPath, workspaceRoot) => {
  const file = await nearestConfigFile(path.dirname(draftPath), workspaceRoot);
  if (!file) return { rules: {}, packs: [], ignored: false, problems: [] };
  const config = await readConfig(file);
  const dir = path.dirname(file);
  const relative = path.relative(dir, draftPath).split(path.sep).join('/');
  const rules = { ...config.rules };
  for (const override of config.overrides) {
    if (override.files.some((glob) => picomatch.isMatch(relative, glob, { dot: true }))) Object.assign(rules, override.rules);
  }
  const out: ProjectConfig = {
    file,
    rules,
    packs: config.packs.map((p) => path.resolve(dir, p)),
    ignored: config.ignores.some((glob) => picomatch.isMatch(relative, glob, { dot: true })),
    problems: config.problems,
  };
  if (config.language) out.language = config.language;
  return out;
};

async function nearestConfigFile(start: string, root: string | undefined): Promise<string | undefined> {
  for (let dir = start; ; ) {
    for (const name of CONFIG_FILE_NAMES) {
      const candidate = path.join(dir, name);
      if (await isFile(candidate)) return candidate;
    }
    const parent = path.dirname(dir);
    if (parent === dir || (root !== undefined && path.relative(root, dir) === '')) return undefined;
    dir = parent;
  }
}

async function isFile(p: string): Promise<boolean> {
  try {
    return (await fs.stat(p)).isFile();
  } catch {
    return false;
  }
}

async function readConfig(file: string): Promise<ParsedConfig> {
  let mtime = -1;
  let text: string;
  try {
    mtime = (await fs.stat(file)).mtimeMs;
    const cached = parsed.get(file);
    if (cached && cached.mtime === mtime) return cached;
    text = await fs.readFile(file, 'utf8');
  } catch (error) {
    return { mtime, rules: {}, overrides: [], ignores: [], packs: [], problems: [{ source: file, message: `The configuration file cannot be read: ${(error as Error).message}` }] };
  }
  const config = parseConfigText(text, file);
  config.mtime = mtime;
  parsed.set(file, config);
  return config;
}

/** Parses a configuration file's text; every problem names the file and, when known, the place. */
export function parseConfigText(text: string, file: string): ParsedConfig {
  const lines = new LineIndex(text);
  const problems: ConfigProblem[] = [];
  const empty: ParsedConfig = { mtime: -1, rules: {}, overrides: [], ignores: [], packs: [], problems };
  let data: unknown;
  if (/\.jsonc?$/i.test(file)) {
    const errors: ParseError[] = [];
    data = parseJsonc(text, errors, { allowTrailingComma: true });
    for (const e of errors) {
      problems.push({ source: file, message: `This configuration is not valid JSON: ${printParseErrorCode(e.error)}.`, range: lines.rangeOf({ start: e.offset, end: e.offset + e.length }) });
    }
    if (errors.length) return empty;
  } else {
    const doc = YAML.parseDocument(text, { strict: false });
    for (const e of doc.errors) {
      problems.push({ source: file, message: `This configuration is not valid YAML: ${e.message.split('\n')[0]}`, range: lines.rangeOf({ start: e.pos[0], end: e.pos[1] }) });
    }
    if (doc.errors.length) return empty;
    data = doc.toJS();
  }
  if (data === null || data === undefined) return empty;
  const at = (key: string) => {
    const offset = text.search(new RegExp(`["']?${key}["']?\\s*:`));
    return offset >= 0 ? lines.rangeOf({ start: offset, end: offset + key.length }) : undefined;
  };
  const problem = (message: string, key?: string) => {
    const range = key ? at(key) : undefined;
    problems.push(range ? { source: file, message, range } : { source: file, message });
  };
  if (typeof data !== 'object' || Array.isArray(data)) {
    problem('The configuration must be a mapping of keys (rules, overrides, ignores, packs, language).');
    return empty;
  }
  const d = data as Record<string, unknown>;
  const out: ParsedConfig = { ...empty };
  out.rules = rulesOf(d.rules, 'rules', problem);
  if (Array.isArray(d.overrides)) {
    for (const o of d.overrides) {
      const files = (o as { files?: unknown })?.files;
      const list = typeof files === 'string' ? [files] : Array.isArray(files) && files.every((f) => typeof f === 'string') ? (files as string[]) : undefined;
      if (!list) {
        problem('Each entry of "overrides" needs "files": a glob or a list of globs.', 'overrides');
        continue;
      }
      out.overrides.push({ files: list, rules: rulesOf((o as { rules?: unknown }).rules, 'overrides', problem) });
    }
  } else if (d.overrides !== undefined) problem('"overrides" must be a list.', 'overrides');
  out.ignores = strings(d.ignores, 'ignores', problem);
  out.packs = strings(d.packs, 'packs', problem);
  if (d.language === 'auto' || d.language === 'en' || d.language === 'zh') out.language = d.language;
  else if (d.language !== undefined) problem('"language" must be "auto", "en" or "zh".', 'language');
  return out;
}

const LEVELS = new Set(['error', 'warning', 'information', 'hint', 'off']);

function rulesOf(value: unknown, key: string, problem: (message: string, key?: string) => void): Record<string, RuleSetting> {
  const out: Record<string, RuleSetting> = {};
  if (value === undefined || value === null) return out;
  if (typeof value !== 'object' || Array.isArray(value)) {
    problem(`"${key}" must map rule ids to a severity or to options.`, key);
    return out;
  }
  for (const [id, setting] of Object.entries(value as Record<string, unknown>)) {
    if (typeof setting === 'string' && LEVELS.has(setting)) out[id] = setting as RuleSetting;
    else if (typeof setting === 'object' && setting !== null && !Array.isArray(setting)) out[id] = setting as RuleSetting;
    else problem(`The rule "${id}" must be set to "error", "warning", "information", "hint", "off" or to options.`, id);
  }
  return out;
}

function strings(value: unknown, key: string, problem: (message: string, key?: string) => void): string[] {
  if (value === undefined || value === null) return [];
  if (typeof value === 'string') return [value];
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value as string[];
  problem(`"${key}" must be a list of strings.`, key);
  return [];
}
