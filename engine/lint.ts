import { analyzeChunk, chunkMemo, chunkProse, detached, LintCache, type PlacedAnalysis } from './cache';
import { coverageFindings } from './coverage/findings';
import { judgeCoverage, passageText } from './coverage/judge';
import { facetsOf } from './coverage/match';
import { RoleReader } from './coverage/roles';
import { Sentences } from './coverage/sentences';
import { DirectiveState, readDirectives } from './directives';
import { classifyLanguage } from './language';
import { chunksOf } from './markdown/chunks';
import { assembleDocument } from './markdown/draft';
import type { DraftDocument } from './markdown/model';
import { withLineFeeds } from './text/lineIndex';
import { builtinPack } from './pack/builtin';
import type { Lang, Pack } from './pack/compiled';
import { DRAFTING_RULES } from './rules';
import { ScannedMarks } from './rules/scan';
import type { RuleContext, RuleOptions } from './rules/rule';
import type {
  ConfigProblem,
  CoverageReport,
  DraftLanguage,
  Finding,
  MessageLanguage,
  RuleLevel,
  Severity,
  Span,
} from './types';

/** A rule's setting: a level, or options with a level. */
export type RuleSetting = RuleLevel | RuleOptions;

/** What a caller may choose for one lint. Every field is optional. */
export interface LintOptions {
  /** The rule pack; the built-in `sme-cluster` pack when absent (see `combinePacks`). */
  pack?: Pack;
  /** Per-rule severity or options, by rule id. */
  rules?: Record<string, RuleSetting>;
  /** The language of messages and inserted templates; `auto` follows the draft. */
  messageLanguage?: 'auto' | MessageLanguage;
  /** Evidence passages kept per facet (default 10); coverage is judged on all of them. */
  maxEvidence?: number;
  /**
   * A cache kept between lints of the same draft (an editor's open document): only the chunks an
   * edit changed are parsed and matched again. The result is the same with or without it.
   */
  cache?: LintCache;
}

/** Everything one lint finds: plain data, the same for the CLI, the server and the tests. */
export interface LintResult {
  language: DraftLanguage;
  messageLanguage: MessageLanguage;
  coverage: CoverageReport;
  /** Findings in document order. */
  findings: Finding[];
  /** Problems with the options themselves, such as an unknown rule id. */
  problems: ConfigProblem[];
  /** The parsed draft, for shells that need sections or ranges (hovers, code lenses, reports). */
  document: DraftDocument;
  pack: Pack;
}

/**
 * Lints one Markdown draft. Total and deterministic: any string gives a result, the same string
 * and options give the same result, and nothing outside the arguments is read.
 */
export function lint(text: string, options: LintOptions = {}): LintResult {
  const pack = options.pack ?? builtinPack();
  const problems: ConfigProblem[] = [];
  const source = withLineFeeds(typeof text === 'string' ? text : String(text));
  const maxEvidence = Math.max(0, options.maxEvidence ?? 10);
  const { doc, chunks, sentences, sentenceBases, hits, cues, actors, scripts } = analyzeDraft(
    source,
    pack,
    options.cache,
  );
  const measure = classifyLanguage(scripts.han, scripts.latinWords);
  const lang: MessageLanguage =
    options.messageLanguage && options.messageLanguage !== 'auto'
      ? options.messageLanguage
      : measure.language === 'mixed'
        ? measure.han / 2 > measure.latinWords
          ? 'zh'
          : 'en'
        : measure.language;

  const known = new Set(pack.rules.map((r) => r.id));
  const settings = new Map<string, RuleOptions>();
  for (const [id, setting] of Object.entries(options.rules ?? {})) {
    if (!known.has(id)) {
      problems.push({
        source: '<options>',
        ruleId: id,
        message: `Unknown rule "${id}"; the rules are: ${[...known].join(', ')}.`,
      });
      continue;
    }
    settings.set(id, typeof setting === 'string' ? { severity: setting } : setting);
  }
  const directives = new DirectiveState(readDirectives(doc));
  const severityOf = (id: string, fallback: Severity): Severity | 'off' => settings.get(id)?.severity ?? fallback;

  const off = new Set<string>();
  const k = new Map<string, number>();
  for (const element of pack.elements) {
    const setting = settings.get(element.id);
    if (setting?.severity === 'off' || directives.isOffForFile(element.id)) off.add(element.id);
    if (setting?.k !== undefined) {
      if (Number.isInteger(setting.k) && setting.k >= 1 && setting.k <= element.facets.length)
        k.set(element.id, setting.k);
      else
        problems.push({
          source: '<options>',
          ruleId: element.id,
          message: `"k" for ${element.id} must be a whole number from 1 to ${element.facets.length}.`,
        });
    }
  }

  const passage = (index: number): string => passageOf(chunks, sentenceBases, source, index);
  const roles = new RoleReader(doc, sentences, cues, actors, pack);
  const coverage = judgeCoverage(doc, sentences, pack, hits, { off, k, maxEvidence, passage, roles });
  const findings = coverageFindings(doc, pack, coverage, lang, severityOf);

  const present = new Set<Lang>();
  if (scripts.latinWords > 0) present.add('en');
  if (scripts.han > 0) present.add('zh');
  const severities = new Map(pack.rules.map((r) => [r.id, r.severity]));
  for (const rule of DRAFTING_RULES) {
    const isOn = (id: string): boolean => (settings.get(id)?.severity ?? severities.get(id)) !== 'off';
    if (!rule.ids.some((spec) => isOn(spec.id))) continue;
    const ctx: RuleContext = {
      doc,
      pack,
      coverage,
      lang,
      scripts: present,
      isOn,
      options: (id) => settings.get(id) ?? {},
      report({ ruleId, span, message, fix, parts }) {
        const severityOf = (id: string): Severity | 'off' =>
          settings.get(id)?.severity ?? severities.get(id) ?? 'warning';
        const reported = (parts ?? [ruleId])
          .map((id) => ({ ruleId: id, severity: severityOf(id) }))
          .filter((p): p is { ruleId: string; severity: Severity } => p.severity !== 'off');
        if (reported.length === 0) return;
        const severity = reported.reduce(
          (a, p) => (SEVERITY_RANK[p.severity] > SEVERITY_RANK[a] ? p.severity : a),
          reported[0]!.severity,
        );
        const finding: Finding = {
          ruleId: reported[0]!.ruleId,
          kind: 'drafting',
          severity,
          message,
          span,
          range: doc.lines.rangeOf(span),
        };
        if (fix) finding.fix = fix;
        if (parts) finding.parts = reported;
        findings.push(finding);
      },
    };
    try {
      rule.check(ctx, new ScannedMarks(rule, chunks, source, pack));
    } catch (error) {
      // A rule's bug must not cost the drafter the other rules' findings.
      problems.push({
        source: '<engine>',
        message: `The rule ${rule.ids[0]!.id} failed on this draft and was skipped: ${(error as Error).message}`,
      });
    }
  }

  options.cache?.settle();
  const kept: Finding[] = [];
  for (const f of findings) if (!directives.isDisabledAt(f.ruleId, f.range.start.line)) kept.push(f);
  kept.sort(byPlace);
  return { language: measure.language, messageLanguage: lang, coverage, findings: kept, problems, document: doc, pack };
}

