import type { Lang } from './compiled';

/**
 * The keys that can start a match of a lexicon pattern: for English, the first (up to three)
 * letters or digits of the word a match starts with, lower-cased; for Chinese, its first two
 * characters (or only the first, when the second cannot be known). The matcher looks a key up in a per-chunk index of words and tries the pattern only
 * where one stands, instead of scanning the whole text with every pattern.
 *
 * Returns undefined when the keys cannot be known from the pattern's source (it starts with `\w`,
 * `.`, a range, a nested repetition …); such a pattern is matched by a scan of the whole text, as
 * before, so the answer is the same, only slower.
 */
export function patternKeys(pattern: string, lang: Lang): string[] | undefined {
  const prefixes = patternPrefixes(pattern, lang);
  return prefixes && [...new Set(prefixes.map((p) => p.slice(0, lang === 'en' ? KEY_LENGTH : 2)))];
}

/**
 * The literal texts a match of the pattern can begin with, up to eight characters (English: up to
 * the end of the first word, lower-cased). The matcher compares them before it runs the pattern:
 * a comparison of a few characters costs far less than a regular expression. Undefined when they
 * cannot be known (see `patternKeys`).
 */
export function patternPrefixes(pattern: string, lang: Lang): string[] | undefined {
  const nodes = parsePattern(pattern);
  return nodes && prefixesOf(nodes, lang)?.prefixes;
}

/**
 * Both of what the key table needs of a pattern, from one parse: its prefixes (`patternPrefixes`)
 * and, for English, the keys of its second word (`patternFollowers`).
 */
export function patternKeying(
  pattern: string,
  lang: Lang,
): { prefixes?: string[]; followers?: string[]; literal?: true; gap?: PatternGap } {
  const nodes = parsePattern(pattern);
  if (!nodes) return {};
  const found = prefixesOf(nodes, lang);
  if (!found) return {};
  if (found.literal) return { prefixes: found.prefixes, literal: true };
  if (lang === 'zh') {
    const gap = gapOf(nodes);
    return gap ? { prefixes: found.prefixes, gap } : { prefixes: found.prefixes };
  }
  const followers = followersOf(nodes);
  return followers ? { prefixes: found.prefixes, followers } : { prefixes: found.prefixes };
}

/**
 * A Chinese pattern of the shape 'words, a short gap of any characters, words' (企业[^。;,]{0,6}
 * (合作|协作)…): one of `chars` must stand within `within` characters of where a match begins.
 * The matcher looks for one before it runs the pattern where a common word such as 企业 stands.
 */
export interface PatternGap {
  within: number;
  chars: string;
}

/** The gap of a pattern of the shape `PatternGap` describes, or undefined. */
export function patternGap(pattern: string): PatternGap | undefined {
  const nodes = parsePattern(pattern);
  return nodes && gapOf(nodes);
}

function gapOf(nodes: Node[]): PatternGap | undefined {
  let i = 0;
  let lead = 0;
  // The leading words: single characters and groups of literal alternatives.
  for (; i < nodes.length; i++) {
    const node = nodes[i]!;
    if (node.kind === 'zero') continue;
    if (node.q.max !== 1) break;
    if (node.kind === 'char') lead++;
    else if (
      node.kind === 'group' &&
      node.alts.every((alt) => alt.every((n) => n.kind === 'char' && n.q.min === 1 && n.q.max === 1))
    ) {
      lead += Math.max(...node.alts.map((alt) => alt.length));
    } else break;
  }
  const gap = nodes[i];
  if (
    !lead ||
    !gap ||
    (gap.kind !== 'class' && gap.kind !== 'unknown') ||
    !Number.isFinite(gap.q.max) ||
    gap.q.min !== 0
  )
    return undefined;
  const after = nodes[i + 1];
  const first = after ? firstChars(after) : undefined;
  return first ? { within: lead + gap.q.max, chars: first.join('') } : undefined;
}

