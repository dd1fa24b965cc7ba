import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { builtinPack } from '../../engine';
import { candidateMatches } from '../../engine/coverage/match';
import type { Candidate, Lang } from '../../engine/pack/compiled';
import { normalizeForMatching } from '../../engine/text/normalize';

const REPO = path.resolve(__dirname, '../..');

/**
 * The key table, prefixes and next-word keys only spare the matcher work: a match found by trying
 * every pattern at every possible start must be found by the walk too, and nothing else.
 */
describe('matching through the key table', () => {
  const pack = builtinPack();
  const drafts = [
    'lakeside-hardware-plan-2027-2030.md',
    'riverton-textiles-plan.md',
    'qingxi-ceramics-plan.md',
    'jiangkou-bamboo-action-plan.md',
  ];
  for (const name of drafts) {
    test(`finds what trying every pattern everywhere finds in ${name}`, () => {
      const text = normalizeForMatching(readFileSync(path.join(REPO, 'samples', name), 'utf8'));
      let compared = 0;
      for (const lang of ['en', 'zh'] as Lang[]) {
        const table = pack.keyTable(lang)!;
        const { candidates, starts, ends } = candidateMatches(text, table, lang);
        const seen = new Set(candidates.flatMap((c, m) => (c.pattern.scan ? [] : [key(c, starts[m]!, ends[m]!)])));
        const everywhere = new Set<string>();
        for (const candidate of keyedCandidates(table.lists.flat().flatMap((e) => e.candidates))) {
          const re = candidate.pattern.sticky;
          for (let at = 0; at < text.length; at++) {
            // English matches begin at a word's start (the pattern's look-behind says so too).
            if (lang === 'en' && !/[A-Za-z0-9]/.test(text[at]!)) continue;
            re.lastIndex = at;
            const m = re.exec(text);
            if (m && m[0].length) everywhere.add(key(candidate, at, at + m[0].length));
          }
        }
        compared += everywhere.size;
        assert.deepEqual(
          [...seen].filter((k) => !everywhere.has(k)),
          [],
          `${lang}: the walk found nothing extra`,
        );
        assert.deepEqual(
          [...everywhere].filter((k) => !seen.has(k)),
          [],
          `${lang}: the walk missed nothing`,
        );
      }
      assert.ok(compared > 20, 'the draft has matches to compare');
    });
  }
});

function keyedCandidates(all: Candidate[]): Candidate[] {
  return [...new Set(all)];
}

function key(candidate: Candidate, start: number, end: number): string {
  return `${candidate.facet}:${candidate.pattern.sticky.source}:${start}-${end}`;
}
