import type { Pack } from '../pack/compiled';
import { normalizeForMatching } from '../text/normalize';
import { fill, type ChunkView, type DraftingRule, type Mark } from './rule';

/** A term the pack prefers another word for: where it stands and which of the pack's terms it is. */
interface TermMark extends Mark {
  term: number;
}

/**
 * Reports a term the pack prefers another word for, with a fix that replaces just that term.
 * Terms are found in prose only, never in code or link targets, and in the normalised text, so
 * 中小型企業 is found by a pattern written as 中小型企业.
 */
export const terminology: DraftingRule<TermMark> = {
  ids: [{ id: 'terminology', severity: 'warning' }],
  scan: termsIn,
  check(ctx, marks) {
    const { doc, pack, lang } = ctx;
    const messages = pack.drafting.messages['terminology'];
    for (const { span, term: t } of marks.all()) {
      const term = pack.drafting.terminology[t]!;
      if (!ctx.scripts.has(term.language)) continue;
      const text = doc.source.slice(span.start, span.end);
      const normalized = normalizeForMatching(text);
      const replacement = inScriptOf(text, normalized, normalized.replace(term.findOne, term.replace));
      if (replacement === text) continue;
      const values = { found: text, replacement, why: term.why[lang] };
      ctx.report({
        ruleId: 'terminology',
        span,
        message: fill(messages?.['finding']?.[lang] ?? '{found} → {replacement}', values),
        fix: {
          title: fill(messages?.['fix']?.[lang] ?? '{replacement}', values),
          edits: [{ span, range: doc.lines.rangeOf(span), newText: replacement }],
        },
      });
    }
  },
};

function termsIn(chunk: ChunkView, pack: Pack): TermMark[] {
  const { normalized } = chunk;
  let lower: string | undefined;
  const marks: TermMark[] = [];
  pack.drafting.terminology.forEach((term, t) => {
    if (!chunk.languages.includes(term.language)) return;
    // English prefixes are lower case; matches may not be.
    const text = term.language === 'en' ? (lower ??= normalized.toLowerCase()) : normalized;
    if (term.prefixes && !term.prefixes.some((p) => text.includes(p))) return;
    // Block by block: a term never joins the end of one paragraph to the start of the next.
    for (const block of chunk.blocks) {
      const text = normalized.slice(block.span.start, block.span.end);
      term.find.lastIndex = 0;
      for (let m = term.find.exec(text); m; m = term.find.exec(text)) {
        if (m[0].length === 0) {
          term.find.lastIndex++;
          continue;
        }
        const start = block.span.start + m.index;
        marks.push({ span: { start, end: start + m[0].length }, term: t });
      }
    }
  });
  return marks.sort((a, b) => a.span.start - b.span.start || a.term - b.term);
}

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
