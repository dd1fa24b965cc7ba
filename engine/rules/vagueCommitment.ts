import { chunkMemo, chunkNormalized, chunkProse, detached, type ChunkAnalysis } from '../cache';
import { anyMatch, type Lang, type Pack } from '../pack/compiled';
import type { Span } from '../types';
import { blockMatches, type DraftingRule } from './context';

/** A vague phrase: its chunk-relative span, and its prose as the message quotes it. */
interface VaguePhrase {
  span: Span;
  prose: string;
}

/** A chunk's sentence with a vague phrase and nothing concrete: its first phrase in each language. */
type VagueSentence = Partial<Record<Lang, VaguePhrase>>;

/**
 * Reports a sentence whose commitment is only a vague verb ("further strengthen", 大力推进) with no
 * instrument, amount or date beside it. A sentence that names one of them is fair and not reported.
 * Phrases are found block by block and kept with their chunk, so an edit re-reads only the chunk it
 * changed.
 */
export const vagueCommitment: DraftingRule = {
  id: 'vague-commitment',
  check(ctx) {
    const { doc, pack } = ctx;
    const langs = [...ctx.scripts].filter((lang) => pack.drafting.vague[lang]);
    if (langs.length === 0) return;
    for (const { offset, analysis } of ctx.chunks) {
      const found = chunkMemo(analysis, 'vague-commitment', (a) => vagueSentences(a, pack, chunkNormalized(a, doc.source, offset), () => chunkProse(a, doc.source, offset)));
      for (const sentence of found) {
        const lang = langs.find((l) => sentence[l]);
        if (!lang) continue;
        const { span: local, prose: phrase } = sentence[lang]!;
        const span = { start: local.start + offset, end: local.end + offset };
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

/** The sentences of one chunk that have a vague phrase and name nothing concrete, in order. */
function vagueSentences(analysis: ChunkAnalysis, pack: Pack, text: string, prose: () => string): VagueSentence[] {
  const { sentences } = analysis;
  const bySentence = new Map<number, VagueSentence>();
  const concrete = new Map<number, boolean>();
  // The other language's phrases are not looked for (the Chinese ones in an English chunk cost a
  // scan of every block for nothing).
  for (const lang of analysis.languages) {
    const re = pack.drafting.vague[lang];
    if (!re) continue;
    for (const span of blockMatches(analysis, text, re)) {
      const index = sentences.indexAt(span.start);
      if (index < 0) continue;
      let found = bySentence.get(index);
      if (found?.[lang]) continue;
      let isConcrete = concrete.get(index);
      if (isConcrete === undefined) {
        isConcrete = anyMatch(pack.drafting.concrete, text.slice(sentences.start(index), sentences.end(index)));
        concrete.set(index, isConcrete);
      }
      if (isConcrete) continue;
      if (!found) bySentence.set(index, (found = {}));
      found[lang] = { span, prose: detached(prose().slice(span.start, span.end)) };
    }
  }
  return [...bySentence.keys()].sort((a, b) => a - b).map((i) => bySentence.get(i)!);
}
