/**
 * Turns a draft's bytes into text. Chinese government drafts are often saved as GBK / GB18030 by
 * office software, and Windows editors write UTF-16 (with a byte-order mark, or without one), so
 * those are decoded too; anything that is not text is refused with a sentence, never linted as
 * garbage.
 */

/** The encodings the CLI reads, by the names SARIF's `artifact.encoding` uses. */
export type TextEncodingName = 'UTF-8' | 'UTF-16LE' | 'UTF-16BE' | 'GB18030';

/** A decoded draft, or the reason it is not one. */
export type Decoded =
  { ok: true; text: string; encoding: TextEncodingName; bom: boolean } | { ok: false; reason: string };

/** Decodes a draft's bytes, detecting the encoding. Never throws. */
export function decodeDraft(bytes: Uint8Array): Decoded {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return decodeWith('utf-8', 'UTF-8', bytes.subarray(3), true);
  if (startsWith(bytes, [0xff, 0xfe, 0x00, 0x00]))
    return { ok: false, reason: 'UTF-32 text is not supported; save the draft as UTF-8' };
  if (startsWith(bytes, [0xff, 0xfe])) return decodeWith('utf-16le', 'UTF-16LE', bytes.subarray(2), true);
  if (startsWith(bytes, [0xfe, 0xff])) return decodeWith('utf-16be', 'UTF-16BE', bytes.subarray(2), true);

  const utf16 = withoutByteOrderMark(bytes);
  if (utf16) return utf16;
  const kind = binaryKind(bytes);
  if (kind) return { ok: false, reason: `binary file (${kind}), not linted` };

  const utf8 = tryDecode('utf-8', bytes);
  if (utf8 !== undefined) return checkText(utf8, 'UTF-8', false);
  // Not UTF-8: the common other encoding of Chinese drafts is GBK, which GB18030 contains.
  const gb = tryDecode('gb18030', bytes);
  if (gb !== undefined && looksLikeChinese(gb)) return checkText(gb, 'GB18030', false);
  return {
    ok: false,
    reason: 'not readable text: it is neither UTF-8, UTF-16 nor GBK/GB18030; save the draft as UTF-8',
  };
}

function decodeWith(label: string, name: TextEncodingName, bytes: Uint8Array, bom: boolean): Decoded {
  const text = tryDecode(label, bytes);
  if (text === undefined)
    return { ok: false, reason: `not valid ${name} text although it starts with a ${name} byte-order mark` };
  return checkText(text, name, bom);
}

function tryDecode(label: string, bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

// A control character other than tab, line feed, form feed and carriage return.
const CONTROL = /[\x00-\x08\x0b\x0e-\x1f]/;

/** Refuses decoded text that is mostly control characters: a binary file that happened to decode. */
function checkText(text: string, encoding: TextEncodingName, bom: boolean): Decoded {
  // Most drafts have none: one native scan answers for them, far faster than a loop in
  // JavaScript on a long draft; the count below runs only where there is one.
  if (!CONTROL.test(text)) return { ok: true, text, encoding, bom };
  let controls = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0) return { ok: false, reason: 'binary file (it contains NUL characters), not linted' };
    if (c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) controls++;
  }
  if (controls > 8 && controls > text.length / 100)
    return { ok: false, reason: 'binary file (it contains control characters), not linted' };
  return { ok: true, text, encoding, bom };
}

/**
 * UTF-16 without a byte-order mark, as some Windows tools save it: a NUL byte in every code unit
 * of an ASCII character, nearly all on one side (odd offsets little-endian, even ones big-endian).
 * A Chinese draft has few of them (its newlines, spaces, digits), so their side, not their number,
 * tells; the text must then decode and read as text (mostly Han, CJK punctuation or printable
 * ASCII). Undefined when the bytes are not that.
 */
function withoutByteOrderMark(bytes: Uint8Array): Decoded | undefined {
  if (bytes.length < 2 || bytes.length % 2 !== 0) return undefined;
  const n = Math.min(bytes.length, 8192);
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i++) {
    if (bytes[i] !== 0) continue;
    if (i % 2 === 0) even++;
    else odd++;
  }
  // A Han character whose low byte is 0 (一, U+4E00) puts a NUL on the other side now and then.
  if (even + odd < 2 || (odd < 4 * even && even < 4 * odd)) return undefined;
  const [label, name]: [string, TextEncodingName] = odd > even ? ['utf-16le', 'UTF-16LE'] : ['utf-16be', 'UTF-16BE'];
  const text = tryDecode(label, bytes);
  if (text === undefined || !readsAsText(text)) return undefined;
  return checkText(text, name, false);
}

/** Whether nearly every character of a text is one a draft is written in. */
function readsAsText(text: string): boolean {
  let usual = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (
      (c >= 32 && c < 127) ||
      c === 9 ||
      c === 10 ||
      c === 13 ||
      (c >= 0x3000 && c <= 0x303f) ||
      (c >= 0x3400 && c <= 0x9fff) ||
      (c >= 0xff00 && c <= 0xffef) ||
      (c >= 0xa0 && c <= 0x24f) ||
      (c >= 0x2010 && c <= 0x2027)
    )
      usual++;
  }
  return usual >= text.length * 0.9;
}

/** Names well-known binary formats a drafter may pass by mistake; otherwise looks for NUL bytes. */
function binaryKind(bytes: Uint8Array): string | undefined {
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'a PDF document';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return 'a ZIP archive, such as a .docx or .xlsx document';
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0])) return 'an old Office document, such as a .doc';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47])) return 'a PNG image';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'a JPEG image';
  const n = Math.min(bytes.length, 8192);
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i++) {
    if (bytes[i] === 0) {
      if (i % 2 === 0) even++;
      else odd++;
    }
  }
  if (even + odd === 0) return undefined;
  // Text in UTF-16 without a byte-order mark has NULs in every other byte; say so, it is fixable.
  if ((even === 0 || odd === 0) && even + odd >= 2 && even + odd > n / 4)
    return 'it looks like UTF-16 without a byte-order mark; save the draft as UTF-8';
  return 'it contains NUL bytes';
}

/**
 * GB18030 decodes almost any byte sequence, so a file that is not UTF-8 is taken as GB18030 only
 * when most of what it decodes to outside ASCII is Chinese (Han characters and CJK punctuation).
 */
function looksLikeChinese(text: string): boolean {
  let nonAscii = 0;
  let chinese = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) continue;
    nonAscii++;
    if (
      (c >= 0x4e00 && c <= 0x9fff) ||
      (c >= 0x3000 && c <= 0x303f) ||
      (c >= 0xff00 && c <= 0xffef) ||
      c === 0x201c ||
      c === 0x201d ||
      c === 0x2018 ||
      c === 0x2019 ||
      c === 0x2014 ||
      c === 0x2026 ||
      c === 0xb7
    )
      chinese++;
  }
  return nonAscii > 0 && chinese / nonAscii >= 0.8;
}

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((b, i) => bytes[i] === b);
}