/** The characters a node's match must begin with, when it must match at least one. */
function firstChars(node: Node): string[] | undefined {
  if (node.kind === 'zero' || node.q.min < 1) return undefined;
  if (node.kind === 'char') return [node.ch];
  if (node.kind === 'class') return node.chars;
  if (node.kind !== 'group') return undefined;
  const chars: string[] = [];
  for (const alt of node.alts) {
    const head = alt[0];
    const first = head ? firstChars(head) : undefined;
    if (!first) return undefined;
    chars.push(...first);
  }
  return chars;
}

/** A pattern as nodes, or undefined when its syntax is beyond what the key walk understands. */
function parsePattern(pattern: string): Node[] | undefined {
  try {
    const alts = parseAlternatives(pattern, { i: 0 }, false);
    return alts.length === 1 ? alts[0]! : [{ kind: 'group', alts, q: ONE }];
  } catch {
    return undefined;
  }
}

/**
 * The prefixes of a pattern, and whether they are its whole matches (`literal`): every match is
 * one of them, and where one stands the pattern matches exactly it. Then the matcher needs no
 * regular expression at all. English literals are single words, so a match is the whole word at
 * a place, which makes the one that matches there unique; Chinese literals must not begin one
 * another, since without word edges '企业' and '企业家' would both stand at one place.
 */
function prefixesOf(nodes: Node[], lang: Lang): { prefixes: string[]; literal: boolean } | undefined {
  // Long prefixes spare the most runs, but a product of alternatives ('(检测|检验|…)(中心|机构|…)')
  // can give too many of them: then prefixes as short as the key still spare the whole-text scan.
  let prefixes = new Set<string>();
  const rest = list(nodes, null);
  let complete = false;
  // English prefixes end with the first word anyway; whole words let single-word patterns be
  // literals.
  for (const longest of lang === 'en' ? [WORD_MAX, PREFIX_MAX, KEY_LENGTH] : [PREFIX_MAX, 2]) {
    prefixes = new Set<string>();
    const budget = { steps: 0, longest, complete: true };
    const ok = walk(rest, '', lang, prefixes, budget);
    complete = budget.complete;
    if (ok && prefixes.size > 0 && prefixes.size <= maxKeys(lang)) break;
    prefixes.clear();
  }
  if (prefixes.size === 0) return undefined;
  const all = [...prefixes];
  if (complete && (lang === 'en' || !all.some((p) => all.some((q) => q !== p && q.startsWith(p)))))
    return { prefixes: all, literal: true };
  // A prefix that another one begins with adds nothing where both are tried at the same places:
  // the shorter one already admits the match. In English a short prefix is a whole word ("co" of
  // "co-operative"), filed under another key than "collabor", so both stay.
  const keyOf = (p: string): string => (lang === 'en' ? p.slice(0, KEY_LENGTH) : p.slice(0, 1));
  const sorted = [...prefixes].sort((a, b) => a.length - b.length);
  return {
    prefixes: sorted.filter(
      (p, i) => !sorted.slice(0, i).some((q) => p.startsWith(q) && (lang === 'zh' || keyOf(q) === keyOf(p))),
    ),
    literal: false,
  };
}

/**
 * How many prefixes a pattern may have. A Chinese prefix is compared among the few filed under
 * its two characters, which costs far less than running the pattern where a common pair such as
 * 产业 stands, so a product of alternatives ('(产业|集群|…)(形象|名片|…)') may spell out many.
 */
function maxKeys(lang: Lang): number {
  return lang === 'en' ? 40 : 160;
}
const KEY_LENGTH = 3;
const PREFIX_MAX = 8;
const WORD_MAX = 24;

type Quantity = { min: number; max: number };
type Node =
  | { kind: 'char'; ch: string; q: Quantity }
  | { kind: 'class'; chars: string[] | undefined; q: Quantity }
  | { kind: 'group'; alts: Node[][]; q: Quantity }
  | { kind: 'zero' } // anchors and lookarounds: they match no character
  | { kind: 'unknown'; q: Quantity };

