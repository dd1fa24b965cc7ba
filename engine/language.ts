import { isHan } from './text/normalize';
import type { DraftLanguage } from './types';

/** How much of each script a draft's prose holds; Han characters count two to a word. */
export interface LanguageMeasure {
  language: DraftLanguage;
  /** Han characters in the prose. */
  han: number;
  /** Latin words in the prose. */
  latinWords: number;
}

// A share this large of one script makes a draft monolingual: Chinese regulations quote "WTO" and
// English plans quote a Chinese name without becoming mixed.
const DOMINANT = 0.85;

/**
 * Detects whether prose is English, Chinese (simplified or traditional) or a mix. Han characters
 * are weighed at half a word each, since a Chinese word is usually two characters.
 */
export function detectLanguage(prose: string): LanguageMeasure {
  const { han, latinWords } = countScripts(prose);
  return classifyLanguage(han, latinWords);
}

/** Counts Han characters and Latin words; counts of chunks add up to the draft's. */
export function countScripts(prose: string): { han: number; latinWords: number } {
  let han = 0;
  let latinWords = 0;
  let inWord = false;
  for (let i = 0; i < prose.length; i++) {
    const c = prose.charCodeAt(i);
    const latin = (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
    if (latin && !inWord) latinWords++;
    inWord = latin;
    if (c >= 0x3400 && isHan(c)) han++;
  }
  return { han, latinWords };
}

/** The language that script counts point to. */
export function classifyLanguage(han: number, latinWords: number): LanguageMeasure {
  const zh = han / 2;
  const total = zh + latinWords;
  let language: DraftLanguage = 'en';
  if (total > 0) {
    if (zh / total >= DOMINANT) language = 'zh';
    else if (latinWords / total >= DOMINANT) language = 'en';
    else language = 'mixed';
  }
  return { language, han, latinWords };
}
