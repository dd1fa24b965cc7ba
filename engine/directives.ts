import type { DraftDocument } from './markdown/model';
import type { Span } from './types';

/** The directive keywords, after markdownlint's model, with this tool's prefix. */
export type DirectiveKind =
  'disable' | 'enable' | 'disable-line' | 'disable-next-line' | 'disable-file' | 'enable-file';

/** One inline directive: `<!-- cluster-policy-lint-disable-next-line measure-owner -->`. */
export interface Directive {
  kind: DirectiveKind;
  /** The rule ids it names; empty means every rule. */
  rules: string[];
  span: Span;
  /** The zero-based line the comment starts on. */
  line: number;
  /** The zero-based line the comment ends on. */
  endLine: number;
}

/** The prefix every directive starts with. */
export const DIRECTIVE_PREFIX = 'cluster-policy-lint-';
const DIRECTIVE =
  /^\s*cluster-policy-lint-(disable-next-line|disable-line|disable-file|enable-file|disable|enable)(?=\s|$)([\s\S]*)$/;

/** Reads the directives in a draft's HTML comments, in document order. */
export function readDirectives(doc: DraftDocument): Directive[] {
  const out: Directive[] = [];
  for (const comment of doc.comments) {
    const m = DIRECTIVE.exec(comment.body);
    if (!m) continue;
    out.push({
      kind: m[1] as DirectiveKind,
      rules: m[2]!.split(/[\s,]+/).filter(Boolean),
      span: comment.span,
      line: doc.lines.lineAt(comment.span.start),
      endLine: doc.lines.lineAt(comment.span.end),
    });
  }
  return out;
}

/**
 * Answers whether a rule is disabled at a line, replaying the directives in order. Built once per
 * lint; findings are few, so a replay per finding costs less than precomputing every line.
 */
export class DirectiveState {
  private readonly fileOff = new Set<string>();
  private allFileOff = false;

  constructor(private readonly directives: Directive[]) {
    for (const d of directives) {
      if (d.kind === 'disable-file') {
        if (d.rules.length === 0) this.allFileOff = true;
        for (const r of d.rules) this.fileOff.add(r);
      } else if (d.kind === 'enable-file') {
        if (d.rules.length === 0) {
          this.allFileOff = false;
          this.fileOff.clear();
        }
        for (const r of d.rules) this.fileOff.delete(r);
      }
    }
  }

  /** True when a rule is off for the whole file: `disable-file`, or a `disable` never re-enabled. */
  isOffForFile(rule: string): boolean {
    if (this.allFileOff || this.fileOff.has(rule)) return true;
    let off = false;
    for (const d of this.directives) {
      if (!names(d, rule)) continue;
      if (d.kind === 'disable') off = true;
      else if (d.kind === 'enable') off = false;
    }
    return off;
  }

  /** True when a finding of `rule` that starts on `line` is suppressed. */
  isDisabledAt(rule: string, line: number): boolean {
    if (this.allFileOff || this.fileOff.has(rule)) return true;
    let off = false;
    for (const d of this.directives) {
      if (!names(d, rule)) continue;
      if (d.kind === 'disable-line' && line >= d.line && line <= d.endLine) return true;
      if (d.kind === 'disable-next-line' && line === d.endLine + 1) return true;
      if (d.line > line) continue;
      if (d.kind === 'disable') off = true;
      else if (d.kind === 'enable') off = false;
    }
    return off;
  }
}

function names(d: Directive, rule: string): boolean {
  return d.rules.length === 0 || d.rules.includes(rule);
}
