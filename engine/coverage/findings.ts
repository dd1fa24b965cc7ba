import type { DraftDocument } from '../markdown/model';
import type { Pack } from '../pack/compiled';
import type { CoverageReport, Finding, Localized, MessageLanguage, Severity } from '../types';
import { elementAnchor, insertElementTemplate, insertFacetLines } from './fixes';

/**
 * One finding per element that is missing or only partly covered, at the place a drafter would
 * look, with a fix that inserts the element's template section (missing) or lines for enough of
 * its missing facets (partial). `coverage` is `judgeCoverage`'s report for this pack: its elements
 * stand in the pack's order.
 */
export function coverageFindings(
  doc: DraftDocument,
  pack: Pack,
  coverage: CoverageReport,
  lang: MessageLanguage,
  severityOf: (id: string, fallback: Severity) => Severity | 'off',
): Finding[] {
  const findings: Finding[] = [];
  for (let i = 0; i < coverage.elements.length; i++) {
    const report = coverage.elements[i]!;
    if (report.status === 'off' || report.status === 'covered') continue;
    // The report lists the pack's elements in the pack's order (`judgeCoverage`).
    const element = pack.elements[i]!;
    const severity = severityOf(element.id, element.severity);
    if (severity === 'off') continue;
    const span = elementAnchor(doc, pack, element);
    const covered = report.facets.filter((f) => f.covered);
    const missing = report.facets.filter((f) => !f.covered);
    const need = report.k;
    const n = report.facets.length;
    let message: string;
    let fix: Finding['fix'];
    if (report.status === 'missing') {
      const facets = titleList(report.facets, lang);
      message =
        lang === 'zh'
          ? `草案未涉及“${element.title.zh}”：${element.asks.zh}（${n} 项中至少需要 ${need} 项：${facets}）`
          : `The draft does not address "${element.title.en}": ${element.asks.en} (needs ${need} of ${n}: ${facets}).`;
      fix = {
        title: lang === 'zh' ? `插入章节：${element.title.zh}` : `Insert a section: ${element.title.en}`,
        edits: insertElementTemplate(doc, pack, element, lang),
      };
    } else {
      const have = titleList(covered, lang);
      const lack = titleList(missing, lang);
      message =
        lang === 'zh'
          ? `“${element.title.zh}”仅部分覆盖：已涉及${have}，尚未涉及${lack}（${n} 项中至少需要 ${need} 项）。`
          : `"${element.title.en}" is only partly covered: the draft addresses ${have} but not ${lack} (needs ${need} of ${n}).`;
      const adding = missing.slice(0, need - covered.length);
      const toAdd = adding.map((f) => f.id);
      const edits = insertFacetLines(doc, pack, element, report, toAdd, lang);
      if (edits) {
        const titles = titleList(adding, lang);
        fix = { title: lang === 'zh' ? `补充：${titles}` : `Add: ${titles}`, edits };
      }
    }
    const finding: Finding = {
      ruleId: element.id,
      kind: 'coverage',
      severity,
      message,
      span,
      range: doc.lines.rangeOf(span),
    };
    if (fix) finding.fix = fix;
    findings.push(finding);
  }
  return findings;
}

/** Facets' titles in the message language, listed as a sentence lists them. */
function titleList(facets: readonly { title: Localized }[], lang: MessageLanguage): string {
  const separator = lang === 'zh' ? '、' : ', ';
  let out = '';
  for (let i = 0; i < facets.length; i++) out += (i > 0 ? separator : '') + facets[i]!.title[lang];
  return out;
}
