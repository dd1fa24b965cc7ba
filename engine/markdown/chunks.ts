/**
 * Splits a draft into chunks that markdown-it parses exactly as it parses them inside the whole
 * draft, so that an edit re-parses only its own chunk. A chunk may start only at a line that
 * follows a blank line, starts in the first column and cannot continue an open block: not inside
 * a fenced code block or a raw HTML block (script, pre, style, textarea, comments), and not a list
 * item, block quote, table row or indented line.
 */

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const RAW_HTML_OPEN = /^ {0,3}(?:<(script|pre|style|textarea)(?=[\s>]|$)|<!--|<\?|<![A-Za-z]|<!\[CDATA\[)/i;
const CONTINUES = /^(?:[\s>|]|[-*+](?:[ \t]|$)|\d{1,9}[.)](?:[ \t]|$))/;

/** Chunks smaller than this are not split further: each chunk costs a parser call. */
export const MIN_CHUNK = 2048;

/**
 * The smallest chunk of a draft open in an editor (`LintCache`): an edit parses and matches its
 * chunk again, so a smaller chunk answers a keystroke sooner, at the price of more parser calls
 * when the draft is first read and a little memory per chunk kept.
 */
export const EDITOR_MIN_CHUNK = 512;

/** The chunks of a draft with their texts; the first starts at 0, where front matter may stand. */
export function chunksOf(source: string, minChunk = MIN_CHUNK): { offset: number; text: string }[] {
  const starts = splitChunks(source, minChunk);
  return starts.map((offset, i) => ({ offset, text: source.slice(offset, starts[i + 1] ?? source.length) }));
}

/** The offsets where chunks start; always begins with 0. */
export function splitChunks(source: string, minChunk = MIN_CHUNK): number[] {
  const starts = [0];
  let lastStart = 0;
  let fence: string | undefined;
  let rawEnd: RegExp | undefined;
  let previousBlank = false;
  let lineStart = 0;
  while (lineStart <= source.length) {
    let lineEnd = source.indexOf('\n', lineStart);
    if (lineEnd === -1) lineEnd = source.length;
    // Most lines need only their first non-blank character; the line is sliced only when it may
    // open or close a fence or raw HTML, or start a chunk.
    let k = lineStart;
    for (let c = source.charCodeAt(k); k < lineEnd && (c === 32 || c === 9 || c === 13); c = source.charCodeAt(++k));
    const blank = k === lineEnd;
    const first = blank ? 0 : source.charCodeAt(k);
    const maybeMarkup = !blank && k - lineStart <= 3 && (first === 0x60 || first === 0x7e || first === 0x3c);
    if (fence) {
      if (maybeMarkup) {
        const line = source.slice(lineStart, lineEnd);
        const close = FENCE.exec(line);
        if (close && close[1]![0] === fence[0] && close[1]!.length >= fence.length && line.trim() === close[0].trim())
          fence = undefined;
      }
      previousBlank = false;
    } else if (rawEnd) {
      if (rawEnd.test(source.slice(lineStart, lineEnd))) rawEnd = undefined;
      previousBlank = false;
    } else {
      if (
        !blank &&
        previousBlank &&
        lineStart - lastStart >= minChunk &&
        k === lineStart &&
        !CONTINUES.test(source.slice(lineStart, lineEnd))
      ) {
        starts.push(lineStart);
        lastStart = lineStart;
      }
      if (maybeMarkup) {
        const line = source.slice(lineStart, lineEnd);
        const open = FENCE.exec(line);
        if (open) fence = open[1];
        else {
          const raw = RAW_HTML_OPEN.exec(line);
          if (raw) {
            const end = rawEndFor(raw[0], raw[1]);
            if (!end.test(line.slice(raw[0].length))) rawEnd = end;
          }
        }
      }
      previousBlank = blank;
    }
    if (lineEnd === source.length) break;
    lineStart = lineEnd + 1;
  }
  return starts;
}

function rawEndFor(opening: string, tag: string | undefined): RegExp {
  if (tag) return new RegExp(`</${tag}>`, 'i');
  const o = opening.trim();
  if (o.startsWith('<!--')) return /-->/;
  if (o.startsWith('<?')) return /\?>/;
  if (o.startsWith('<![CDATA[')) return /\]\]>/;
  return />/;
}
