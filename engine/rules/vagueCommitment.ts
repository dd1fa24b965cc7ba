import { anyMatch, type Lang, type Pack } from '../pack/compiled';
import { fill, type ChunkView, type DraftingRule, type Mark } from './rule';

/** A vague phrase in a sentence that names nothing concrete. */
interface VaguePhrase extends Mark {
  lang: Lang;
}

/**
 * Reports a sentence whose commitment is only a vague verb ("further strengthen", 大力推进) with no
 * instrument, amount or date beside it. A sentence that names one of them is fair and not reported.
 */
export const vagueCommitment: DraftingRule<VaguePhrase> = {
  ids: [{ id: 'vague-commitment', severity: 'information' }],
  scan: vaguePhrases,
  check(ctx, marks) {
    const message = ctx.pack.drafting.messages['vague-commitment']?.['finding']?.[ctx.lang];
    for (const { span, lang } of marks.all()) {
      if (!ctx.scripts.has(lang)) continue;
      const phrase = quote(ctx.doc.source.slice(span.start, span.end));
      ctx.report({ ruleId: 'vague-commitment', span, message: fill(message ?? '"{phrase}"', { phrase }) });
    }
  },
};

/** The first vague phrase of each sentence that names nothing concrete, English before Chinese. */
function vaguePhrases(chunk: ChunkView, pack: Pack): VaguePhrase[] {
  const { sentences, normalized } = chunk;
  const bySentence = new Map<number, VaguePhrase>();
  const concrete = new Map<number, boolean>();
  for (const lang of chunk.languages) {
    const re = pack.drafting.vague[lang];
    if (!re) continue;
    // Block by block: a phrase never joins the end of one paragraph to the start of the next.
    for (const block of chunk.blocks) {
      const text = normalized.slice(block.span.start, block.span.end);
      re.lastIndex = 0;
      for (let m = re.exec(text); m; m = re.exec(text)) {
        if (m[0].length === 0) {
          re.lastIndex++;
          continue;
        }
        const start = block.span.start + m.index;
        const index = sentences.indexAt(start);
        if (index < 0 || bySentence.has(index)) continue;
        let isConcrete = concrete.get(index);
        if (isConcrete === undefined) {
          isConcrete = anyMatch(pack.drafting.concrete, normalized.slice(sentences.start(index), sentences.end(index)));
          concrete.set(index, isConcrete);
        }
        if (!isConcrete) bySentence.set(index, { span: { start, end: start + m[0].length }, lang });
      }
    }
  }
  return [...bySentence.keys()].sort((a, b) => a - b).map((i) => bySentence.get(i)!);
}

/** A phrase as a message quotes it: its words without inline markup. */
export function quote(source: string): string {
  return source
    .replace(/[*_`~]+/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}
