/**
 * The command line's options, parsed by hand so that every mistake gets a plain sentence
 * (`node:util` parseArgs in Node 20 has no `--no-color` and words its errors for programmers).
 */
import { DEFAULT_MAX_DRAFT_BYTES } from '../project/limits';

/** The report formats of the contract. */
export const FORMATS = ['stylish', 'json', 'sarif', 'github', 'html'] as const;
export type Format = (typeof FORMATS)[number];

/** The parsed command line. */
export interface CliArgs {
  operands: string[];
  format: Format;
  output?: string;
  config?: string;
  stdinFilename?: string;
  maxWarnings?: number;
  minCoverage?: number;
  /** The largest draft linted, in bytes (`--max-size`, given in MB). */
  maxDraftBytes: number;
  /** How long one draft's lint may take, in milliseconds (`--timeout`, given in seconds). */
  timeoutMs: number;
  quiet: boolean;
  listRules: boolean;
  printConfig?: string;
  init: boolean;
  /** `true`/`false` when forced by `--color`/`--no-color`; undefined to decide from the terminal. */
  color?: boolean;
  /**
   * `--lang`: the language of everything the run writes, the tool's own words and the findings'
   * messages, over the configuration's `language`. `auto` (the default) follows the drafts.
   */
  lang: 'auto' | 'en' | 'zh';
  version: boolean;
  help: boolean;
}

/** A command line that could not be understood; its message is for the user. */
export class UsageError extends Error {}

const VALUE_OPTIONS: Record<string, string> = {
  '--format': 'format',
  '-o': 'output',
  '--output': 'output',
  '-c': 'config',
  '--config': 'config',
  '--stdin-filename': 'stdinFilename',
  '--max-warnings': 'maxWarnings',
  '--min-coverage': 'minCoverage',
  '--print-config': 'printConfig',
  '--lang': 'lang',
  '--max-size': 'maxDraftBytes',
  '--timeout': 'timeoutMs',
};

/** How long one draft's lint may take unless `--timeout` says otherwise: a minute. */
export const DEFAULT_TIMEOUT_MS = 60_000;

const FLAGS: Record<string, (a: CliArgs) => void> = {
  '--quiet': (a) => (a.quiet = true),
  '--list-rules': (a) => (a.listRules = true),
  '--init': (a) => (a.init = true),
  '--color': (a) => (a.color = true),
  '--no-color': (a) => (a.color = false),
  '--version': (a) => (a.version = true),
  '--help': (a) => (a.help = true),
  '-h': (a) => (a.help = true),
};

/** Parses `argv` (without node and the script); throws `UsageError` with a plain message. */
export function parseArgs(argv: readonly string[]): CliArgs {
  const args: CliArgs = {
    operands: [],
    format: 'stylish',
    lang: 'auto',
    maxDraftBytes: DEFAULT_MAX_DRAFT_BYTES,
    timeoutMs: DEFAULT_TIMEOUT_MS,
    quiet: false,
    listRules: false,
    init: false,
    version: false,
    help: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      args.operands.push(...argv.slice(i + 1));
      break;
    }
    if (arg === '-' || !arg.startsWith('-')) {
      args.operands.push(arg);
      continue;
    }
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    const flag = FLAGS[name];
    if (flag) {
      if (eq > 0) throw new UsageError(`The option ${name} takes no value.`);
      flag(args);
      continue;
    }
    const key = VALUE_OPTIONS[name];
    if (!key) throw new UsageError(`Unknown option ${name}.`);
    let value: string | undefined;
    if (eq > 0) value = arg.slice(eq + 1);
    else {
      value = argv[++i];
      if (value === undefined) throw new UsageError(`The option ${name} needs a value.`);
    }
    setValue(args, key, name, value);
  }
  return args;
}

function setValue(args: CliArgs, key: string, name: string, value: string): void {
  switch (key) {
    case 'format':
      if (!(FORMATS as readonly string[]).includes(value)) {
        throw new UsageError(`Unknown format "${value}" for ${name}; use one of ${FORMATS.join(', ')}.`);
      }
      args.format = value as Format;
      return;
    case 'lang':
      if (value !== 'auto' && value !== 'en' && value !== 'zh')
        throw new UsageError(`Unknown language "${value}" for ${name}; use auto, en or zh.`);
      args.lang = value;
      return;
    case 'maxWarnings': {
      if (!/^\d+$/.test(value))
        throw new UsageError(`${name} needs a whole number of warnings (0 or more), not "${value}".`);
      args.maxWarnings = Number(value);
      return;
    }
    case 'minCoverage': {
      const p = Number(value);
      if (value.trim() === '' || !Number.isFinite(p) || p < 0 || p > 100) {
        throw new UsageError(`${name} needs a percentage from 0 to 100, not "${value}".`);
      }
      args.minCoverage = p;
      return;
    }
    case 'maxDraftBytes':
    case 'timeoutMs': {
      const n = Number(value);
      const [unit, most] = key === 'maxDraftBytes' ? (['megabytes', 1024] as const) : (['seconds', 3600] as const);
      if (value.trim() === '' || !Number.isFinite(n) || n <= 0 || n > most)
        throw new UsageError(`${name} needs a number of ${unit} above 0 and at most ${most}, not "${value}".`);
      if (key === 'maxDraftBytes') args.maxDraftBytes = Math.round(n * (1 << 20));
      else args.timeoutMs = Math.round(n * 1000);
      return;
    }
    case 'output':
    case 'config':
    case 'stdinFilename':
    case 'printConfig':
      if (value === '') throw new UsageError(`The option ${name} needs a non-empty value.`);
      args[key] = value;
      return;
  }
}
