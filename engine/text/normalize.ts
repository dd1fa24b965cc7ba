import { HANT_TO_HANS_PAIRS } from './hantToHans';

/**
 * Normalisation for matching, length-preserving so that every offset in the normalised text is an
 * offset in the source: traditional Chinese characters become simplified (lexicons are written
 * once, in simplified Chinese), and full-width ASCII becomes half-width (２０２８年, ＷＴＯ).
 */

// A direct lookup table over the BMP (128 KB): one array read per character is what keeps
// normalisation cheap on multi-megabyte Chinese drafts. Zero means "unchanged".
const HANT_TO_HANS = new Uint16Array(0x10000);
for (let i = 0; i + 1 < HANT_TO_HANS_PAIRS.length; i += 2) {
  HANT_TO_HANS[HANT_TO_HANS_PAIRS.charCodeAt(i)] = HANT_TO_HANS_PAIRS.charCodeAt(i + 1);
}

/** True when a character code is a CJK unified ideograph (the common and extension A blocks). */
export function isHan(code: number): boolean {
  return (code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf);
}

/**
 * Returns a text of the same length with traditional characters simplified and full-width ASCII
 * made half-width. Texts with neither are returned unchanged, without copying.
 */
export function normalizeForMatching(text: string): string {
  // Most characters of a draft need no change, so only the few that do (full-width forms,
  // traditional characters) pay for a copy; everything below U+3000 is skipped with one compare.
  let at = nextChanging(text, 0);
  if (at < 0) return text;
  let out = '';
  let copied = 0;
  for (; at >= 0; at = nextChanging(text, at + 1)) {
    out += text.slice(copied, at) + String.fromCharCode(mapCode(text.charCodeAt(at)));
    copied = at + 1;
  }
  return out + text.slice(copied);
}

function nextChanging(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x3000 && (c === 0x3000 || (c >= 0xff01 && c <= 0xff5e) || HANT_TO_HANS[c] !== 0)) return i;
  }
  return -1;
}

function mapCode(c: number): number {
  if (c >= 0xff01 && c <= 0xff5e) return c - 0xfee0;
  if (c === 0x3000) return 0x20;
  return HANT_TO_HANS[c] || c;
}
