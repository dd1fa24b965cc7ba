import { firstStartingAt } from '../anchors';
import { roleFromCues, sectionContexts, sentenceCues } from '../coverage/roles';
import { anyMatch, type Lang, type Pack } from '../pack/compiled';
import { fill, type ChunkView, type DraftingRule, type Mark } from './rule';

/** A vague phrase in a sentence that names nothing concrete. */
interface VaguePhrase extends Mark {
  lang: Lang;
}

// Passages that are not commitments: a preamble's or guiding principles' formula (着力, 充分发挥),
// a definition, a prohibition, a deferral. Their words are not vague commitments.
const NOT_COMMITMENTS = new Set(['formula', 'definition', 'prohibition', 'exclusion']);

/**
 * Reports a sentence whose commitment is only a vague verb ("further strengthen", 大力推进) with no
 * instrument, amount or date beside it. A sentence that names one of them is fair and not reported.
 */
export const vagueCommitment: DraftingRule<VaguePhrase> = {
  ids: [{ id: 'vague-commitment', severity: 'information' }],
  scan: vaguePhrases,
  check(ctx, marks) {
    const message = ctx.pack.drafting.messages['vague-commitment']?.['finding']?.[ctx.lang];
    const contextOf = sectionContexts(ctx.doc, ctx.pack);
    for (const { span, lang } of marks.all()) {
      if (!ctx.scripts.has(lang)) continue;
      // The guiding principles, the background and the like state no measures to be vague about.
      const block = ctx.doc.blocks[firstStartingAt(ctx.doc.blocks, span.start + 1) - 1];
      const context = block && block.span.start <= span.start ? contextOf(block.section) : 'none';
      if (context !== 'none' && context !== 'measures') continue;
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
        // A pattern anchored at a sentence's start may take the blank before its first word too.
        const start = block.span.start + m.index + Math.max(0, m[0].search(/[A-Za-z\u3400-\u9fff]/));
        const index = sentences.indexAt(start);
        if (index < 0 || bySentence.has(index)) continue;
        let isConcrete = concrete.get(index);
        if (isConcrete === undefined) {
          isConcrete = anyMatch(pack.drafting.concrete, normalized.slice(sentences.start(index), sentences.end(index)));
          concrete.set(index, isConcrete);
        }
        if (isConcrete) continue;
        const sentence = normalized.slice(sentences.start(index), sentences.end(index));
        if (NOT_COMMITMENTS.has(roleFromCues(sentenceCues(sentence, pack)) ?? '')) concrete.set(index, true);
        else bySentence.set(index, { span: { start, end: block.span.start + m.index + m[0].length }, lang });
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
