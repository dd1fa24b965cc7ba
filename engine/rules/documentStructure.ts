import { adaptTemplate, findSection, insertBlock, lineEnding, titleSpan } from '../anchors';
import { fill, type DraftingRule } from './rule';

/**
 * Reports a draft that lacks a section on the situation or problems, on objectives, on measures
 * or on implementation and monitoring. The fix inserts the part's template where it belongs: before
 * the next part that is present, or at the end.
 */
export const documentStructure: DraftingRule = {
  ids: [{ id: 'document-structure', severity: 'warning' }],
  check(ctx) {
    const { doc, lang } = ctx;
    const parts = ctx.pack.drafting.structure;
    const messages = ctx.pack.drafting.messages['document-structure'];
    const found = parts.map((part) => findSection(doc, part.headings));
    const topLevel = Math.min(...doc.sections.filter((s) => s.heading && s.level > 1).map((s) => s.level), 2);
    const eol = lineEnding(doc);
    parts.forEach((part, i) => {
      if (found[i]) return;
      const next = found.slice(i + 1).find((s) => s !== undefined);
      const offset = next ? next.span.start : doc.source.length;
      const level = next ? next.level : topLevel;
      const template = adaptTemplate(part.template[lang], level, eol);
      const values = { part: lang === 'en' ? part.title.en.toLowerCase() : part.title.zh, title: part.title[lang] };
      ctx.report({
        ruleId: 'document-structure',
        span: titleSpan(doc),
        message: fill(messages?.['finding']?.[lang] ?? '{part}', values),
        fix: {
          title: fill(messages?.['fix']?.[lang] ?? '{part}', values),
          edits: [insertBlock(doc, offset, template)],
          placeholders: true,
        },
      });
    });
  },
};
