import { LineIndex, withLineFeeds } from '../text/lineIndex';
import type { Block, DraftDocument, Section, Unit } from './model';
import { chunksOf } from './chunks';
import { FRONT_MATTER, parseChunk, type ChunkModel } from './parse';

/**
 * A chunk and the offset where it starts in the draft. Its source text is not needed, and its prose
 * and normalised text may be absent (a cached chunk drops them): the chunk is parsed again if the
 * draft's are read.
 */
export interface PlacedChunk {
  offset: number;
  model: Omit<ChunkModel, 'text' | 'prose' | 'normalized'> & { prose?: string; normalized?: string };
}

/** Parses a Markdown draft into the engine's document model, chunk by chunk. Never throws. */
export function parseDraft(text: string): DraftDocument {
  const source = withLineFeeds(text);
  return assembleDocument(
    source,
    chunksOf(source).map(({ offset, text }) => ({ offset, model: parseChunk(text, offset === 0) })),
  );
}

/**
 * Joins parsed chunks into one document: shifts their spans, and builds what spans chunks — the
 * heading tree, the sections of blocks and items, and numbered articles, which end at the next
 * article or heading.
 */
export function assembleDocument(source: string, chunks: PlacedChunk[]): DraftDocument {
  const lines = new LineIndex(source);
  const sections: Section[] = [
    { index: 0, level: 0, span: { start: 0, end: source.length }, parent: -1, children: [] },
  ];
  const stack = [0];
  const blocks: Block[] = [];
  const items: Unit[] = [];
  const articles: Unit[] = [];
  const comments: DraftDocument['comments'] = [];
  let article = -1;
  const closeArticle = (end: number): void => {
    if (article >= 0) articles[article]!.span.end = end;
    article = -1;
  };

  for (const { offset, model } of chunks) {
    const itemBase = items.length;
    let nextItem = 0;
    for (const c of model.comments) comments.push({ span: shift(c.span, offset), body: c.body });
    for (const b of model.blocks) {
      const span = shift(b.span, offset);
      // Items are added as their first block is met, so each knows its section.
      while (nextItem < model.items.length && model.items[nextItem]!.start + offset <= span.start) {
        items.push({
          index: items.length,
          span: shift(model.items[nextItem]!, offset),
          section: stack[stack.length - 1]!,
        });
        nextItem++;
      }
      if (b.heading) {
        const lineStart = lines.lineStarts[lines.lineAt(span.start)]!;
        while (stack.length > 1 && sections[stack[stack.length - 1]!]!.level >= b.heading.level) {
          sections[stack.pop()!]!.span.end = lineStart;
        }
        const parent = stack[stack.length - 1]!;
        const index = sections.length;
        const heading = { ...b.heading, span: shift(b.heading.span, offset) };
        sections.push({
          index,
          heading,
          level: heading.level,
          span: { start: lineStart, end: source.length },
          parent,
          children: [],
        });
        sections[parent]!.children.push(index);
        stack.push(index);
        closeArticle(lineStart);
      } else if (b.articleStart) {
        closeArticle(span.start);
        article = articles.length;
        articles.push({
          index: article,
          span: { start: span.start, end: source.length },
          section: stack[stack.length - 1]!,
        });
      }
      blocks.push({
        kind: b.kind,
        span,
        section: stack[stack.length - 1]!,
        item: b.item >= 0 ? itemBase + b.item : -1,
        article,
        quoted: b.quoted,
        enumerated: b.enumerated,
        leadIn: b.leadIn,
      });
    }
    for (; nextItem < model.items.length; nextItem++) {
      items.push({
        index: items.length,
        span: shift(model.items[nextItem]!, offset),
        section: stack[stack.length - 1]!,
      });
    }
  }
  const frontMatter = FRONT_MATTER.exec(source);
  let prose: string | undefined;
  let normalized: string | undefined;
  const reparsed = (i: number): ChunkModel => {
    const { offset } = chunks[i]!;
    return parseChunk(source.slice(offset, chunks[i + 1]?.offset ?? source.length), offset === 0);
  };
  return {
    ...(frontMatter ? { frontMatter: { start: 0, end: frontMatter[0].length } } : {}),
    source,
    // Both joined when first read: rules, evidence and anchors read the chunks' own texts, so an
    // editor's lint after each edit neither copies the whole draft twice nor keeps the copies.
    get prose(): string {
      return (prose ??= joined(chunks.map((c, i) => c.model.prose ?? reparsed(i).prose)));
    },
    get normalized(): string {
      return (normalized ??= joined(chunks.map((c, i) => c.model.normalized ?? reparsed(i).normalized)));
    },
    lines,
    blocks,
    sections,
    items,
    articles,
    comments,
  };
}

function joined(pieces: string[]): string {
  return pieces.length === 1 ? pieces[0]! : pieces.join('');
}

function shift(span: { start: number; end: number }, offset: number): { start: number; end: number } {
  return { start: span.start + offset, end: span.end + offset };
}
