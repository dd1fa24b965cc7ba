import { lint as engineLint, LintCache, type LintOptions, type Pack } from '../engine';

/** How the warm-up is run; the defaults are the server's. */
export interface WarmUpOptions {
  /** How many lints warm the engine up. */
  rounds?: number;
  /** The lint to run; a test counts the calls. */
  lint?: (text: string, options: LintOptions) => unknown;
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
  const sections = pack.elements.slice(0, 5).flatMap((e) => [`## ${e.title.en}\n\n${e.template.en}\n`, `## ${e.title.zh}\n\n${e.template.zh}\n`]);
  let text = `# Warm-up plan\n\n## Measures\n\n- The county will build a testing centre by 2028.\n\n${sections.join('\n')}`;
  const cache = new LintCache();
  let round = 0;
  let timer: NodeJS.Immediate | undefined;
  const step = (): void => {
    if (round++ >= rounds) return;
    // Type a character at the start of a blank line between blocks (which joins them, so the
    // chunks around it are cut again), at one of seven places.
    const at = text.indexOf('\n\n', (text.length * (round % 7)) / 8) + 1 || text.length;
    text = `${text.slice(0, at)}x${text.slice(at)}`;
    try {
      lint(text, { pack, cache });
    } catch {
      return; // lint never throws; if it ever did, warming up is not worth a report
    }
    timer = setImmediate(step);
  };
  timer = setImmediate(step);
  return () => {
    round = rounds;
    if (timer) clearImmediate(timer);
  };
}
