import { adaptTemplate, findSection, insertBlock, lineEnding, titleSpan } from '../anchors';
import type { DraftingRule } from './context';

/**
 * Reports a draft that lacks a section on the situation or problems, on objectives, on measures
 * or on implementation and monitoring. The fix inserts the part's template where it belongs: before
 * the next part that is present, or at the end.
 */
export const documentStructure: DraftingRule = {
  id: 'document-structure',
  check(ctx) {
    const { doc } = ctx;
    const parts = ctx.pack.drafting.structure;
    const found = parts.map((part) => findSection(doc, part.headings));
    const topLevel = Math.min(...doc.sections.filter((s) => s.heading && s.level > 1).map((s) => s.level), 2);
    const eol = lineEnding(doc);
    parts.forEach((part, i) => {
      if (found[i]) return;
      const next = found.slice(i + 1).find((s) => s !== undefined);
      const offset = next ? next.span.start : doc.source.length;
      const level = next ? next.level : topLevel;
      const template = adaptTemplate(part.template[ctx.lang], level, eol);
      ctx.report({
        span: titleSpan(doc),
        message: {
          en: `The draft has no section on ${part.title.en.toLowerCase()}: a cluster plan should say ${part.title.en.toLowerCase()} in a section of its own.`,
          zh: `草案缺少“${part.title.zh}”部分：集群发展规划应单列一节写明${part.title.zh}。`,
        },
        fix: {
          title: { en: `Insert a section: ${part.title.en}`, zh: `插入章节：${part.title.zh}` },
          edits: [insertBlock(doc, offset, template)],
        },
      });
    });
  },
};
