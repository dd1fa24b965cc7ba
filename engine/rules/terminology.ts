import { spansOf } from '../coverage/match';
import type { DraftingRule } from './context';

/** Reports a term the pack prefers another word for, with a fix that replaces just that term. */
export const terminology: DraftingRule = {
  id: 'terminology',
  check(ctx) {
    const { doc } = ctx;
    for (const term of ctx.pack.drafting.terminology) {
      if (!ctx.scripts.has(term.language)) continue;
      const single = new RegExp(term.find.source, term.find.flags.replace('g', ''));
      // Terms are found in prose only, never in code or link targets, and in the normalised text,
      // so 中小型企業 is found by a pattern written as 中小型企业.
      for (const span of spansOf(term.find, doc.normalized)) {
        const found = doc.source.slice(span.start, span.end);
        const normalized = doc.normalized.slice(span.start, span.end);
        const replacement = inScriptOf(found, normalized, normalized.replace(single, term.replace));
        if (replacement === found) continue;
        ctx.report({
          span,
          message: {
            en: `Write "${replacement}" rather than "${found}": ${term.why.en}`,
            zh: `建议将“${found}”改为“${replacement}”：${term.why.zh}`,
          },
          fix: {
            title: { en: `Replace with "${replacement}"`, zh: `替换为“${replacement}”` },
            edits: [{ span, range: doc.lines.rangeOf(span), newText: replacement }],
          },
        });
      }
    }
  },
};

/**
 * Writes a replacement made on normalised text back in the script of the found text: each
 * character that the found text wrote in traditional (or full-width) form is written so again
 * (中小型企業 → 中小企業, not 中小企业).
 */
function inScriptOf(found: string, normalized: string, replacement: string): string {
  if (found === normalized) return replacement;
  const back = new Map<string, string>();
  for (let i = 0; i < found.length; i++) if (found[i] !== normalized[i]) back.set(normalized[i]!, found[i]!);
  return [...replacement].map((ch) => back.get(ch) ?? ch).join('');
}
