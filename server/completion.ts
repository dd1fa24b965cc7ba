import { CompletionItemKind, InsertTextFormat, type CompletionItem, type Position } from 'vscode-languageserver';
import {
  DIRECTIVE_PREFIX,
  adaptTemplate,
  lineEnding,
  numberSectionAt,
  type LintResult,
  type MessageLanguage,
} from '../engine';
import { toRange } from './convert';
import { say, statusWord } from './wording';

/** Characters after which a client should ask for completions. */
export const COMPLETION_TRIGGERS = ['#', '-', ' '];

const DIRECTIVE_KINDS = ['disable', 'enable', 'disable-line', 'disable-next-line', 'disable-file', 'enable-file'];
const STATUS_RANK = { missing: 0, partial: 1, covered: 2, off: 3 } as const;

/** Measure field labels when a pack gives none. */
const DEFAULT_FIELDS: Record<MessageLanguage, { owner: string; timeframe: string; indicator: string }> = {
  en: { owner: 'Lead', timeframe: 'Deadline', indicator: 'Indicator' },
  zh: { owner: '牵头单位', timeframe: '完成时限', indicator: '量化指标' },
};

/**
 * Completions at a position. Inside a `<!-- cluster-policy-lint-… ` comment: directive keywords,
 * then rule ids. On an empty line or a heading being typed: section templates, the elements the
 * draft does not yet cover first. Right after a list marker or a measure's first sentence: the measure skeleton (who leads, by
 * when, what target). Elsewhere nothing, so typing prose is never interrupted.
 */
export function completionsAt(result: LintResult, position: Position, snippets: boolean): CompletionItem[] {
  const { document } = result;
  const lineStart = document.lines.lineStarts[position.line];
  if (lineStart === undefined) return [];
  const offset = document.lines.offsetAt(position);
  const before = document.source.slice(lineStart, offset);

  const open = before.lastIndexOf('<!--');
  if (open >= 0 && before.indexOf('-->', open) < 0)
    return directiveCompletions(result, before.slice(open + 4), position);

  const heading = /^(#{1,6})[ \t]*[^\n]*$/.exec(before);
  if (heading || /^\s*$/.test(before)) return sectionCompletions(result, position, heading?.[1]?.length, before.length);

  // Right after the list marker, or after a measure's first sentence: "- Build the park. Le|".
  const item = /^\s*(?:[-*+]|\d{1,9}[.)])[ \t]+(?:.*[.。;；][ \t]*)?(\S*)$/.exec(before);
  if (item) return measureCompletions(result, position, item[1]!.length, snippets);
  return [];
}

function directiveCompletions(result: LintResult, inside: string, position: Position): CompletionItem[] {
  const lang = result.messageLanguage;
  const keyword = /^\s*(\S*)$/.exec(inside);
  if (keyword) {
    const range = toRange({
      start: { line: position.line, character: position.character - keyword[1]!.length },
      end: position,
    });
    return DIRECTIVE_KINDS.map((kind, i) => ({
      label: `${DIRECTIVE_PREFIX}${kind}`,
      kind: CompletionItemKind.Keyword,
      sortText: String(i),
      textEdit: { range, newText: `${DIRECTIVE_PREFIX}${kind} ` },
    }));
  }
  const rules = new RegExp(
    `^\\s*${DIRECTIVE_PREFIX}(?:${DIRECTIVE_KINDS.join('|')})\\s+(?:[\\w-]+[\\s,]+)*([\\w-]*)$`,
  ).exec(inside);
  if (!rules) return [];
  const range = toRange({
    start: { line: position.line, character: position.character - rules[1]!.length },
    end: position,
  });
  const reported = new Set(result.findings.map((f) => f.ruleId));
  return result.pack.rules.map((rule, i) => ({
    label: rule.id,
    kind: CompletionItemKind.Value,
    detail: rule.title[lang],
    documentation: rule.asks[lang],
    // The rules this draft reports come first: those are the ones a drafter turns off.
    sortText: `${reported.has(rule.id) ? 0 : 1}-${String(i).padStart(3, '0')}`,
    textEdit: { range, newText: rule.id },
  }));
}

