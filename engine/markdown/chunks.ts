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
    const line = source.slice(lineStart, lineEnd);
    if (fence) {
      const close = FENCE.exec(line);
      if (close && close[1]![0] === fence[0] && close[1]!.length >= fence.length && line.trim() === close[0].trim()) fence = undefined;
      previousBlank = false;
    } else if (rawEnd) {
      if (rawEnd.test(line)) rawEnd = undefined;
      previousBlank = false;
    } else {
      const blank = line.trim() === '';
      if (!blank && previousBlank && lineStart - lastStart >= minChunk && !CONTINUES.test(line)) {
        starts.push(lineStart);
        lastStart = lineStart;
      }
      const open = FENCE.exec(line);
      if (open) fence = open[1];
      else {
        const raw = RAW_HTML_OPEN.exec(line);
        if (raw) {
          const end = rawEndFor(raw[0], raw[1]);
          if (!end.test(line.slice(raw[0].length))) rawEnd = end;
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
