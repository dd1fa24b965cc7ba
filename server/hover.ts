import { MarkupKind, type Hover, type Position } from 'vscode-languageserver';
import {
  isElementHeading,
  type ElementCoverage,
  type Finding,
  type LintResult,
  type MessageLanguage,
  type Section,
} from '../engine';
import { docsLink, rangesTouch, toRange } from './convert';
import { excerpt, roleWord, say, statusWord } from './wording';

/**
 * The hover at a position: on a finding, what its rule asks, why (the paper, paraphrased) and what
 * would count; on a heading, which elements and facets the section covers, with the passages.
 * Both when a heading carries a finding. Written in the draft's message language.
 */
export function hoverAt(result: LintResult, position: Position): Hover | null {
  const at = { start: position, end: position };
  const parts: string[] = [];
  const findings = result.findings.filter((f) => rangesTouch(f.range, at));
  for (const finding of findings) parts.push(findingHover(result, finding));
  const section = headingSectionAt(result, position.line);
  if (section) parts.push(sectionHover(result, section));
  if (parts.length === 0) return null;
  const hover: Hover = { contents: { kind: MarkupKind.Markdown, value: parts.join('\n\n---\n\n') } };
  const anchor =
    findings[0]?.range ?? (section?.heading ? result.document.lines.rangeOf(section.heading.span) : undefined);
  if (anchor) hover.range = toRange(anchor);
  return hover;
}

function findingHover(result: LintResult, finding: Finding): string {
  const lang = result.messageLanguage;
  const rule = result.pack.rules.find((r) => r.id === finding.ruleId);
  const lines: string[] = [];
  const title = rule ? rule.title[lang] : finding.ruleId;
  const docs = docsLink(result.pack, finding.ruleId);
  const docsPart = docs ? ` · [${say(lang, 'rule documentation', '规则说明')}](${docs})` : '';
  lines.push(`**${md(title)}** · \`${finding.ruleId}\`${docsPart}`);
  if (rule?.asks[lang]) lines.push(`**${say(lang, 'What it asks', '要求')}:** ${md(rule.asks[lang])}`);
  if (rule?.paper) {
    const where =
      rule.paper.paragraph !== undefined
        ? say(lang, `, paragraph ${rule.paper.paragraph}`, `，第 ${rule.paper.paragraph} 段`)
        : '';
    lines.push(
      `**${say(lang, 'Why', '依据')}:** ${say(lang, 'the paper', '论文')} “${md(rule.paper.section)}”${where}: ${md(rule.paper.says[lang])}`,
    );
  }
  const coverage = result.coverage.elements.find((e) => e.id === finding.ruleId);
  if (coverage) lines.push(countsAsCovered(lang, coverage));
  else if (finding.fix) lines.push(`**${say(lang, 'What would count', '如何满足')}:** ${md(finding.fix.title)}`);
  else if (finding.ruleId.startsWith('measure-')) {
    const fields = result.pack.drafting.measureFields[lang];
    if (fields)
      lines.push(
        `**${say(lang, 'What would count', '如何满足')}:** ${md(`${fields.owner} … ${fields.timeframe} … ${fields.indicator} …`)}`,
      );
  }
  return lines.join('\n\n');
}

function countsAsCovered(lang: MessageLanguage, coverage: ElementCoverage): string {
  const head = say(
    lang,
    `**What would count:** a passage on any ${coverage.k} of these ${coverage.facets.length}:`,
    `**如何满足:** 以下 ${coverage.facets.length} 项中至少涉及 ${coverage.k} 项：`,
  );
  const items = coverage.facets.map((f) => {
    const mark = f.covered ? '✓' : '✗';
    const first = f.evidence[0];
    const quote = first ? ` — “${md(excerpt(first.text))}” (${roleWord(lang, first)})` : '';
    return `- ${mark} ${md(f.title[lang])}${quote}`;
  });
  return [head, ...items].join('\n');
}

/** The section whose heading is on this line, if any. */
function headingSectionAt(result: LintResult, line: number): Section | undefined {
  const { document } = result;
  return document.sections.find((s) => {
    if (!s.heading) return false;
    const range = document.lines.rangeOf(s.heading.span);
    return range.start.line <= line && line <= range.end.line;
  });
}

function sectionHover(result: LintResult, section: Section): string {
  const lang = result.messageLanguage;
  const { pack } = result;
  const lines: string[] = [];
  const covers: string[] = [];
  for (const element of result.coverage.elements) {
    const facets = element.facets
      .map((f) => ({
        facet: f,
        evidence: f.evidence.filter((e) => e.span.start >= section.span.start && e.span.start < section.span.end),
      }))
      .filter((x) => x.evidence.length > 0);
    if (facets.length === 0) continue;
    covers.push(`- **${md(element.title[lang])}** (${statusWord(lang, element.status)})`);
    for (const { facet, evidence } of facets)
      covers.push(
        `  - ${md(facet.title[lang])} — “${md(excerpt(evidence[0]!.text))}” (${roleWord(lang, evidence[0]!)})`,
      );
  }
  lines.push(
    covers.length
      ? `**${say(lang, 'This section covers', '本节涉及')}:**\n${covers.join('\n')}`
      : say(lang, 'This section covers no element of the framework yet.', '本节尚未涉及框架中的任何要素。'),
  );
  const belongs = pack.elements
    .filter((e) => isElementHeading(section, e))
    .map((e) => {
      const status = result.coverage.elements.find((c) => c.id === e.id)?.status ?? 'missing';
      return `${md(e.title[lang])} (${statusWord(lang, status)})`;
    });
  if (belongs.length)
    lines.push(`**${say(lang, 'The heading of', '对应要素')}:** ${belongs.join(say(lang, ', ', '、'))}`);
  return lines.join('\n\n');
}

/** Escapes the Markdown characters a pack's text or a draft's passage may contain. */
function md(text: string): string {
  return text.replace(/([\\`*_[\]<>#|])/g, '\\$1');
}
