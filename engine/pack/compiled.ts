import type { Localized, RuleKind, Severity } from '../types';
import type { PairIndex } from './pairIndex';
import type { PaperCitation, PassageRole, SectionKind } from './schema';

/** The two lexicon languages. */
export type Lang = 'en' | 'zh';

/** Tests a per-language pattern set against a text; a Chinese draft may still quote English. */
export function anyMatch(patterns: Partial<Record<Lang, RegExp>>, text: string): boolean {
  return matchesFromStart(patterns.en, text) || matchesFromStart(patterns.zh, text);
}

/** Whether a pattern matches a text, from its start whatever the pattern's flags. */
function matchesFromStart(re: RegExp | undefined, text: string): boolean {
  if (!re) return false;
  re.lastIndex = 0;
  return re.test(text);
}

/**
 * One lexicon pattern, ready to be tried where a match can start (`sticky`, where one of its
 * `prefixes` stands) or, when those are unknown, by a scan of the whole text (`scan`).
 */
export interface KeyedPattern {
  sticky: RegExp;
  /** See `patternPrefixes`; absent when they cannot be known, and then `scan` is set. */
  prefixes?: string[];
  /**
   * English: the key numbers (`wordKeyNumber`) the word after a match's first word can have (see
   * `patternFollowers`); absent when any word may follow, or none.
   */
  followers?: Set<number>;
  /**
   * Set when the prefixes are the pattern's whole matches (see `patternKeying`): where one stands
   * (in English, as a whole word), it is the match, and no expression is run.
   */
  literal?: true;
  /**
   * Chinese: one of these characters must stand within `within` characters of a match's start
   * (see `patternGap`); absent when the pattern has no such shape.
   */
  gap?: { within: number; chars: Uint16Array };
  scan?: RegExp;
}

/** Patterns that must all occur in one sentence (and within `near` characters, when given). */
export interface CoOccurrence {
  /** The first pattern, whose matches are the candidates. */
  head: KeyedPattern;
  /** The others, looked for in the candidate's sentence (found in the same keyed walk). */
  others: KeyedPattern[];
  near?: number;
}

/** A facet's lexicon in one language, compiled when that language's key table is built. */
export interface CompiledLexicon {
  patterns: KeyedPattern[];
  all: CoOccurrence[];
}

/** A facet ready for matching. */
export interface CompiledFacet {
  id: string;
  title: Localized;
  template?: Localized;
  unless: Partial<Record<Lang, RegExp>>;
  /** The passage roles that cover the facet. */
  counts: ReadonlySet<PassageRole>;
  /** Who a passage must be about, as masks of the pack's actor lexicons (see `ActorRule`). */
  actors: { need: number; not: number; unlessAlso: number };
}

/** Cue lexicons and section headings that give passages their roles, compiled per language. */
export interface CompiledRoles {
  /** Every cue lexicon of a language in one expression (see `LexiconSet`). */
  cues: Partial<Record<Lang, LexiconSet>>;
  sections: Record<SectionKind, Partial<Record<Lang, RegExp>>>;
}

/** A coverage element ready for judging. */
export interface CompiledElement {
  id: string;
  group: string;
  title: Localized;
  k: number;
  severity: Severity;
  paper: PaperCitation;
  asks: Localized;
  template: Localized;
  headings: Partial<Record<Lang, RegExp>>;
  facets: CompiledFacet[];
}

/** A group of elements. */
export interface CompiledGroup {
  id: string;
  title: Localized;
  headings: Partial<Record<Lang, RegExp>>;
  paper?: PaperCitation;
}

/** Negation cues in one language. */
export interface CompiledNegation {
  before?: RegExp;
  after?: RegExp;
  window: number;
}

/** A part of a draft's structure and how its heading reads. */
export interface CompiledStructurePart {
  id: string;
  title: Localized;
  headings: Partial<Record<Lang, RegExp>>;
  template: Localized;
}

/** A preferred term. */
export interface CompiledTerm {
  find: RegExp;
  /** `find` without the global flag: replaces the term within one match. */
  findOne: RegExp;
  /**
   * The literal texts a match begins with (lower case in English), when they can be known: a
   * chunk holding none of them is not searched.
   */
  prefixes?: string[];
  language: Lang;
  replace: string;
  why: Localized;
}

/** The drafting rules' lexicons, each compiled once. */
export interface CompiledDrafting {
  measureHeadings: Partial<Record<Lang, RegExp>>;
  measureTitles: Partial<Record<Lang, RegExp>>;
  deliveryHeadings: Partial<Record<Lang, RegExp>>;
  objectiveHeadings: Partial<Record<Lang, RegExp>>;
  notMeasure: Partial<Record<Lang, RegExp>>;
  duty: Partial<Record<Lang, RegExp>>;
  regulated: Partial<Record<Lang, RegExp>>;
  owner: Partial<Record<Lang, RegExp>>;
  vagueOwner: Partial<Record<Lang, RegExp>>;
  timeframe: Partial<Record<Lang, RegExp>>;
  indicator: Partial<Record<Lang, RegExp>>;
  vague: Partial<Record<Lang, RegExp>>;
  concrete: Partial<Record<Lang, RegExp>>;
  terminology: CompiledTerm[];
  structure: CompiledStructurePart[];
  measureFields: Partial<Record<Lang, { owner: string; timeframe: string; indicator: string }>>;
  /** Each drafting rule's messages, by rule id and then by the name its check gives a message. */
  messages: Record<string, Record<string, Localized>>;
}

