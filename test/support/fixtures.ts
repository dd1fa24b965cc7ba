/**
 * Fixture expectations written inline in Markdown comments, so a fixture documents its rule:
 *
 * - `<!-- expect: measure-owner measure-timeline -->` at the end of a line: a finding of each rule
 *   starts on this line. For the rules a fixture checks, findings and markers must match exactly.
 * - `<!-- covers: hard-environment/transport -->`: some evidence of that facet starts on this line.
 * - `<!-- not: joint-action/joint-procurement -->`: no evidence of that facet starts on this line
 *   (negations and look-alikes).
 * - `<!-- status: hard-environment=covered joint-action=partial -->`: element statuses.
 * - `<!-- fixture-rules: measure-owner measure-timeline -->`: the drafting rules whose findings are
 *   compared exactly; by default the rule named by the fixture's folder, if it is a drafting rule.
 *
 * These comments are not directives (they do not start with `cluster-policy-lint-`), and comments
 * are never prose, so they do not change what they describe.
 */
export interface FixtureExpectations {
  /** `line:rule` for each expected finding; lines are 1-based. */
  findings: Set<string>;
  covers: { line: number; element: string; facet: string }[];
  not: { line: number; element: string; facet: string }[];
  status: Map<string, string>;
  rules: string[] | undefined;
}

const MARKER = /<!--\s*(expect|covers|not|status|fixture-rules):\s*([^>]*?)\s*-->/g;

/** Reads a fixture's inline expectations. */
export function readExpectations(text: string): FixtureExpectations {
  const out: FixtureExpectations = { findings: new Set(), covers: [], not: [], status: new Map(), rules: undefined };
  text.split('\n').forEach((lineText, i) => {
    const line = i + 1;
    for (const m of lineText.matchAll(MARKER)) {
      const words = m[2]!.split(/[\s,]+/).filter(Boolean);
      switch (m[1]) {
        case 'expect':
          for (const rule of words) out.findings.add(`${line}:${rule}`);
          break;
        case 'covers':
        case 'not':
          for (const word of words) {
            const [element, facet] = word.split('/');
            out[m[1]].push({ line, element: element!, facet: facet! });
          }
          break;
        case 'status':
          for (const word of words) {
            const [element, status] = word.split('=');
            out.status.set(element!, status!);
          }
          break;
        case 'fixture-rules':
          out.rules = words;
          break;
      }
    }
  });
  return out;
}
