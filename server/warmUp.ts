import { lint, type Pack } from '../engine';

/** How many lints warm the engine up: enough that a drafter's first lint is not its first. */
const ROUNDS = 3;

/**
 * Lints a small draft made of the pack's own section templates a few times right after start, one
 * lint per turn of the event loop, so the drafter's first lint does not also pay for loading and
 * first running the engine's code (see docs/performance.md). A request that arrives meanwhile waits
 * for one small lint at the most. Returns a function that stops it (on shutdown).
 */
export function warmUp(pack: Pack): () => void {
  const text = templateDraft(pack);
  let round = 0;
  let timer: NodeJS.Immediate | undefined;
  const step = (): void => {
    timer = undefined;
    if (round++ >= ROUNDS) return;
    lint(text, { pack });
    timer = setImmediate(step);
  };
  timer = setImmediate(step);
  return () => {
    round = ROUNDS;
    if (timer) clearImmediate(timer);
  };
}

function templateDraft(pack: Pack): string {
  const sections = pack.elements
    .slice(0, 5)
    .flatMap((e) => [`## ${e.title.en}\n\n${e.template.en}\n`, `## ${e.title.zh}\n\n${e.template.zh}\n`]);
  return `# Warm-up plan\n\n## Measures\n\n- The county will build a testing centre by 2028.\n\n${sections.join('\n')}`;
}
