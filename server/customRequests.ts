import { fileReport } from '../report/model';
import { insertElementTemplate, type LintResult } from '../engine';
import type { CoverageSummary, ElementChoice, FileReportResult, RuleChoice } from '../common/protocol';
import { docsLink, toTextEdit } from './convert';
import type { DraftLint } from './linting';
import { coverageCounts, coverageLine, groupsLine, missingLine, say, statusWord } from './wording';
import type { TextEdit } from 'vscode-languageserver';

/*
 * The answers to the custom requests of `common/protocol.ts`, built from a lint. Pure functions:
 * the server wires them to the connection.
 */

/** `clusterPolicyLint/fileReport`: the CLI contract's report and the titles a view needs. */
export function fileReportOf(lint: DraftLint): FileReportResult {
  const { result } = lint;
  return {
    report: fileReport(lint.relativePath, result),
    messageLanguage: result.messageLanguage,
    elements: result.coverage.elements.map((e) => ({
      id: e.id,
      group: e.group,
      title: e.title,
      status: e.status,
      coveredFacets: e.facets.filter((f) => f.covered).length,
      k: e.k,
      facets: e.facets.map((f) => ({ id: f.id, title: f.title })),
      asks: result.pack.elements.find((p) => p.id === e.id)?.asks,
    })),
    groups: result.coverage.groups.map((g) => ({
      id: g.id,
      title: g.title,
      covered: g.covered,
      partial: g.partial,
      missing: g.missing,
      total: g.total,
    })),
  };
}

/** `clusterPolicyLint/coverageSummary`: the status item's line. */
export function coverageSummaryOf(result: LintResult): CoverageSummary {
  return {
    ...coverageCounts(result),
    score: result.coverage.score,
    text: coverageLine(result),
    detail: missingLine(result),
  };
}

/** `clusterPolicyLint/elements`: the elements for a picker, the uncovered first. */
export function elementChoices(result: LintResult): ElementChoice[] {
  const lang = result.messageLanguage;
  const rank = { missing: 0, partial: 1, covered: 2, off: 3 };
  return result.coverage.elements
    .map((e) => {
      const group = result.pack.groups.find((g) => g.id === e.group);
      return {
        id: e.id,
        label: e.title[lang],
        detail: `${statusWord(lang, e.status)}${group ? ` · ${group.title[lang]}` : ''}`,
        status: e.status,
      };
    })
    .sort((a, b) => rank[a.status] - rank[b.status]);
}

/** `clusterPolicyLint/rules`: every rule with its documentation link. */
export function ruleChoices(result: LintResult): RuleChoice[] {
  const lang = result.messageLanguage;
  return result.pack.rules.map((r) => {
    const choice: RuleChoice = { id: r.id, kind: r.kind, title: r.title[lang] };
    const docs = docsLink(result.pack, r.id);
    if (docs) choice.docs = docs;
    return choice;
  });
}

/** The edits that insert an element's template section where it belongs, or undefined. */
export function sectionEdits(result: LintResult, elementId: string): TextEdit[] | undefined {
  const element = result.pack.elements.find((e) => e.id === elementId);
  return element
    ? insertElementTemplate(result.document, result.pack, element, result.messageLanguage).map(toTextEdit)
    : undefined;
}

/** The coverage message `showCoverage` displays: the counts and what is still lacking. */
export function coverageMessage(result: LintResult): string {
  const lang = result.messageLanguage;
  const lacking = result.coverage.elements.filter((e) => e.status === 'missing' || e.status === 'partial');
  const list = lacking.map((e) => `${e.title[lang]} (${statusWord(lang, e.status)})`).join(say(lang, '; ', '；'));
  const tail = lacking.length ? ` — ${say(lang, 'still lacking', '尚缺')}: ${list}` : '';
  return `${coverageLine(result)} · ${groupsLine(result)}${tail}`;
}
