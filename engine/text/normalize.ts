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
  let buffer: Uint16Array | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    let mapped = c;
    if (c >= 0xff01 && c <= 0xff5e) mapped = c - 0xfee0;
    else if (c === 0x3000) mapped = 0x20;
    else if (c >= 0x3400) mapped = HANT_TO_HANS[c] || c;
    if (mapped !== c) {
      if (!buffer) {
        // Chinese drafts always have full-width punctuation, so copying once into a typed array
        // and decoding it back is far cheaper than building the string piece by piece.
        buffer = new Uint16Array(text.length);
        for (let j = 0; j < i; j++) buffer[j] = text.charCodeAt(j);
      }
      buffer[i] = mapped;
    } else if (buffer) {
      buffer[i] = c;
    }
  }
  return buffer ? UTF16.decode(buffer) : text;
}

const UTF16 = new TextDecoder('utf-16le');
