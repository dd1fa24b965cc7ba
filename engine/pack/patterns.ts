import type { Lang, LexiconSet } from './compiled';

/**
 * What a space in an English pattern matches: a run of spaces, tabs, hyphens and line breaks. The
 * run is bounded so that a pattern with two spaces around an optional word (`networking (events)?
 * with`) cannot try every way to split a long run of spaces between them.
 */
const GAP = '[ \\t\\r\\n-]{1,30}';

/**
 * Turns a pattern source into the text a RegExp is built from. English patterns match whole
 * words, and a space in them also matches a hyphen, several spaces or a line break (LF or CRLF) ("value chain",
 * "value-chain"). Chinese patterns are used as written.
 */
export function patternSource(pattern: string, lang: Lang): string {
  if (lang === 'zh') return pattern;
  let out = '';
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i]!;
    if (ch === '\\') {
      out += ch + (pattern[i + 1] ?? '');
      i++;
    } else if (ch === '[') {
      inClass = true;
      out += ch;
    } else if (ch === ']') {
      inClass = false;
      out += ch;
    } else if (ch === ' ' && !inClass) {
      while (pattern[i + 1] === ' ') i++;
      // Grouped, so that a quantifier after the space (`a ?b`) applies to the whole gap.
      out += /[?*+{]/.test(pattern[i + 1] ?? '') ? `(?:${GAP})` : GAP;
    } else {
      out += ch;
    }
  }
  return out;
}

/** One regular expression that matches any of the patterns; undefined for none. */
export function alternation(patterns: string[] | undefined, lang: Lang, flags = 'g'): RegExp | undefined {
  if (!patterns || patterns.length === 0) return undefined;
  const body = patterns.map((p) => `(?:${patternSource(p, lang)})`).join('|');
  const source = lang === 'en' ? `(?<![A-Za-z0-9])(?:${body})(?![A-Za-z0-9])` : body;
  return new RegExp(source, lang === 'en' ? `${flags}i` : flags);
}

/** Builds a `LexiconSet` from lexicons by name (see there). */
export function lexiconSet(lexicons: [string, string[] | undefined][], lang: Lang): LexiconSet | undefined {
  const given = lexicons.filter(([, patterns]) => patterns && patterns.length > 0) as [string, string[]][];
  if (given.length === 0) return undefined;
  const body = given
    .map(([, patterns], i) => `(?<l${i}>${patterns.map((p) => `(?:${patternSource(p, lang)})`).join('|')})`)
    .join('|');
  const source = lang === 'en' ? `(?<![A-Za-z0-9])(?:${body})(?![A-Za-z0-9])` : body;
  return { re: new RegExp(source, lang === 'en' ? 'gi' : 'g'), names: given.map(([name]) => name) };
}

/**
 * The names of the lexicons of `set` that match somewhere in `text`. Matches are looked for at
 * every position, not only after the last match's end, so lexicons whose matches overlap are
 * all found.
 */
export function lexiconsIn(set: LexiconSet, text: string): Set<string> {
  const found = new Set<string>();
  const { re, names } = set;
  re.lastIndex = 0;
  for (let m = re.exec(text); m && found.size < names.length; m = re.exec(text)) {
    const groups = m.groups!;
    for (let i = 0; i < names.length; i++) if (groups[`l${i}`] !== undefined) found.add(names[i]!);
    re.lastIndex = m.index + 1;
  }
  return found;
}
