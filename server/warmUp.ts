import { lint, LintCache, type Pack } from '../engine';

/**
 * How many lints warm the engine up, each an edit of the last through a cache: enough that a
 * drafter's first keystrokes are not the engine's first (docs/performance.md has the figures).
 */
const ROUNDS = 40;

/**
 * Lints a draft made of the pack's own section templates (about the size of a real draft) right
 * after start, one lint per turn of the event loop, so the drafter's first lint and keystrokes do
 * not also pay for loading and first running the engine's code. A request that arrives meanwhile
 * waits for one lint at the most. Returns a function that stops it (on shutdown).
 */
export function warmUp(pack: Pack): () => void {
  let text = templateDraft(pack);
  const cache = new LintCache();
  let round = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const step = (): void => {
    timer = undefined;
    if (round++ >= ROUNDS) return;
    // Each lint an edit of the one before, through a cache, as an open draft's are.
    const at = text.indexOf('\n\n', (text.length * (round % 7)) / 8) + 1 || text.length;
    text = `${text.slice(0, at)}x${text.slice(at)}`;
    lint(text, { pack, cache });
    timer = setTimeout(step, 0);
  };
  // A timer rather than setImmediate, which browsers do not have: the server runs in a web worker too.
  timer = setTimeout(step, 0);
  return () => {
    round = ROUNDS;
    if (timer) clearTimeout(timer);
  };
}

function templateDraft(pack: Pack): string {
  const sections = pack.elements.flatMap((e) => [
    `## ${e.title.en}\n\n${e.template.en}\n`,
    `## ${e.title.zh}\n\n${e.template.zh}\n`,
  ]);
  return `# Warm-up plan\n\n## Measures\n\n- The county will build a testing centre by 2028.\n\n${sections.join('\n')}`;
}
