import type { CodeLens, Command } from 'vscode-languageserver';
import { headingMatches, isElementHeading, type LintResult, type Section } from '../engine';
import { ServerCommands } from '../common/protocol';
import { toRange } from './convert';
import { coverageLine, groupLine, say, statusWord } from './wording';

/**
 * Code lenses: at the top of the draft its coverage and each group's ("Coverage 11/15 · …");
 * on a group's heading that group's coverage and what it still lacks; on an element's own
 * heading that element's status. Each opens the coverage summary.
 */
export function codeLenses(result: LintResult, uri: string): CodeLens[] {
  const lang = result.messageLanguage;
  const { document, pack } = result;
  const command = (title: string): Command => ({ title, command: ServerCommands.showCoverage, arguments: [{ uri }] });
  const top = toRange({ start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
  const lenses: CodeLens[] = [{ range: top, command: command(coverageLine(result)) }];
  for (const group of result.coverage.groups) {
    const line = groupLine(result, group.id);
    if (line) lenses.push({ range: top, command: command(line) });
  }

  const headingRange = (section: Section) => toRange(document.lines.rangeOf(section.heading!.span));
  for (const section of document.sections) {
    if (!section.heading) continue;
    for (const group of pack.groups) {
      if (!headingMatches(section, group.headings)) continue;
      const line = groupLine(result, group.id);
      if (!line) continue;
      const lacking = result.coverage.elements
        .filter((e) => e.group === group.id && (e.status === 'missing' || e.status === 'partial'))
        .map((e) => e.title[lang]);
      const tail = lacking.length
        ? ` · ${say(lang, 'still lacking', '尚缺')}: ${lacking.join(say(lang, ', ', '、'))}`
        : '';
      lenses.push({ range: headingRange(section), command: command(line + tail) });
    }
    for (const element of pack.elements) {
      if (!isElementHeading(section, element)) continue;
      const coverage = result.coverage.elements.find((e) => e.id === element.id);
      if (!coverage || coverage.status === 'off') continue;
      const have = coverage.facets.filter((f) => f.covered).length;
      const facets = say(lang, `${have}/${coverage.k} facets needed`, `已涉及 ${have}/${coverage.k} 项`);
      lenses.push({
        range: headingRange(section),
        command: command(`${element.title[lang]}: ${statusWord(lang, coverage.status)} · ${facets}`),
      });
    }
  }
  return lenses;
}
