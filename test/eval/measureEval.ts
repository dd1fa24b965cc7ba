/**
 * The measure rules against the readers' measure labels (`measures/*.yaml`): for each unit a
 * reader saw in a measures or objectives section, whether it lacks an owner, a deadline or a
 * target, and whether it is a measure at all; and the sentences they found vague. A rule agrees
 * on a unit when it reports exactly when the reader says the unit lacks its part. A finding on a
 * unit that is no measure, or on a line no reader marked, is a false finding.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { lint, type Finding } from '../../engine';

interface UnitLabel {
  quote: string;
  measure: boolean;
  owner?: boolean;
  deadline?: boolean;
  target?: boolean;
  note?: string;
}
interface MeasureLabels {
  text: string;
  units: UnitLabel[];
  vague?: { quote: string }[] | null;
  numbering?: { quote: string; expected: string }[] | null;
}

/** The rules scored, with the fact of a unit each asks for; `objectives` says whether it checks objectives too. */
export const MEASURE_RULES = [
  { id: 'measure-owner', fact: 'owner', objectives: false },
  { id: 'measure-timeline', fact: 'deadline', objectives: false },
  { id: 'measure-indicator', fact: 'target', objectives: true },
] as const;

export interface RuleScore {
  rule: string;
  cells: number;
  agree: number;
  falseFindings: number;
  missed: number;
  problems: string[];
}

/** The rule ids a finding stands for: its own, and the others it reports at the same place. */
function idsOf(f: Finding): string[] {
  return f.parts?.map((p) => p.ruleId) ?? [f.ruleId];
}

/** Scores the measure rules and vague commitments on every labelled text of `dir`. */
export function scoreMeasures(
  here: string,
  dir: string,
  textOf: (ref: string) => string,
): { rules: RuleScore[]; texts: number; units: number } {
  const scores = new Map<string, RuleScore>();
  const score = (rule: string) => {
    let s = scores.get(rule);
    if (!s) scores.set(rule, (s = { rule, cells: 0, agree: 0, falseFindings: 0, missed: 0, problems: [] }));
    return s;
  };
  let texts = 0;
  let unitCount = 0;
  const folder = path.join(here, dir);
  for (const name of readdirSync(folder)
    .filter((f) => f.endsWith('.yaml'))
    .sort()) {
    const labels = YAML.parse(readFileSync(path.join(folder, name), 'utf8')) as MeasureLabels;
    const text = textOf(labels.text);
    const lineOf = (quote: string): number => {
      const at = text.indexOf(quote);
      return at < 0 ? -1 : text.slice(0, at).split('\n').length - 1;
    };
    const result = lint(text);
    const findingsOn = new Map<number, Set<string>>();
    for (const f of result.findings) {
      if (f.kind !== 'drafting') continue;
      const ids = findingsOn.get(f.range.start.line) ?? new Set<string>();
      for (const id of idsOf(f)) ids.add(id);
      findingsOn.set(f.range.start.line, ids);
    }
    texts++;
    const labelled = new Set<number>();
    for (const unit of labels.units) {
      const line = lineOf(unit.quote);
      if (line < 0) throw new Error(`${name}: quote not found: ${unit.quote}`);
      labelled.add(line);
      unitCount++;
      // Readers marked objectives by a note; an objective is checked for its target only.
      const objective = /objective|goal|目标/i.test(unit.note ?? '');
      const found = findingsOn.get(line) ?? new Set<string>();
      for (const rule of MEASURE_RULES) {
        const s = score(rule.id);
        const reported = found.has(rule.id);
        if (!unit.measure && !objective) {
          // Not a measure (a definition, a preamble, a closing clause): any finding is false.
          s.cells++;
          if (reported) {
            s.falseFindings++;
            s.problems.push(`${name} "${unit.quote}": reported, but it is no measure`);
          } else s.agree++;
          continue;
        }
        if (objective && !rule.objectives) {
          if (reported) {
            s.cells++;
            s.falseFindings++;
            s.problems.push(`${name} "${unit.quote}": reported on an objective`);
          }
          continue;
        }
        const lacks = unit[rule.fact] === false;
        s.cells++;
        if (reported === lacks) s.agree++;
        else if (reported) {
          s.falseFindings++;
          s.problems.push(`${name} "${unit.quote}": reported, but the reader finds its ${rule.fact}`);
        } else {
          s.missed++;
          s.problems.push(`${name} "${unit.quote}": lacks its ${rule.fact}, not reported`);
        }
      }
    }
    // Findings on lines no reader marked as a unit.
    for (const [line, ids] of findingsOn) {
      if (labelled.has(line)) continue;
      for (const rule of MEASURE_RULES) {
        if (!ids.has(rule.id)) continue;
        const s = score(rule.id);
        s.cells++;
        s.falseFindings++;
        s.problems.push(
          `${name} line ${line + 1}: reported where no reader saw a unit: ${text.split('\n')[line]!.slice(0, 60)}`,
        );
      }
    }
    // Vague commitments and numbering slips: the lines the readers list, and the tool's findings.
    // Numbering is scored only on drafts whose reader listed its slips.
    const lists: [string, { quote: string }[] | null | undefined][] = [['vague-commitment', labels.vague]];
    if (labels.numbering !== undefined) lists.push(['numbering', labels.numbering]);
    for (const [rule, listed] of lists) {
      const s = score(rule);
      const expectedLines = new Set((listed ?? []).map((v) => lineOf(v.quote)).filter((l) => l >= 0));
      const reportedLines = new Set(result.findings.filter((f) => f.ruleId === rule).map((f) => f.range.start.line));
      for (const line of new Set([...expectedLines, ...reportedLines])) {
        s.cells++;
        const expected = expectedLines.has(line);
        const reported = reportedLines.has(line);
        const words = text.split('\n')[line]!.slice(0, 60);
        if (expected === reported) s.agree++;
        else if (reported) {
          s.falseFindings++;
          s.problems.push(`${name} line ${line + 1}: reported: ${words}`);
        } else {
          s.missed++;
          s.problems.push(`${name} line ${line + 1}: not reported: ${words}`);
        }
      }
    }
  }
  return { rules: [...scores.values()], texts, units: unitCount };
}
