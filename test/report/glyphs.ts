/**
 * Whether Chromium draws Chinese text with real glyphs or with "tofu", the box a font shows for a
 * character it has no glyph for. Width is no test: Noto Sans CJK's missing-glyph box is one em
 * wide, exactly as wide as its ideographs. Shape is: each Chinese character is drawn alone on a
 * canvas, in the font the page gives its element, and its pixels are fingerprinted. Tofu is a
 * character drawn as nothing, as U+0378 is drawn (an unassigned code point, which no font has),
 * or with the same pixels as another character: every box looks alike, real ideographs never do.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';

/** The pixels of one character drawn alone: a hash of the canvas's alpha channel and how many pixels have ink. */
export interface GlyphPrint {
  print: string;
  ink: number;
}

/** One element of the page, its Chinese characters drawn in its computed font. */
export interface ProbedElement {
  text: string;
  font: string;
  /** U+0378 drawn in the same font: what a missing glyph looks like there. */
  missing: GlyphPrint;
  chars: ({ char: string } & GlyphPrint)[];
}

/** The unassigned code point whose drawing stands for a missing glyph. */
export const NO_GLYPH = '\u0378';

// Page-side code is a string: the project's type-check has no DOM library. Canvas text goes
// through the same font matching and fallback as the page's own text. The canvas is sized to the
// font and the character drawn at whole pixels, so the same glyph gives the same pixels.
const PROBE = `(selector) => {
  const canvas = document.createElement('canvas');
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  return [...document.querySelectorAll(selector)].map((el) => {
    const style = getComputedStyle(el);
    const font = [style.fontStyle, style.fontWeight, style.fontSize, style.fontFamily].join(' ');
    const size = Math.ceil(parseFloat(style.fontSize) * 2) + 8;
    canvas.width = size;
    canvas.height = size;
    const draw = (char) => {
      ctx.clearRect(0, 0, size, size);
      ctx.font = font;
      ctx.textBaseline = 'top';
      ctx.fillStyle = '#000';
      ctx.fillText(char, 4, 4);
      const alpha = ctx.getImageData(0, 0, size, size).data;
      let hash = 2166136261;
      let ink = 0;
      for (let i = 3; i < alpha.length; i += 4) {
        hash = Math.imul(hash ^ alpha[i], 16777619) >>> 0;
        if (alpha[i]) ink++;
      }
      return { print: hash.toString(16), ink };
    };
    const han = [...new Set(el.textContent)].filter((char) => /\\p{Script=Han}/u.test(char));
    return {
      text: el.textContent,
      font,
      missing: draw(${JSON.stringify(NO_GLYPH)}),
      chars: han.map((char) => ({ char, ...draw(char) })),
    };
  });
}`;

/** Draws the Chinese characters of every element `selector` finds, each in its element's font. */
export async function probeGlyphs(page: Page, selector: string): Promise<ProbedElement[]> {
  return (await page.evaluate(`(${PROBE})(${JSON.stringify(selector)})`)) as ProbedElement[];
}

/** The characters drawn as tofu, each with its element's text; empty when every one has a glyph. */
export function tofu(elements: ProbedElement[]): string[] {
  const found: string[] = [];
  for (const element of elements) {
    const where = `in “${element.text}”`;
    const shared = new Map<string, string[]>();
    for (const c of element.chars) shared.set(c.print, [...(shared.get(c.print) ?? []), c.char]);
    for (const c of element.chars) {
      if (c.ink === 0) found.push(`${c.char} ${where} draws nothing`);
      else if (c.print === element.missing.print) found.push(`${c.char} ${where} draws as a missing glyph`);
      else if (shared.get(c.print)!.length > 1) {
        const others = shared.get(c.print)!.filter((other) => other !== c.char);
        found.push(`${c.char} ${where} draws the same pixels as ${others.join('')}`);
      }
    }
  }
  return found;
}

/**
 * A fontconfig file for Chromium's `FONTCONFIG_FILE`: the system's fonts, less every font that has
 * a glyph for any of `chars`. Chromium started with it stands for a machine without a CJK font.
 */
export function fontconfigWithout(chars: Iterable<string>): string {
  const patterns = [...new Set(chars)].map(
    (char) =>
      `      <pattern><patelt name="charset"><charset><int>0x${char.codePointAt(0)!.toString(16)}</int></charset></patelt></pattern>`,
  );
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'cpl-fonts-')), 'fonts.conf');
  writeFileSync(
    file,
    [
      '<?xml version="1.0"?>',
      '<!DOCTYPE fontconfig SYSTEM "fonts.dtd">',
      '<fontconfig>',
      '  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>',
      '  <selectfont>',
      '    <rejectfont>',
      ...patterns,
      '    </rejectfont>',
      '  </selectfont>',
      '</fontconfig>',
      '',
    ].join('\n'),
  );
  return file;
}
