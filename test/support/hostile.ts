/**
 * What the hostile-repository tests plant: patterns that backtrack without end, the long words
 * that make them do so, a secret shaped like the token a CI checkout keeps, and a pack that puts
 * the patterns in front of the engine.
 */

/** A token shaped like the one a CI checkout keeps in `.git/config`. */
export const TOKEN = 'ghs_FAKEtokenFAKEtokenFAKEtoken0123456789';

/** A `.git/config` holding the token in its remote's address. */
export const GIT_CONFIG = `[core]\n\trepositoryformatversion = 0\n[remote "origin"]\n\turl = https://x-access-token:${TOKEN}@github.com/county/drafts\n`;

/** The patterns the issue found taking from seconds to forever on a draft with one long word. */
export const HOSTILE = [
  '(a|a)*b',
  '(a|aa)+$',
  '(\\w|\\d)+$',
  '(\\w|\\w)*x',
  '(.*a){12}',
  '\\w*\\w*\\w*\\w*x',
  '(a)\\1',
  '(产|产)*业',
];

/** Long runs of one character, English and Chinese: what makes those patterns backtrack. */
export function longWords(middle = ''): string {
  return `# Plan\n\n${'a'.repeat(50_000)} ${'9'.repeat(50_000)}\n\n${middle ? `${middle}\n\n` : ''}${'产'.repeat(50_000)}\n`;
}

/**
 * A pack with one facet per pattern, each in the languages given (English and Chinese unless
 * told), one language a line: a pattern's first language is on line 14 of the pack (from 0).
 */
export function packOf(patterns: string[], id = 'hostile', langs: readonly ('en' | 'zh')[] = ['en', 'zh']): string {
  const facets = patterns.flatMap((p, i) => [
    `      - id: f${i}`,
    `        title: f${i}`,
    '        match:',
    ...langs.map((lang) => `          ${lang}: [${JSON.stringify(p)}]`),
  ]);
  return [
    `pack: ${id}`,
    'title: Hostile',
    'groups: [{ id: H, title: H }]',
    'elements:',
    `  - id: ${id}`,
    '    group: H',
    '    title: H',
    '    asks: H',
    '    template: H',
    '    paper: { section: x, says: x }',
    '    facets:',
    ...facets,
    '',
  ].join('\n');
}
