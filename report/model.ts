import type { CoverageReport, Finding, LintResult, PassageRole, Range, Severity } from '../engine';

/**
 * The JSON report of `../shared/cli-contract.md`, as types. It is a public contract: the CLI's
 * `--format json`, the HTML report and the VS Code coverage view all read this one shape.
 * Positions are 1-based lines and 1-based UTF-16 columns; `endColumn` is exclusive.
 */
export interface JsonReport {
  tool: { name: string; version: string };
  files: FileReport[];
  summary: { files: number; errors: number; warnings: number; information: number; hints: number };
}

/** A 1-based location, as the contract writes positions. */
export interface Location1 {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/**
 * A passage that covers a facet. `role` (added to the contract) says why it counts: a
 * `commitment` of the plan, or a `statement`, `problem` or `definition` describing the cluster
 * where the facet counts those; `inMeasures` marks one in a measures or objectives section.
 */
export interface EvidenceReport extends Location1 {
  text: string;
  role?: PassageRole;
  inMeasures?: boolean;
}

/** One file's report; `error` (and no coverage) when the file could not be linted. */
export interface FileReport {
  path: string;
  language?: 'en' | 'zh' | 'mixed';
  coverage?: {
    score: number;
    /** Added to the contract: present (true) when the text reads as about something else. */
    offTopic?: boolean;
    elements: {
      id: string;
      status: 'covered' | 'partial' | 'missing' | 'off';
      facets: { id: string; covered: boolean; evidence: EvidenceReport[] }[];
    }[];
  };
  diagnostics: DiagnosticReport[];
  error?: string;
}

/** One finding in the contract's shape. */
export interface DiagnosticReport extends Location1 {
  ruleId: string;
  severity: Severity;
  message: string;
  facet?: string;
  fix?: Location1 & { text: string };
  /**
   * Added to the contract: where one finding stands for several rules at one place (a measure
   * lacking a lead body and a deadline), the ids of all of them; the report has one diagnostic
   * for each, so counts per rule stay what they were.
   */
  parts?: string[];
}

/** Converts a zero-based engine range to the contract's 1-based location. */
export function toLocation1(range: Range): Location1 {
  return {
    line: range.start.line + 1,
    column: range.start.character + 1,
    endLine: range.end.line + 1,
    endColumn: range.end.character + 1,
  };
}

/** The contract's coverage object for an engine coverage report. */
export function coverageToJson(coverage: CoverageReport): NonNullable<FileReport['coverage']> {
  return {
    score: coverage.score,
    ...(coverage.offTopic ? { offTopic: true } : {}),
    elements: coverage.elements.map((e) => ({
      id: e.id,
      status: e.status,
      facets: e.facets.map((f) => ({
        id: f.id,
        covered: f.covered,
        evidence: f.evidence.map((ev) => {
          const out: EvidenceReport = { ...toLocation1(ev.range), text: ev.text };
          if (ev.role) out.role = ev.role;
          if (ev.inMeasures) out.inMeasures = true;
          return out;
        }),
      })),
    })),
  };
}

/** The contract's diagnostic for an engine finding; a fix is reported by its first edit. */
export function findingToJson(finding: Finding): DiagnosticReport {
  const out: DiagnosticReport = {
    ruleId: finding.ruleId,
    severity: finding.severity,
    message: finding.message,
    ...toLocation1(finding.range),
  };
  if (finding.facet) out.facet = finding.facet;
  const edit = finding.fix?.edits[0];
  if (edit) out.fix = { ...toLocation1(edit.range), text: edit.newText };
  return out;
}

/**
 * The contract's diagnostics for an engine finding: one, or one per rule a finding stands for
 * (a measure lacking a lead body and a deadline is a `measure-owner` and a `measure-timeline`
 * diagnostic at the same place, with the same message), each naming them all in `parts`.
 */
export function findingsToJson(finding: Finding): DiagnosticReport[] {
  const one = findingToJson(finding);
  if (!finding.parts || finding.parts.length < 2) return [one];
  const ids = finding.parts.map((p) => p.ruleId);
  return finding.parts.map((p) => ({ ...one, ruleId: p.ruleId, severity: p.severity, parts: ids }));
}

/** A linted file's report in the contract's shape. `path` is relative, with `/` separators. */
export function fileReport(path: string, result: LintResult): FileReport {
  return {
    path,
    language: result.language,
    coverage: coverageToJson(result.coverage),
    diagnostics: result.findings.flatMap(findingsToJson),
  };
}

/** The report of a file that could not be linted. */
export function failedFileReport(path: string, error: string): FileReport {
  return { path, error, diagnostics: [] };
}

/** The whole report with its summary counts. */
export function jsonReport(version: string, files: FileReport[]): JsonReport {
  const summary = { files: files.length, errors: 0, warnings: 0, information: 0, hints: 0 };
  for (const file of files) addCounts(summary, severityCounts(file.diagnostics));
  return { tool: { name: 'cluster-policy-lint', version }, files, summary };
}

/** Diagnostics counted by severity. */
export type SeverityCounts = Record<Severity, number>;

/** Counts diagnostics by severity. */
export function severityCounts(diagnostics: readonly { severity: Severity }[]): SeverityCounts {
  const counts: SeverityCounts = { error: 0, warning: 0, information: 0, hint: 0 };
  for (const d of diagnostics) counts[d.severity]++;
  return counts;
}

/** Adds one file's counts to a report's summary. */
export function addCounts(summary: JsonReport['summary'], counts: SeverityCounts): void {
  summary.errors += counts.error;
  summary.warnings += counts.warning;
  summary.information += counts.information;
  summary.hints += counts.hint;
}