class Unsupported extends Error {}

/**
 * What is left of a pattern during a walk, as a linked list: the nodes of a group's alternative
 * are put in front of one shared rest, so the walk neither copies arrays nor, in `follow`, walks
 * the same rest twice.
 */
type Rest = { node: Node; next: Rest } | null;

function list(nodes: readonly Node[], tail: Rest): Rest {
  let rest = tail;
  for (let i = nodes.length - 1; i >= 0; i--) rest = { node: nodes[i]!, next: rest };
  return rest;
}

const ANY: Node = { kind: 'unknown', q: { min: 0, max: Infinity } };

/** Parses alternatives up to the end, or up to the `)` closing the group we are in. */
function parseAlternatives(src: string, at: { i: number }, inGroup: boolean): Node[][] {
  const alts: Node[][] = [[]];
  while (at.i < src.length) {
    const ch = src[at.i]!;
    if (ch === ')') {
      if (!inGroup) throw new Unsupported();
      break;
    }
    if (ch === '|') {
      at.i++;
      alts.push([]);
      continue;
    }
    let node: Node;
    if (ch === '(') {
      at.i++;
      if (
        src.startsWith('?=', at.i) ||
        src.startsWith('?!', at.i) ||
        src.startsWith('?<=', at.i) ||
        src.startsWith('?<!', at.i)
      ) {
        // A lookaround consumes nothing: skip it whole.
        at.i += src[at.i + 1] === '<' ? 3 : 2;
        parseAlternatives(src, at, true);
        at.i++;
        alts[alts.length - 1]!.push({ kind: 'zero' });
        continue;
      }
      if (src.startsWith('?:', at.i)) at.i += 2;
      else if (src[at.i] === '?') throw new Unsupported();
      const alternatives = parseAlternatives(src, at, true);
      at.i++; // the closing parenthesis
      node = { kind: 'group', alts: alternatives, q: ONE };
    } else if (ch === '[') {
      node = { kind: 'class', chars: readClass(src, at), q: ONE };
    } else if (ch === '\\') {
      const next = src[at.i + 1] ?? '';
      at.i += 2;
      if (next === 'b' || next === 'B') {
        alts[alts.length - 1]!.push({ kind: 'zero' });
        continue;
      }
      if (next === 'd') node = { kind: 'class', chars: [...'0123456789'], q: ONE };
      else if (next === 's') node = { kind: 'class', chars: [' ', '\t', '\n'], q: ONE };
      else if (/[wWSDpPu0-9xck]/.test(next)) node = { kind: 'unknown', q: ONE };
      else node = { kind: 'char', ch: next, q: ONE };
    } else if (ch === '.') {
      at.i++;
      node = { kind: 'unknown', q: ONE };
    } else if (ch === '^' || ch === '$') {
      at.i++;
      alts[alts.length - 1]!.push({ kind: 'zero' });
      continue;
    } else {
      at.i++;
      node = { kind: 'char', ch, q: ONE };
    }
    node.q = readQuantifier(src, at);
    alts[alts.length - 1]!.push(node);
  }
  return alts;
}

const ONE: Quantity = { min: 1, max: 1 };

function readQuantifier(src: string, at: { i: number }): Quantity {
  const ch = src[at.i];
  let q: Quantity;
  if (ch === '?') q = { min: 0, max: 1 };
  else if (ch === '*') q = { min: 0, max: Infinity };
  else if (ch === '+') q = { min: 1, max: Infinity };
  else if (ch === '{') {
    const m = /^\{(\d+)(?:(,)(\d*))?\}/.exec(src.slice(at.i));
    if (!m) return ONE;
    at.i += m[0].length;
    const min = Number(m[1]);
    const max = m[2] ? (m[3] ? Number(m[3]) : Infinity) : min;
    return lazy(src, at, { min, max });
  } else return ONE;
  at.i++;
  return lazy(src, at, q);
}

function lazy(src: string, at: { i: number }, q: Quantity): Quantity {
  if (src[at.i] === '?') at.i++;
  return q;
}

