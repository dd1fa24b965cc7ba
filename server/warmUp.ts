import { lint as engineLint, LintCache, type LintOptions, type Pack } from '../engine';

/** How the warm-up is run; the defaults are the server's. */
export interface WarmUpOptions {
  /** How many lints warm the engine up. */
  rounds?: number;
  /** The lint to run; a test counts the calls. */
  lint?: (text: string, options: LintOptions) => unknown;
  /**
   * The draft to type into and how to lint it (its pack, rules and a cache of its own); by default
   * a draft made of the pack's section templates, linted with the pack alone and a new cache.
   */
  draft?: { text: string; options: LintOptions & { cache: LintCache } };
  /** Milliseconds before the first lint; by default it runs at the next turn of the event loop. */
  delayMs?: number;
  /** Milliseconds between lints; by default one lint a turn of the event loop. */
  spacingMs?: number;
}

/**
 * Warms the engine up while the server has just started: the first lints run in V8's interpreter,
 * several times slower than once its optimising compiler has seen the code, and a drafter's first
 * keystrokes should not pay for that. A few dozen lints of a draft made from the pack's own section
 * templates (English and Chinese), each an edit of the one before through a `LintCache` as an open
 * document's are, exercise the paths an edit takes. Each lint is one turn of the event loop, so a
 * request that arrives meanwhile waits for one small lint at the most. Returns a function that stops
 * it (on shutdown).
 */
export function warmUp(pack: Pack, options: WarmUpOptions = {}): () => void {
  const { rounds = 120, lint = engineLint } = options;
  let text = options.draft?.text ?? templateDraft(pack);
  let lintOptions: LintOptions | undefined = options.draft?.options ?? { pack, cache: new LintCache() };
  let round = 0;
  let cancel = (): void => {};
  const finish = (): void => {
    round = rounds;
    // What it typed into is let go: a long draft's copy and its cache are worth a few megabytes.
    text = '';
    lintOptions = undefined;
  };
  const step = (): void => {
    if (round++ >= rounds || !lintOptions) return finish();
    // Type a character at the start of a blank line between blocks (which joins them, so the
    // chunks around it are cut again), at one of seven places.
    const at = text.indexOf('\n\n', (text.length * (round % 7)) / 8) + 1 || text.length;
    text = `${text.slice(0, at)}x${text.slice(at)}`;
    try {
      lint(text, lintOptions);
    } catch {
      return finish(); // lint never throws; if it ever did, warming up is not worth a report
    }
    schedule(options.spacingMs);
  };
  // Each kind of timer is cleared by its own function: `clearImmediate` given a timeout would
  // miscount Node's pending immediates.
  const schedule = (ms: number | undefined): void => {
    if (ms === undefined) {
      const immediate = setImmediate(step);
      cancel = () => clearImmediate(immediate);
    } else {
      const timeout = setTimeout(step, ms);
      cancel = () => clearTimeout(timeout);
    }
  };
  schedule(options.delayMs);
  return () => {
    finish();
    cancel();
  };
}

function templateDraft(pack: Pack): string {
  const sections = pack.elements.slice(0, 5).flatMap((e) => [`## ${e.title.en}\n\n${e.template.en}\n`, `## ${e.title.zh}\n\n${e.template.zh}\n`]);
  return `# Warm-up plan\n\n## Measures\n\n- The county will build a testing centre by 2028.\n\n${sections.join('\n')}`;
}

/** Drafts at least this long (in UTF-16 units) get a warm-up of their own (see `LongDraftWarmUp`). */
export const LONG_DRAFT = 32 * 1024;

/** The characters the warm-up on a long draft lints in all: a 100 KB draft gets 40 lints, 1 MB four. */
const LONG_DRAFT_BUDGET = 4_000_000;

/**
 * Warms the engine up once more, on the first long draft opened. The start-up warm-up's draft has
 * a few chunks, and the code that runs over the whole draft at each keystroke (re-cutting the
 * edited stretch, assembling the document, collecting measure units) had not been optimised for a
 * draft of a hundred chunks when the drafter's first keystrokes came: on a 100 KB draft, V8 was
 * still compiling two dozen such functions during the first twenty edits. Forty edits of the draft
 * linted beforehand took those edits' median from 2.6-2.9 ms to 2.3 ms in one process, and in the
 * server, pulled as VS Code pulls, from 5.3-6.8 ms to 4.7-5.2 ms (alternating runs).
 *
 * The warm-up types into a copy of the draft through a fork of the draft's own cache, so each lint
 * costs what a keystroke's does and the draft's cache is left as it was. Its lints are 10 ms
 * apart, from a moment after the draft's first lint (whose diagnostics go out first): a request
 * passes through several turns of the event loop, and one lint a turn would have put a lint in
 * each. Longer drafts get fewer rounds: their own lints warm the code sooner, and a keystroke
 * would wait longer behind one. Once per server: the code stays optimised for the drafts after.
 */
export class LongDraftWarmUp {
  private done = false;
  private stopRunning: () => void = () => {};

  constructor(private readonly run: typeof warmUp = warmUp) {}

  /**
   * A draft was linted for the first time with `options`: warms up on it if it is the first long
   * one. Returns whether a warm-up started.
   */
  offer(text: string, options: LintOptions & { cache: LintCache }): boolean {
    const rounds = Math.min(40, Math.floor(LONG_DRAFT_BUDGET / text.length));
    if (this.done || text.length < LONG_DRAFT || rounds === 0 || !options.pack) return false;
    this.done = true;
    this.stopRunning = this.run(options.pack, { rounds, delayMs: 20, spacingMs: 10, draft: { text, options: { ...options, cache: options.cache.fork() } } });
    return true;
  }

  /** Stops a warm-up under way (on shutdown). */
  stop(): void {
    this.stopRunning();
  }
}