function sectionCompletions(
  result: LintResult,
  position: Position,
  typedLevel: number | undefined,
  typed: number,
): CompletionItem[] {
  const { document, pack } = result;
  const lang = result.messageLanguage;
  const offset = document.lines.offsetAt(position);
  const enclosing = [...document.sections]
    .reverse()
    .find((s) => s.heading && s.span.start <= offset && offset <= s.span.end);
  const level = typedLevel ?? Math.min(6, Math.max(2, (enclosing?.level ?? 1) + 1));
  const eol = lineEnding(document);
  const range = toRange({ start: { line: position.line, character: position.character - typed }, end: position });
  const prefix = typedLevel ? `${'#'.repeat(typedLevel)} ` : '';
  // A section typed among numbered parts is numbered like them; the parts after it move on.
  const numbered = (template: string): Pick<CompletionItem, 'textEdit' | 'additionalTextEdits'> => {
    const adapted = adaptTemplate(template, level, eol);
    const { template: text, renumber } = numberSectionAt(document, offset, level, adapted);
    return {
      textEdit: { range, newText: text + eol },
      ...(renumber.length
        ? { additionalTextEdits: renumber.map((e) => ({ range: toRange(e.range), newText: e.newText })) }
        : {}),
    };
  };
  const items: CompletionItem[] = [];
  pack.elements.forEach((element, i) => {
    const status = result.coverage.elements.find((e) => e.id === element.id)?.status ?? 'missing';
    if (status === 'off') return;
    const group = pack.groups.find((g) => g.id === element.group);
    items.push({
      label: element.title[lang],
      kind: CompletionItemKind.Snippet,
      detail: `${statusWord(lang, status)}${group ? ` · ${group.title[lang]}` : ''}`,
      documentation: element.asks[lang],
      sortText: `${STATUS_RANK[status]}-${String(i).padStart(3, '0')}`,
      filterText: prefix + element.title[lang],
      ...numbered(element.template[lang]),
    });
  });
  pack.drafting.structure.forEach((part, i) => {
    items.push({
      label: part.title[lang],
      kind: CompletionItemKind.Snippet,
      detail: say(lang, 'part of every draft', '草案的基本部分'),
      sortText: `4-${String(i).padStart(3, '0')}`,
      filterText: prefix + part.title[lang],
      ...numbered(part.template[lang]),
    });
  });
  return items;
}

function measureCompletions(
  result: LintResult,
  position: Position,
  typed: number,
  snippets: boolean,
): CompletionItem[] {
  const range = toRange({ start: { line: position.line, character: position.character - typed }, end: position });
  const langs: MessageLanguage[] = result.messageLanguage === 'zh' ? ['zh', 'en'] : ['en', 'zh'];
  return langs.map((lang, i) => {
    const fields = result.pack.drafting.measureFields[lang] ?? DEFAULT_FIELDS[lang];
    const [owner, timeframe, indicator] = [fields.owner, fields.timeframe, fields.indicator].map((l) =>
      l.replace(/[:：]\s*$/, ''),
    );
    const colon = lang === 'zh' ? '：' : ': ';
    const sep = lang === 'zh' ? '；' : '; ';
    const hints =
      lang === 'zh' ? ['负责单位', '完成日期', '量化目标'] : ['responsible body', 'date', 'target with a number'];
    const plain = `${owner}${colon}${sep}${timeframe}${colon}${sep}${indicator}${colon}`;
    const snippet = `${esc(owner!)}${colon}\${1:${hints[0]}}${sep}${esc(timeframe!)}${colon}\${2:${hints[1]}}${sep}${esc(indicator!)}${colon}\${3:${hints[2]}}`;
    return {
      label: `${owner} / ${timeframe} / ${indicator}`,
      kind: CompletionItemKind.Snippet,
      detail: say(
        result.messageLanguage,
        'measure skeleton: who leads, by when, what target',
        '措施要素：牵头单位、完成时限、量化指标',
      ),
      sortText: String(i),
      filterText: `${owner} ${timeframe} ${indicator}`,
      insertTextFormat: snippets ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
      textEdit: { range, newText: snippets ? snippet : plain },
    };
  });
}

/** Escapes the characters that mean something in a snippet. */
function esc(text: string): string {
  return text.replace(/[$}\\]/g, '\\$&');
}
