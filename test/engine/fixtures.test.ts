import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { DRAFTING_RULE_IDS, lint } from '../../engine';
import { readExpectations } from '../support/fixtures';

// Every Markdown file under test/fixtures/<rule-id>/ is a fixture that marks its expected findings
// and coverage inline (see test/support/fixtures.ts).
const root = path.resolve(__dirname, '../../test/fixtures');
const drafting = new Set<string>(DRAFTING_RULE_IDS);

for (const folder of readdirSync(root).sort()) {
  if (!statSync(path.join(root, folder)).isDirectory()) continue;
  describe(`fixtures of ${folder}`, () => {
    for (const file of readdirSync(path.join(root, folder))
      .filter((f) => f.endsWith('.md'))
      .sort()) {
      test(`${folder}/${file} gives the findings and coverage it marks`, () => {
        const text = readFileSync(path.join(root, folder, file), 'utf8');
        const expected = readExpectations(text);
        const result = lint(text, { maxEvidence: 1000 });
        const rules = expected.rules ?? (drafting.has(folder) ? [folder] : []);
        // A finding that stands for several rules at one place (a measure lacking a lead body and a
        // deadline) counts for each of them.
        const actual = new Set(
          result.findings
            .flatMap((f) =>
              (f.parts?.map((p) => p.ruleId) ?? [f.ruleId]).map((id) => ({ id, line: f.range.start.line + 1 })),
            )
            .filter((f) => rules.includes(f.id))
            .map((f) => `${f.line}:${f.id}`),
        );
        const wanted = new Set([...expected.findings].filter((k) => rules.includes(k.split(':')[1]!)));
        assert.deepEqual([...actual].sort(), [...wanted].sort(), 'drafting findings (line:rule)');

        const evidenceLines = (element: string, facet: string): Set<number> => {
          const e = result.coverage.elements.find((x) => x.id === element);
          assert.ok(e, `unknown element ${element}`);
          const f = e.facets.find((x) => x.id === facet);
          assert.ok(f, `unknown facet ${element}/${facet}`);
          return new Set(f.evidence.map((ev) => ev.range.start.line + 1));
        };
        for (const c of expected.covers) {
          assert.ok(
            evidenceLines(c.element, c.facet).has(c.line),
            `line ${c.line} should cover ${c.element}/${c.facet}`,
          );
        }
        for (const c of expected.not) {
          assert.ok(
            !evidenceLines(c.element, c.facet).has(c.line),
            `line ${c.line} must not cover ${c.element}/${c.facet}`,
          );
        }
        for (const [element, status] of expected.status) {
          assert.equal(result.coverage.elements.find((e) => e.id === element)?.status, status, `status of ${element}`);
        }
      });
    }
  });
}
