import {
  CodeActionKind,
  type CodeAction,
  type CodeActionParams,
  type Range as LspRange,
  type TextEdit as LspTextEdit,
} from 'vscode-languageserver';
import {
  DIRECTIVE_PREFIX,
  lineEnding,
  readDirectives,
  type Finding,
  type LintResult,
  type Range,
  type Span,
} from '../engine';
import { DIAGNOSTIC_SOURCE } from '../common/protocol';
import { rangesTouch, toDiagnostic, toRange, toTextEdit } from './convert';
import { say } from './wording';

/** The fix-all kind of this server, so `editor.codeActionsOnSave` can name it. */
export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.cluster-policy-lint`;

/**
 * The code actions for a range: each finding's own fix (insert a missing section or facet lines,
 * replace a term), disabling its rule for the line or the file, and a fix-all. Every edit only
 * inserts text or replaces the flagged term; the drafter's own words are never removed.
 */
export function codeActions(result: LintResult, uri: string, params: CodeActionParams): CodeAction[] {
  const only = params.context.only;
  const wants = (kind: string) => !only || only.some((o) => kind === o || kind.startsWith(`${o}.`));
  const actions: CodeAction[] = [];
  if (wants(CodeActionKind.QuickFix)) {
    // The diagnostics the client names, when it names ours (VS Code, Helix); else the range's.
    const named = params.context.diagnostics.filter((d) => d.source === DIAGNOSTIC_SOURCE);
    const findings = named.length
      ? result.findings.filter((f) => named.some((d) => d.code === f.ruleId && sameRange(d.range, f.range)))
      : result.findings.filter((f) => rangesTouch(f.range, params.range));
    for (const finding of findings) actions.push(...quickFixes(result, uri, finding));
  }
  if (wants(FIX_ALL_KIND)) {
    const all = fixAll(result, uri);
    if (all) actions.push(all);
  }
  return actions;
}

function quickFixes(result: LintResult, uri: string, finding: Finding): CodeAction[] {
  const lang = result.messageLanguage;
  const diagnostic = toDiagnostic(finding, result.pack);
  const action = (title: string, edits: LspTextEdit[], preferred = false): CodeAction => ({
    title,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    isPreferred: preferred,
    edit: { changes: { [uri]: edits } },
  });
  const out: CodeAction[] = [];
  if (finding.fix) out.push(action(finding.fix.title, finding.fix.edits.map(toTextEdit), true));
  const lineEdit = disableForLine(result, finding);
  if (lineEdit)
    out.push(action(say(lang, `Turn off ${finding.ruleId} for this line`, `在此行停用 ${finding.ruleId}`), [lineEdit]));
  out.push(
    action(say(lang, `Turn off ${finding.ruleId} for this file`, `在本文件停用 ${finding.ruleId}`), [
      disableForFile(result, finding.ruleId),
    ]),
  );
  return out;
}

/**
 * A directive that turns the rule off for the finding's first line. After prose it is a
 * `disable-line` comment appended to the line's end: invisible, and unlike a line of its own it
 * splits no paragraph or list. Before a heading it is a `disable-next-line` comment on its own
 * line, since text appended to a heading line could stop a Chinese numbered line (一、总体要求)
 * from reading as a heading. Not offered in a table row, where anything added becomes a cell.
 */
function disableForLine(result: LintResult, finding: Finding): LspTextEdit | undefined {
  const { document } = result;
  const line = finding.range.start.line;
  const block = document.blocks.find((b) => b.span.start <= finding.span.start && finding.span.start < b.span.end);
  if (block?.kind === 'table-row') return undefined;
  if (block?.kind === 'heading') {
    const at = document.lines.lineStarts[line]!;
    const eol = lineEnding(document);
    return {
      range: toRange(document.lines.rangeOf({ start: at, end: at })),
      newText: `<!-- ${DIRECTIVE_PREFIX}disable-next-line ${finding.ruleId} -->${eol}`,
    };
  }
  const end = document.lines.lineEnd(line);
  return {
    range: toRange(document.lines.rangeOf({ start: end, end })),
    newText: ` <!-- ${DIRECTIVE_PREFIX}disable-line ${finding.ruleId} -->`,
  };
}

/**
 * Adds the rule to the draft's first `disable-file` directive when there is one (inserting its id
 * before the closing `-->`), or else a new directive line at the top, after any front matter.
 */
function disableForFile(result: LintResult, ruleId: string): LspTextEdit {
  const { document } = result;
  const existing = readDirectives(document).find((d) => d.kind === 'disable-file' && d.rules.length > 0);
  if (existing) {
    const close = document.source.lastIndexOf('-->', existing.span.end);
    const at = close > existing.span.start ? close : existing.span.end;
    const before = document.source[at - 1] === ' ' ? '' : ' ';
    return { range: toRange(document.lines.rangeOf({ start: at, end: at })), newText: `${before}${ruleId} ` };
  }
  const eol = lineEnding(document);
  const at = document.frontMatter?.end ?? 0;
  const lead = document.frontMatter && document.source[at - 1] !== '\n' ? eol : '';
  return {
    range: toRange(document.lines.rangeOf({ start: at, end: at })),
    newText: `${lead}<!-- ${DIRECTIVE_PREFIX}disable-file ${ruleId} -->${eol}`,
  };
}

/**
 * Every drafting fix at once (terminology replacements and the like), skipping any that would
 * overlap one already taken. Fixes that insert placeholders (template sections, a measure's
 * missing fields) are left to the quick fixes one by one: they are for the drafter to write, and
 * a fix-all can run on every save.
 */
function fixAll(result: LintResult, uri: string): CodeAction | undefined {
  const taken: Span[] = [];
  const edits: LspTextEdit[] = [];
  for (const finding of result.findings) {
    if (finding.kind !== 'drafting' || !finding.fix || finding.fix.placeholders) continue;
    const spans = finding.fix.edits.map((e) => e.span);
    if (spans.some((s) => taken.some((t) => s.start < t.end && t.start < s.end))) continue;
    taken.push(...spans);
    edits.push(...finding.fix.edits.map(toTextEdit));
  }
  if (edits.length === 0) return undefined;
  return {
    title: say(result.messageLanguage, 'Fix all auto-fixable drafting problems', '修复所有可自动修复的起草问题'),
    kind: FIX_ALL_KIND,
    edit: { changes: { [uri]: edits } },
  };
}

function sameRange(a: LspRange, b: Range): boolean {
  return (
    a.start.line === b.start.line &&
    a.start.character === b.start.character &&
    a.end.line === b.end.line &&
    a.end.character === b.end.character
  );
}
