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
  // Most characters of a draft need no change, so a regular expression finds the few that do
  // (full-width forms, traditional characters) and only those pay for a lookup.
  return CHANGING.test(text) ? text.replace(CHANGING_ALL, mapChar) : text;
}

function mapChar(ch: string): string {
  const c = ch.charCodeAt(0);
  if (c >= 0xff01 && c <= 0xff5e) return String.fromCharCode(c - 0xfee0);
  if (c === 0x3000) return ' ';
  return String.fromCharCode(HANT_TO_HANS[c] || c);
}

const TRADITIONAL = Array.from({ length: HANT_TO_HANS_PAIRS.length / 2 }, (_, i) => HANT_TO_HANS_PAIRS[i * 2]).join('');
const CHANGING_CLASS = `[\\uff01-\\uff5e\\u3000${TRADITIONAL}]`;
const CHANGING = new RegExp(CHANGING_CLASS);
const CHANGING_ALL = new RegExp(CHANGING_CLASS, 'g');
