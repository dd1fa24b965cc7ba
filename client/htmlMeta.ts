/**
 * The HTML report's inputs made from the language server's `fileReport` answers, for the VS Code
 * coverage view. Pure, so it is tested without VS Code.
 */
import type { FileReportResult } from '../common/protocol';
import type { HtmlReportMeta, ReportRuleMeta } from '../report/html';
import { type JsonReport, jsonReport } from '../report/model';

/**
 * The rule and group metadata of a set of answers. Drafts may use different packs (a folder's own
 * pack), so every element and group seen is kept, in the order first seen.
 */
export function metaFromResults(results: readonly FileReportResult[]): HtmlReportMeta {
  const rules = new Map<string, ReportRuleMeta>();
  const groups = new Map<string, HtmlReportMeta['groups'][number]>();
  for (const result of results) {
    for (const g of result.groups) if (!groups.has(g.id)) groups.set(g.id, { id: g.id, title: g.title });
    for (const e of result.elements) {
      if (rules.has(e.id)) continue;
      const rule: ReportRuleMeta = { id: e.id, kind: 'coverage', title: e.title, group: e.group, k: e.k };
      if (e.facets) rule.facets = e.facets;
      if (e.asks) rule.asks = e.asks;
      rules.set(e.id, rule);
    }
  }
  return { rules: [...rules.values()], groups: [...groups.values()] };
}

/** The JSON report of a set of answers, with the contract's summary counts. */
export function reportFromResults(version: string, results: readonly FileReportResult[]): JsonReport {
  return jsonReport(
    version,
    results.map((r) => r.report),
  );
}

/** The language most answers' messages are in, for the report's own words. */
export function messageLanguageOf(results: readonly FileReportResult[]): 'en' | 'zh' {
  const zh = results.filter((r) => r.messageLanguage === 'zh').length;
  return zh * 2 > results.length ? 'zh' : 'en';
}