function readClass(src: string, at: { i: number }): string[] | undefined {
  at.i++;
  let negated = false;
  if (src[at.i] === '^') {
    negated = true;
    at.i++;
  }
  const chars: string[] = [];
  let known = !negated;
  while (at.i < src.length && src[at.i] !== ']') {
    let ch = src[at.i]!;
    if (ch === '\\') {
      ch = src[at.i + 1] ?? '';
      at.i += 2;
      if (/[wWsSdDpPu]/.test(ch)) known = false;
      else chars.push(ch);
      continue;
    }
    if (src[at.i + 1] === '-' && src[at.i + 2] !== undefined && src[at.i + 2] !== ']') {
      known = false; // a range: too many characters to enumerate
      at.i += 3;
      continue;
    }
    chars.push(ch);
    at.i++;
  }
  at.i++;
  return known && chars.length <= 12 ? chars : undefined;
}

function isWordChar(ch: string): boolean {
  const c = ch.length === 1 ? ch.charCodeAt(0) : -1;
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/**
 * Walks the possible starts of a match, adding each key to `keys`. Returns false when a start
 * cannot be known (the caller then scans the whole text).
 */
/** A prefix walk's limits, and whether every prefix it found is a whole match so far. */
interface PrefixWalk {
  steps: number;
  longest: number;
  complete: boolean;
}

function walk(rest: Rest, prefix: string, lang: Lang, keys: Set<string>, budget: PrefixWalk): boolean {
  if (++budget.steps > 4000 || keys.size > maxKeys(lang)) return false;
  if (prefix.length >= budget.longest && rest) {
    budget.complete = false;
    keys.add(prefix);
    return true;
  }
  if (!rest) {
    // The pattern ends: in English the word ends with it (the matcher requires a word edge).
    if (!prefix) return false;
    keys.add(prefix);
    return true;
  }
  const { node, next: tail } = rest;
  if (node.kind === 'zero') {
    // An anchor or look-around: the text before or after a prefix matters too.
    budget.complete = false;
    return walk(tail, prefix, lang, keys, budget);
  }
  if (node.q.min === 0 && !walk(tail, prefix, lang, keys, budget)) return false;
  if (node.q.max === 0) return true;
  // After one repetition of a repeated node, what follows could be another: only safe once the
  // key is complete, which the recursion checks before it needs the next node.
  const after: Rest = node.q.max > 1 ? { node: ANY, next: tail } : tail;
  if (node.kind === 'unknown' || (node.kind === 'class' && !node.chars)) budget.complete = false;
  switch (node.kind) {
    case 'unknown':
      // What follows is unknown: the characters known so far still say where to try, once they
      // make a key (Chinese has no words, so one character does).
      if (prefix.length >= (lang === 'en' ? KEY_LENGTH : 1)) {
        keys.add(prefix);
        return true;
      }
      return false;
    case 'char':
      return step(node.ch, after, prefix, lang, keys, budget);
    case 'class':
      if (!node.chars) {
        if (prefix.length >= (lang === 'en' ? KEY_LENGTH : 1)) {
          keys.add(prefix);
          return true;
        }
        return false;
      }
      return node.chars.every((ch) => step(ch, after, prefix, lang, keys, budget));
    case 'group':
      return node.alts.every((alt) => walk(list(alt, after), prefix, lang, keys, budget));
  }
}

function step(ch: string, rest: Rest, prefix: string, lang: Lang, keys: Set<string>, budget: PrefixWalk): boolean {
  if (lang === 'zh') return walk(rest, prefix + ch, lang, keys, budget);
  if (!isWordChar(ch)) {
    // The word the match starts with ends here (and the match goes on).
    if (!prefix) return false;
    budget.complete = false;
    keys.add(prefix);
    return true;
  }
  return walk(rest, prefix + ch.toLowerCase(), lang, keys, budget);
}

/**
 * The keys (first up to three letters or digits, lower-cased) of the second word of an English
 * match: the word after the one the match begins with, past whatever non-word characters stand
 * between them. The matcher compares the key of the word that follows in the text before it runs
 * the pattern, which spares most runs of two-word patterns whose first word is common ("business
 * network", "cluster brand").
 *
 * Undefined when some match may be a single word, or its second word cannot be known (`\w*`,
 * a range, a repeated group …): the pattern is then tried on its first word alone.
 */
export function patternFollowers(pattern: string): string[] | undefined {
  const nodes = parsePattern(pattern);
  return nodes && followersOf(nodes);
}

function followersOf(nodes: Node[]): string[] | undefined {
  const keys = new Set<string>();
  const walk: FollowWalk = { steps: 0, keys, doneFromGap: new Set(), doneFromFirst: new Set() };
  const ok = follow(list(nodes, null), 'first', false, '', walk);
  return ok && keys.size > 0 && keys.size <= MAX_FOLLOWERS ? [...keys] : undefined;
}

const MAX_FOLLOWERS = 60;

/** Where `follow` stands: in the first word, between the words, or in the second word. */
type Phase = 'first' | 'gap' | 'second';

interface FollowWalk {
  steps: number;
  keys: Set<string>;
  /** The rests already walked from the gap. */
  doneFromGap: Set<Rest>;
  /** The rests already walked from within the first word, once it has a character. */
  doneFromFirst: Set<Rest>;
}

/**
 * Walks every way a match can go until its second word's key is known. `seen` says whether the
 * first word has a character yet; `key` holds the second word's characters so far.
 */
function follow(rest: Rest, phase: Phase, seen: boolean, key: string, walk: FollowWalk): boolean {
  if (++walk.steps > 5000 || walk.keys.size > MAX_FOLLOWERS) return false;
  if (phase === 'second' && key.length === KEY_LENGTH) {
    walk.keys.add(key);
    return true;
  }
  if (!rest) {
    // A match that ends within its first word has no second word to check.
    if (phase !== 'second') return false;
    walk.keys.add(key);
    return true;
  }
  // From the gap, and from the first word once it has a character, what a rest adds depends on
  // nothing else: a second visit adds nothing. (Any failure ends the whole walk, so a rest seen
  // before succeeded.)
  const done = phase === 'gap' ? walk.doneFromGap : phase === 'first' && seen ? walk.doneFromFirst : undefined;
  if (done) {
    if (done.has(rest)) return true;
    done.add(rest);
  }
  const { node, next: tail } = rest;
  if (node.kind === 'zero') return follow(tail, phase, seen, key, walk);
  if (node.q.min === 0 && !follow(tail, phase, seen, key, walk)) return false;
  if (node.q.max === 0) return true;
  const chars = node.kind === 'char' ? [node.ch] : node.kind === 'class' ? node.chars : undefined;
  if (node.kind === 'group') {
    if (node.q.max > 1) return false;
    return node.alts.every((alt) => follow(list(alt, tail), phase, seen, key, walk));
  }
  if (!chars) return false;
  if (node.q.max > 1) {
    // A repeated character keeps the walk where it is, if all its characters are of one kind:
    // letters repeat within the first word, separators within the gap.
    const word = chars.every(isWordChar);
    const gap = chars.every((c) => !isWordChar(c));
    if (word && phase === 'first') return follow(tail, 'first', true, key, walk);
    if (gap && seen && phase !== 'second') return follow(tail, 'gap', seen, key, walk);
    return false;
  }
  return chars.every((ch) => {
    const word = isWordChar(ch);
    if (phase === 'first') {
      if (word) return follow(tail, 'first', true, key, walk);
      return seen && follow(tail, 'gap', seen, key, walk);
    }
    if (phase === 'gap')
      return word ? follow(tail, 'second', seen, ch.toLowerCase(), walk) : follow(tail, 'gap', seen, key, walk);
    if (word) return follow(tail, 'second', seen, key + ch.toLowerCase(), walk);
    walk.keys.add(key);
    return true;
  });
}