/** What every consumer (CLI `--list-rules`, SARIF, hovers, completions) needs to know of a rule. */
export interface RuleInfo {
  id: string;
  kind: RuleKind;
  severity: Severity;
  title: Localized;
  asks: Localized;
  paper?: PaperCitation;
  /** The group of a coverage element. */
  group?: string;
  /** The facets of a coverage element. */
  facets?: { id: string; title: Localized }[];
  /** The coverage threshold of a coverage element. */
  k?: number;
  /** A link to the rule's documentation, when the pack gives one. */
  docs?: string;
}

/** A loaded, validated and compiled rule pack (or several merged into one). */
export interface Pack {
  /** The ids of the packs merged into this one, built-in first. */
  ids: string[];
  title: Localized;
  groups: CompiledGroup[];
  elements: CompiledElement[];
  negation: Partial<Record<Lang, CompiledNegation>>;
  roles: CompiledRoles;
  /** The names of the actor lexicons, in the order of their bits in an actor mask. */
  actorNames: string[];
  /** Every actor lexicon of a language in one expression (see `LexiconSet`). */
  actors: Partial<Record<Lang, LexiconSet>>;
  /** The actors a text must mostly commit to act for, as a mask, and the share (see `PackSource.focus`). */
  focus: { actors: number; share: number; atLeast: number; rivals: number; rivalShare: number; corroborate: number };
  drafting: CompiledDrafting;
  /** Every rule, coverage elements first, in pack order. */
  rules: RuleInfo[];
  /**
   * Every facet pattern of the pack in one language (its lexicons and look-alikes), filed by the
   * key its matches start with; undefined when no facet has a lexicon in that language. Built on
   * first use and kept.
   */
  keyTable(lang: Lang): KeyTable | undefined;
}

/** A facet pattern as a candidate: which facet (in pack order: elements, then facets) it serves. */
export interface Candidate {
  /** The facet's index in pack order. */
  facet: number;
  pattern: KeyedPattern;
  /** Set when the pattern is the first of a co-occurrence. */
  co?: CoOccurrence;
  /** Set when the pattern is one of the facet's look-alikes (`exclude`), not a match of it. */
  exclude?: true;
  /** Set when the pattern is one of a co-occurrence's others: which one, by index in `others`. */
  part?: { co: CoOccurrence; index: number };
}

/**
 * The candidates filed under a key whose matches begin with one literal text there: the text is
 * compared once for all of them (many patterns begin with the same word).
 */
export interface KeyEntry {
  /** Lower-case for English. */
  prefix: string;
  candidates: Candidate[];
  /** The candidates that ask nothing of the next word (all but English two-word patterns). */
  free: Candidate[];
  /**
   * English two-word patterns by the key of a second word they allow (`followers`): where the
   * prefix stands, the next word's key picks the few that may match, instead of each being asked.
   */
  byFollower?: Map<number, Candidate[]>;
}

/**
 * The lexicon inverted: for each key (see `patternKeys`), the patterns whose matches start with
 * it. Matching walks a text once, word by word (English) or character by character (Chinese),
 * and tries only the patterns filed under what stands there.
 */
export interface KeyTable {
  /**
   * The slot of each key's candidates in `lists` (0: none): for English a key's number
   * (`wordKeyNumber`), for Chinese its character code. Typed arrays make the walk's lookups
   * cheap enough to do at every word or character.
   */
  slots: Int32Array;
  /** Chinese: the slot of each two-character key, by `first << 16 | second`. */
  pairs: PairIndex;
  /**
   * Chinese: prefixes of three characters or more, by a pair's slot and then their third
   * character, so the walk compares only those that can stand where a common pair (产业, 企业) does.
   */
  thirds: Map<number, Map<number, number>>;
  /** Chinese: every character some gap pattern looks for (see `KeyedPattern.gap`), to skip the rest at once. */
  gapChars: Uint8Array;
  /** Chinese: whether a character begins any two-character key, to skip most map lookups. */
  pairStarts: Uint8Array;
  lists: KeyEntry[][];
  /** Patterns whose keys are unknown: each scans the whole text. */
  unkeyed: Candidate[];
}

/** Numbers a lower-case key of up to three letters or digits, base 37 (0 means "no character"). */
export function wordKeyNumber(key: string): number {
  let n = 0;
  for (let i = 0; i < 3; i++) n = n * 37 + (i < key.length ? keyDigit(key.charCodeAt(i)) : 0);
  return n;
}

/** 1–10 for digits, 11–36 for letters (either case). */
export function keyDigit(c: number): number {
  if (c >= 48 && c <= 57) return c - 47;
  if (c >= 97 && c <= 122) return c - 86;
  if (c >= 65 && c <= 90) return c - 54;
  return 0;
}

/** The size of an English key table: every number `wordKeyNumber` gives. */
export const WORD_KEY_SPACE = 37 * 37 * 37;

/**
 * Several named lexicons of one language as one expression, so a text is read once for all of
 * them: each lexicon is a group named `l0`, `l1` … in the order of `names`. `lexiconsIn` reads
 * which of them a text holds. Undefined when none of the lexicons has a pattern.
 */
export interface LexiconSet {
  re: RegExp;
  names: string[];
}
