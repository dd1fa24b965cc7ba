import {
  DiagnosticSeverity,
  type Diagnostic,
  type Range as LspRange,
  type TextEdit as LspTextEdit,
} from 'vscode-languageserver';
import type { ConfigProblem, Finding, Pack, Range, Severity, TextEdit } from '../engine';
import { DIAGNOSTIC_SOURCE, ruleDocsUrl } from '../common/protocol';

/*
 * The one place engine types become LSP types. The engine already counts positions as LSP does
 * (zero-based lines, UTF-16 characters), so ranges are copied, never recomputed.
 */

/** An engine range as an LSP range. */
export function toRange(range: Range): LspRange {
  return {
    start: { line: range.start.line, character: range.start.character },
    end: { line: range.end.line, character: range.end.character },
  };
}

/** An engine severity as an LSP severity. */
export function toSeverity(severity: Severity): DiagnosticSeverity {
  switch (severity) {
    case 'error':
      return DiagnosticSeverity.Error;
    case 'warning':
      return DiagnosticSeverity.Warning;
    case 'information':
      return DiagnosticSeverity.Information;
    case 'hint':
      return DiagnosticSeverity.Hint;
  }
}

/** An engine edit as an LSP edit. */
export function toTextEdit(edit: TextEdit): LspTextEdit {
  return { range: toRange(edit.range), newText: edit.newText };
}

/**
 * Where the rule documentation that ships with the tool is, as a URI: set once when the server
 * starts (the host's copy) and when the client names its own copy at initialisation.
 */
let bundledRuleDocs: string | undefined;

/** Sets the URI of the bundled `docs/rules.md` that links point to (undefined: no such file). */
export function setBundledRuleDocs(uri: string | undefined): void {
  bundledRuleDocs = uri;
}

/** The documentation link of a rule of this pack, if there is one. */
export function docsLink(pack: Pack, ruleId: string): string | undefined {
  return ruleDocsUrl(ruleId, pack.rules.find((r) => r.id === ruleId)?.docs, bundledRuleDocs);
}

/** A finding as a diagnostic: `code` is the rule id, and `codeDescription` links its page. */
export function toDiagnostic(finding: Finding, pack: Pack): Diagnostic {
  const diagnostic: Diagnostic = {
    range: toRange(finding.range),
    severity: toSeverity(finding.severity),
    code: finding.ruleId,
    source: DIAGNOSTIC_SOURCE,
    message: finding.message,
  };
  const href = docsLink(pack, finding.ruleId);
  if (href) diagnostic.codeDescription = { href };
  // Lets a code action request that carries the diagnostic back find its facet without re-matching;
  // a finding that stands for several rules names them all.
  if (finding.facet) diagnostic.data = { facet: finding.facet };
  if (finding.parts) diagnostic.data = { parts: finding.parts.map((p) => p.ruleId) };
  return diagnostic;
}

/** A problem with a pack or configuration file as a diagnostic on that file. */
export function problemToDiagnostic(problem: ConfigProblem): Diagnostic {
  return {
    range: problem.range
      ? toRange(problem.range)
      : { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: DiagnosticSeverity.Error,
    source: DIAGNOSTIC_SOURCE,
    message: problem.message,
  };
}

/** True when two ranges share a position (touching ends count, as a cursor on an edge does). */
export function rangesTouch(a: Range | LspRange, b: Range | LspRange): boolean {
  return !(before(a.end, b.start) || before(b.end, a.start));
}

function before(a: Range['start'], b: Range['start']): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}
