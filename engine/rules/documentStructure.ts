import { adaptTemplate, findSection, lineEnding, newSectionLevel, titleSpan } from '../anchors';
import { insertSection } from '../sectionNumbers';
import { fill, type DraftingRule } from './rule';

/**
 * Reports a draft that lacks a section on the situation or problems, on objectives, on measures
 * or on implementation and monitoring. The fix inserts the part's template where it belongs: before
 * the next part that is present, or at the end, numbered like the draft's own parts.
 */
export const documentStructure: DraftingRule = {
  ids: [{ id: 'document-structure', severity: 'warning' }],
  check(ctx) {
    const { doc, lang } = ctx;
    const parts = ctx.pack.drafting.structure;
    const messages = ctx.pack.drafting.messages['document-structure'];
    // A heading written without the space after its # ("##Goals") is one the drafter meant: the
    // engine reads it as a heading, and says so, with the space as its fix.
    for (const section of doc.sections) {
      const heading = section.heading;
      if (!heading?.unspaced) continue;
      const lineStart = doc.lines.lineSpan(doc.lines.lineAt(heading.span.start)).start;
      const hashes = /^[ \t]*#+/.exec(doc.source.slice(lineStart, heading.span.start))?.[0] ?? '';
      const at = lineStart + hashes.length;
      const span = { start: lineStart, end: heading.span.end };
      const values = { heading: doc.source.slice(lineStart, heading.span.end).trim(), hashes: hashes.trim() };
      ctx.report({
        ruleId: 'document-structure',
        span,
        message: fill(messages?.['unspaced']?.[lang] ?? '{heading}', values),
        fix: {
          title: fill(messages?.['unspacedFix']?.[lang] ?? '{hashes}', values),
          edits: [{ span: { start: at, end: at }, range: doc.lines.rangeOf({ start: at, end: at }), newText: ' ' }],
        },
      });
    }
    const found = parts.map((part) => findSection(doc, part.headings));
    const topLevel = newSectionLevel(doc);
    const eol = lineEnding(doc);
    parts.forEach((part, i) => {
      if (found[i]) return;
      const next = found.slice(i + 1).find((s) => s !== undefined);
      const offset = next ? next.span.start : doc.source.length;
      const level = next ? next.level : topLevel;
      const template = adaptTemplate(part.template[lang], level, eol);
      // Numbered like the parts it goes among: those of the next part's parent, or of the top level.
      const siblings = doc.sections.filter(
        (s) => s.heading && s.level === level && (!next || s.parent === next.parent),
      );
      const values = { part: lang === 'en' ? part.title.en.toLowerCase() : part.title.zh, title: part.title[lang] };
      ctx.report({
        ruleId: 'document-structure',
        span: titleSpan(doc),
        message: fill(messages?.['finding']?.[lang] ?? '{part}', values),
        fix: {
          title: fill(messages?.['fix']?.[lang] ?? '{part}', values),
          edits: insertSection(doc, siblings, next ? doc.sections[next.parent] : undefined, offset, template),
          placeholders: true,
        },
      });
    });
  },
};
