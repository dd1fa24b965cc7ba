import { chunkMemo, chunkNormalized, detached } from '../cache';
import type { Span } from '../types';
import type { CompiledTerm } from '../pack/compiled';
import { blockMatches, type DraftingRule } from './context';

/** A preferred-term finding of one chunk: the chunk-relative span, its text and what replaces it. */
interface Replacement {
  span: Span;
  text: string;
  replacement: string;
}

/**
 * Reports a term the pack prefers another word for, with a fix that replaces just that term.
 * Terms are found block by block and kept with their chunk, so an edit re-reads only the chunk it
 * changed.
 */
export const terminology: DraftingRule = {
  id: 'terminology',
  check(ctx) {
    const { doc, pack } = ctx;
    const terms = pack.drafting.terminology;
    if (terms.length === 0) return;
    // Terms are found in prose only, never in code or link targets, and in the normalised text,
    // so 中小型企業 is found by a pattern written as 中小型企业.
    // Per chunk, the replacements by term, or nothing for a chunk without any (most chunks).
    const found = ctx.chunks.map(({ offset, analysis }) =>
      chunkMemo(analysis, 'terminology', (a) => {
        const normalized = chunkNormalized(a, doc.source, offset);
        // English prefixes are lower case; matches may not be.
        let lower: string | undefined;
        const mayHold = (term: CompiledTerm): boolean => {
          if (!term.prefixes) return true;
          const text = term.language === 'en' ? (lower ??= normalized.toLowerCase()) : normalized;
          return term.prefixes.some((p) => text.includes(p));
        };
        const byTerm = terms.map((term) => {
          if (!a.languages.includes(term.language) || !mayHold(term)) return [];
          return blockMatches(a, normalized, term.find).flatMap((span): Replacement[] => {
            const text = detached(doc.source.slice(span.start + offset, span.end + offset));
            const matched = normalized.slice(span.start, span.end);
            const replacement = inScriptOf(text, matched, matched.replace(term.findOne, term.replace));
            return replacement === text ? [] : [{ span, text, replacement: detached(replacement) }];
          });
        });
        return byTerm.some((list) => list.length) ? byTerm : undefined;
      }),
    );
    terms.forEach((term, t) => {
      if (!ctx.scripts.has(term.language)) return;
      ctx.chunks.forEach(({ offset }, c) => {
        for (const { span: local, text, replacement } of found[c]?.[t] ?? []) {
          const span: Span = { start: local.start + offset, end: local.end + offset };
          ctx.report({
            span,
            message: {
              en: `Write "${replacement}" rather than "${text}": ${term.why.en}`,
              zh: `建议将“${text}”改为“${replacement}”：${term.why.zh}`,
            },
            fix: {
              title: { en: `Replace with "${replacement}"`, zh: `替换为“${replacement}”` },
              edits: [{ span, range: doc.lines.rangeOf(span), newText: replacement }],
            },
          });
        }
      });
    });
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
