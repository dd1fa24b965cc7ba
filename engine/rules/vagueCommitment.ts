import { spansOf } from '../coverage/match';
import { anyMatch, type DraftingRule } from './context';

/**
 * Reports a sentence whose commitment is only a vague verb ("further strengthen", 大力推进) with no
 * instrument, amount or date beside it. A sentence that names one of them is fair and not reported.
 */
export const vagueCommitment: DraftingRule = {
  id: 'vague-commitment',
  check(ctx) {
    const { doc, sentences, pack } = ctx;
    const text = doc.normalized;
    const reported = new Set<number>();
    for (const lang of ctx.scripts) {
      const re = pack.drafting.vague[lang];
      if (!re) continue;
      for (const span of spansOf(re, text)) {
        const index = sentences.indexAt(span.start);
        if (index < 0 || reported.has(index)) continue;
        const sentence = sentences.span(index);
        if (anyMatch(pack.drafting.concrete, text.slice(sentence.start, sentence.end))) continue;
        reported.add(index);
        const phrase = doc.prose.slice(span.start, span.end);
        ctx.report({
          span,
          message: {
            en: `"${phrase}" commits to nothing checkable: name the instrument (a fund, a platform, a rule), the amount or the date.`,
            zh: `“${phrase}”是无法检验的笼统承诺：请写明具体抓手（资金、平台、制度）、金额或时间。`,
          },
        });
      }
    }
  },
};