/** Severities from the least to the most serious. */
const SEVERITY_RANK: Record<Severity, number> = { hint: 0, information: 1, warning: 2, error: 3 };

/** Findings in document order. */
function byPlace(a: Finding, b: Finding): number {
  return a.span.start - b.span.start || a.span.end - b.span.end || a.ruleId.localeCompare(b.ruleId);
}

/**
 * The evidence text of sentence `index` (numbered across the draft), kept with its chunk: an edit
 * re-reads only the edited chunk's.
 */
function passageOf(chunks: PlacedAnalysis[], sentenceBases: Int32Array, source: string, index: number): string {
  let c = 0;
  for (let lo = 0, hi = chunks.length - 1; lo <= hi;) {
    const mid = (lo + hi) >> 1;
    if (sentenceBases[mid]! <= index) {
      c = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  const { analysis, offset } = chunks[c]!;
  const local = index - sentenceBases[c]!;
  const texts = chunkMemo(analysis, 'evidence', () => new Map<number, string>());
  let text = texts.get(local);
  if (text === undefined)
    texts.set(local, (text = excerpt(chunkProse(analysis, source, offset), analysis.sentences.span(local))));
  return text;
}

/**
 * The most characters of a passage that evidence quotes. A draft with no full stop is one
 * sentence: quoting it whole, for each facet it covers, made a report many times the draft's size.
 */
export const MAX_EVIDENCE_TEXT = 300;

/** A passage's text as evidence, cut after `MAX_EVIDENCE_TEXT` characters (then ending in an ellipsis). */
function excerpt(prose: string, span: Span): string {
  // Collapsing white space only shortens a text, so a few times the limit is always enough.
  const head = { start: span.start, end: Math.min(span.end, span.start + 4 * MAX_EVIDENCE_TEXT) };
  const text = passageText(prose, head);
  if (text.length <= MAX_EVIDENCE_TEXT && head.end === span.end) return detached(text);
  let end = Math.min(text.length, MAX_EVIDENCE_TEXT - 1);
  // Not between the two halves of a character outside the BMP.
  if (end < text.length && /[\ud800-\udbff]/.test(text[end - 1] ?? '')) end--;
  return `${text.slice(0, end).trimEnd()}…`;
}

/**
 * Parses and matches a draft chunk by chunk (reusing cached chunks), then joins the chunks'
 * documents, sentences, facet hits and script counts into the draft's.
 */
function analyzeDraft(source: string, pack: Pack, cache: LintCache | undefined) {
  const chunks: PlacedAnalysis[] = cache
    ? cache.analyses(source, pack)
    : chunksOf(source).map(({ offset, text }) => ({ offset, analysis: analyzeChunk(text, offset === 0, pack) }));
  const doc = assembleDocument(
    source,
    chunks.map((c) => ({ offset: c.offset, model: c.analysis.model })),
  );
  let sentenceBase = 0;
  const sentenceParts = [];
  const sentenceBases = new Int32Array(chunks.length);
  const hits: number[][] = [];
  for (let f = facetsOf(pack).length; f > 0; f--) hits.push([]);
  const scripts = { han: 0, latinWords: 0 };
  let sentenceCount = 0;
  for (const { analysis } of chunks) sentenceCount += analysis.sentences.count;
  const cues = new Uint16Array(sentenceCount);
  const actors = new Uint32Array(sentenceCount);
  for (const [c, { offset, analysis }] of chunks.entries()) {
    sentenceBases[c] = sentenceBase;
    cues.set(analysis.cues, sentenceBase);
    actors.set(analysis.actors, sentenceBase);
    sentenceParts.push({ offset, sentences: analysis.sentences });
    const pairs = analysis.hits;
    for (let i = 0; i < pairs.length; i += 2) hits[pairs[i]!]!.push(pairs[i + 1]! + sentenceBase);
    scripts.han += analysis.scripts.han;
    scripts.latinWords += analysis.scripts.latinWords;
    sentenceBase += analysis.sentences.count;
  }
  return { doc, chunks, sentences: Sentences.join(sentenceParts), sentenceBases, hits, cues, actors, scripts };
}
