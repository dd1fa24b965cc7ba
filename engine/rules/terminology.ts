import { spansOf } from '../coverage/judge';
import type { DraftingRule } from './context';

/** Reports a term the pack prefers another word for, with a fix that replaces just that term. */
export const terminology: DraftingRule = {
  id: 'terminology',
  check(ctx) {
    const { doc } = ctx;
    for (const term of ctx.pack.drafting.terminology) {
      // Terms are found in prose only, never in code or link targets.
      for (const span of spansOf(term.find, doc.normalized)) {
        const found = doc.source.slice(span.start, span.end);
        const single = new RegExp(term.find.source, term.find.flags.replace('g', ''));
        const replacement = found.replace(single, term.replace);
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
