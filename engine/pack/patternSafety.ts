import type { Lang } from './compiled';
import { patternSource } from './patterns';

/**
 * Whether a pattern from a workspace (a pack's lexicon, a configuration's `headings`, an editor
 * setting) can make the engine's regular expressions backtrack out of proportion to the text, and
 * why. The engine runs patterns with the native RegExp, which backtracks: a repository that could
 * write `(a|a)*b` could stop every lint of its drafts. So a pattern is refused, at load time, when
 * it has a construct whose matching time can grow exponentially or with a power of the text:
 *
 * - a back-reference (`\1`, `\k<name>`);
 * - a repeated part that can match nothing, or that itself repeats or is optional (`(a+)+`,
 *   `(.*a){12}`), or whose alternatives can begin with the same character (`(a|aa)+`, `(\w|\d)+`);
 * - two repetitions that can match the same text one after the other, with nothing between them
 *   that the first cannot match (`\w*\w*`, `.*a.*`), unless one of them, or both, take few counts;
 * - a repetition without a bound at the very start (`.*x`, `[^。]*x`), tried at every character;
 * - a repetition count above `MAX_COUNT`.
 *
 * What passes matches in time proportional to the text, times at most the length of the longest
 * run of characters an unbounded repetition accepts; the shells' time budget stops a lint that a
 * very long such run still makes too slow. Returns undefined for a safe pattern, or a sentence
 * saying what to change. A pattern the parser here cannot read is refused too.
 */
export function patternHazard(pattern: string, lang: Lang): string | undefined {
  // Most patterns are words and alternatives: with no repetition but `?` and no back-reference
  // there is nothing to check (an English space's gap is bounded; see `costly`).
  if (!REPEATS_OR_REFERS.test(pattern)) return undefined;
  let tree: Node;
  try {
    tree = new Parser(patternSource(pattern, lang), lang === 'en').parse();
  } catch (error) {
    if (error instanceof Refused) return error.message;
    return 'This pattern uses a regular-expression syntax the tool cannot check for safety; write it more simply.';
  }
  try {
    checkRepeats(tree);
    checkSequences(tree);
    // An English pattern is tried only where no letter or digit precedes (see `alternation`), so
    // a leading repetition of letters and digits starts once per word, not at each of its letters.
    checkStart(tree, lang === 'en' ? ALNUM : []);
  } catch (error) {
    if (error instanceof Refused) return error.message;
    throw error;
  }
  return undefined;
}

const REPEATS_OR_REFERS = /[*+{]|\\[1-9k]/;

/** The largest repetition count a workspace pattern may give (`{0,1000}`). */
export const MAX_COUNT = 1000;
// Two bounded repetitions that overlap are let pass while the ways to split a text between them
// (the product of their ranges) stay this few; an unbounded one and a bounded one while the
// bounded one's range is at most `MAX_BESIDE_UNBOUNDED`, so that a try costs a fixed multiple of
// the stretch the unbounded one reads.
const MAX_SPLITS = 2000;
const MAX_BESIDE_UNBOUNDED = 100;

/** Whether two overlapping repetitions with these ranges (counts they may take) cost too much. */
function costly(a: number, b: number): boolean {
  if (a === Infinity && b === Infinity) return true;
  if (a === Infinity || b === Infinity) return Math.min(a, b) > MAX_BESIDE_UNBOUNDED;
  return a * b > MAX_SPLITS;
}

const BACK_REFERENCE =
  'This pattern refers back to a group (`\\1` or `\\k<name>`), which can take exponential time on some texts; write the words out instead.';
const EMPTY_REPEAT =
  'This pattern repeats a part that can match nothing (such as `(a?)*`), which can take exponential time on some texts; make the repeated part match at least one character.';
const NESTED_REPEAT =
  'This pattern repeats a part that itself repeats or is optional (such as `(a+)+` or `(.*a){12}`), which can take exponential time on some texts; write it without the nested repetition.';
const OVERLAPPING_ALTERNATIVES =
  'This pattern repeats alternatives that can begin with the same character (such as `(a|aa)+` or `(\\w|\\d)+`), which can take exponential time on some texts; make each alternative begin differently, or repeat one character class instead.';
const ADJACENT_REPEATS =
  "This pattern has two repetitions that can match the same text one after the other (such as `\\w*\\w*` or `.*a.*`), which takes time growing with a power of the text's length; bound them (`{0,40}`) or put between them a character the first cannot match.";
const UNBOUNDED_START =
  'This pattern begins with a repetition without a bound (such as `.*` or `[^。]*`), which is tried at every character and reads to the end of the line each time; begin it with a word, or bound the repetition (`{0,40}`).';
const LARGE_COUNT = `This pattern repeats something more than ${MAX_COUNT} times; use a smaller count.`;

class Refused extends Error {}

/** A set of UTF-16 code units as sorted, disjoint, inclusive ranges. */
type CharSet = readonly (readonly [number, number])[];

type Node =
  | { kind: 'chars'; set: CharSet }
  | { kind: 'seq'; items: Node[] }
  | { kind: 'alt'; options: Node[] }
  | { kind: 'repeat'; body: Node; min: number; max: number }
  /** A lookaround: it matches no character, and once it holds the engine never backtracks into it. */
  | { kind: 'look'; body: Node }
  /** `^` (`start`), `$`, `\b`, `\B`: no character. */
  | { kind: 'edge'; start?: true };

const MAX_UNIT = 0xffff;
const ALL: CharSet = [[0, MAX_UNIT]];
const DIGITS: CharSet = [[48, 57]];
const ALNUM: CharSet = [
  [48, 57],
  [65, 90],
  [97, 122],
];
const WORD: CharSet = [
  [48, 57],
  [65, 90],
  [95, 95],
  [97, 122],
];
const SPACE: CharSet = union(
  [
    [9, 13],
    [32, 32],
    [0xa0, 0xa0],
    [0x1680, 0x1680],
    [0x2000, 0x200a],
    [0x2028, 0x2029],
    [0x202f, 0x202f],
    [0x205f, 0x205f],
    [0x3000, 0x3000],
    [0xfeff, 0xfeff],
  ],
  [],
);
const NOT_LINE_END: CharSet = complement([
  [10, 10],
  [13, 13],
  [0x2028, 0x2029],
]);

function union(a: CharSet, b: CharSet): CharSet {
  const all = [...a, ...b].sort((x, y) => x[0] - y[0]);
  const out: [number, number][] = [];
  for (const [lo, hi] of all) {
    const last = out[out.length - 1];
    if (last && lo <= last[1] + 1) last[1] = Math.max(last[1], hi);
    else out.push([lo, hi]);
  }
  return out;
}

function complement(set: CharSet): CharSet {
  const out: [number, number][] = [];
  let next = 0;
  for (const [lo, hi] of union(set, [])) {
    if (lo > next) out.push([next, lo - 1]);
    next = hi + 1;
  }
  if (next <= MAX_UNIT) out.push([next, MAX_UNIT]);
  return out;
}

function overlaps(a: CharSet, b: CharSet): boolean {
  for (const [alo, ahi] of a) for (const [blo, bhi] of b) if (alo <= bhi && blo <= ahi) return true;
  return false;
}

function within(a: CharSet, b: CharSet): boolean {
  return a.every(([lo, hi]) => b.some(([blo, bhi]) => blo <= lo && hi <= bhi));
}

/** With both cases of each ASCII letter, for case-insensitive patterns. */
function foldCase(set: CharSet): CharSet {
  // One character that is no letter (most of a pattern) is its own fold.
  if (set.length === 1 && set[0]![0] === set[0]![1]) {
    const c = set[0]![0];
    if (c < 65 || c > 122 || (c > 90 && c < 97)) return set;
    const other = c <= 90 ? c + 32 : c - 32;
    return c < other
      ? [
          [c, c],
          [other, other],
        ]
      : [
          [other, other],
          [c, c],
        ];
  }
  const extra: [number, number][] = [];
  for (const [lo, hi] of set) {
    for (const [from, to, shift] of [
      [65, 90, 32],
      [97, 122, -32],
    ] as const) {
      const a = Math.max(lo, from);
      const b = Math.min(hi, to);
      if (a <= b) extra.push([a + shift, b + shift]);
    }
  }
  return extra.length ? union(set, extra) : set;
}

/**
 * A reader of JavaScript regular-expression syntax, as far as safety needs it: characters and
 * classes as sets, groups, alternatives, repetitions and zero-width assertions.
 */
class Parser {
  private i = 0;

  constructor(
    private readonly src: string,
    private readonly ignoreCase: boolean,
  ) {}

  parse(): Node {
    const node = this.alternatives();
    if (this.i < this.src.length) throw new Error('unbalanced parenthesis');
    return node;
  }

  private alternatives(): Node {
    const options = [this.sequence()];
    while (this.src[this.i] === '|') {
      this.i++;
      options.push(this.sequence());
    }
    return options.length === 1 ? options[0]! : { kind: 'alt', options };
  }

  private sequence(): Node {
    const items: Node[] = [];
    while (this.i < this.src.length && this.src[this.i] !== '|' && this.src[this.i] !== ')') {
      const atom = this.atom();
      items.push(atom.kind === 'edge' || atom.kind === 'look' ? atom : this.quantified(atom));
    }
    return { kind: 'seq', items };
  }

  private atom(): Node {
    const { src } = this;
    const ch = src[this.i]!;
    if (ch === '(') {
      this.i++;
      let look = false;
      if (src.startsWith('?=', this.i) || src.startsWith('?!', this.i)) {
        this.i += 2;
        look = true;
      } else if (src.startsWith('?<=', this.i) || src.startsWith('?<!', this.i)) {
        this.i += 3;
        look = true;
      } else if (src.startsWith('?:', this.i)) this.i += 2;
      else if (src.startsWith('?<', this.i)) {
        const end = src.indexOf('>', this.i);
        if (end < 0) throw new Error('unclosed group name');
        this.i = end + 1;
      } else if (src[this.i] === '?') throw new Error('unknown group');
      const body = this.alternatives();
      if (src[this.i] !== ')') throw new Error('unclosed group');
      this.i++;
      return look ? { kind: 'look', body } : body;
    }
    if (ch === '^' || ch === '$') {
      this.i++;
      return ch === '^' ? { kind: 'edge', start: true } : { kind: 'edge' };
    }
    if (ch === '.') {
      this.i++;
      return { kind: 'chars', set: NOT_LINE_END };
    }
    if (ch === '[') return this.chars(this.charClass());
    if (ch === '\\') {
      const next = src[this.i + 1] ?? '';
      if (next === 'b' || next === 'B') {
        this.i += 2;
        return { kind: 'edge' };
      }
      if (/[1-9]/.test(next) || (next === 'k' && src[this.i + 2] === '<')) throw new Refused(BACK_REFERENCE);
      return this.chars(this.escape(false));
    }
    if (ch === '*' || ch === '+' || ch === '?' || ch === ')') throw new Error('nothing to repeat');
    this.i++;
    const code = ch.charCodeAt(0);
    return this.chars([[code, code]]);
  }

  private chars(set: CharSet): Node {
    return { kind: 'chars', set: this.ignoreCase ? foldCase(set) : set };
  }

  /** An escape after `\`, as a set; inside a class `\b` is a backspace. */
  private escape(inClass: boolean): CharSet {
    const { src } = this;
    const next = src[this.i + 1] ?? '';
    this.i += 2;
    switch (next) {
      case 'd':
        return DIGITS;
      case 'D':
        return complement(DIGITS);
      case 'w':
        return WORD;
      case 'W':
        return complement(WORD);
      case 's':
        return SPACE;
      case 'S':
        return complement(SPACE);
      case 'p':
      case 'P':
        // A Unicode property: taken as any character, which can only make the checks stricter.
        if (src[this.i] === '{') this.i = src.indexOf('}', this.i) + 1 || src.length;
        return ALL;
      case 't':
        return [[9, 9]];
      case 'n':
        return [[10, 10]];
      case 'v':
        return [[11, 11]];
      case 'f':
        return [[12, 12]];
      case 'r':
        return [[13, 13]];
      case '0':
        return [[0, 0]];
      case 'b':
        if (inClass) return [[8, 8]];
        break;
      case 'c': {
        const code = (src.charCodeAt(this.i) || 64) % 32;
        this.i++;
        return [[code, code]];
      }
      case 'x': {
        const code = parseInt(src.slice(this.i, this.i + 2), 16);
        this.i += 2;
        return Number.isNaN(code) ? ALL : [[code, code]];
      }
      case 'u': {
        if (src[this.i] === '{') {
          const end = src.indexOf('}', this.i);
          this.i = end < 0 ? src.length : end + 1;
          return ALL;
        }
        const code = parseInt(src.slice(this.i, this.i + 4), 16);
        this.i += 4;
        return Number.isNaN(code) ? ALL : [[code, code]];
      }
      case '':
        throw new Error('a pattern cannot end with a backslash');
    }
    const code = next.charCodeAt(0);
    return [[code, code]];
  }

  private charClass(): CharSet {
    const { src } = this;
    this.i++;
    const negated = src[this.i] === '^';
    if (negated) this.i++;
    let set: CharSet = [];
    while (this.i < src.length && src[this.i] !== ']') {
      const low = this.classAtom();
      if (src[this.i] === '-' && src[this.i + 1] !== undefined && src[this.i + 1] !== ']') {
        this.i++;
        const high = this.classAtom();
        // A range between single characters; `\w-x` and the like are a set, a hyphen and a set.
        if (low.length === 1 && low[0]![0] === low[0]![1] && high.length === 1 && high[0]![0] === high[0]![1])
          set = union(set, [[low[0]![0], high[0]![1]]]);
        else set = union(union(set, low), union(high, [[45, 45]]));
        continue;
      }
      set = union(set, low);
    }
    if (src[this.i] !== ']') throw new Error('unclosed class');
    this.i++;
    return negated ? complement(set) : set;
  }

  private classAtom(): CharSet {
    if (this.src[this.i] === '\\') return this.escape(true);
    const code = this.src.charCodeAt(this.i++);
    return [[code, code]];
  }

  private quantified(atom: Node): Node {
    const { src } = this;
    let node = atom;
    for (;;) {
      const ch = src[this.i];
      let min: number;
      let max: number;
      if (ch === '*' || ch === '+' || ch === '?') {
        this.i++;
        [min, max] = ch === '*' ? [0, Infinity] : ch === '+' ? [1, Infinity] : [0, 1];
      } else if (ch === '{') {
        const m = /^\{(\d+)(?:(,)(\d*))?\}/.exec(src.slice(this.i));
        if (!m) return node;
        this.i += m[0].length;
        min = Number(m[1]);
        max = m[2] ? (m[3] ? Number(m[3]) : Infinity) : min;
        if (min > MAX_COUNT || (max !== Infinity && max > MAX_COUNT)) throw new Refused(LARGE_COUNT);
      } else return node;
      if (src[this.i] === '?') this.i++;
      node = { kind: 'repeat', body: node, min, max };
    }
  }
}

function nullable(node: Node): boolean {
  switch (node.kind) {
    case 'chars':
      return false;
    case 'seq':
      return node.items.every(nullable);
    case 'alt':
      return node.options.some(nullable);
    case 'repeat':
      return node.min === 0 || nullable(node.body);
    default:
      return true;
  }
}

// What each node of the pattern being checked can consume or begin with, worked out once.
const charsCache = new WeakMap<Node, CharSet>();
const firstCache = new WeakMap<Node, CharSet>();

/** Every character a node can consume (not those a lookaround only looks at). */
function charsOf(node: Node): CharSet {
  let set = charsCache.get(node);
  if (!set) charsCache.set(node, (set = consumed(node)));
  return set;
}

function consumed(node: Node): CharSet {
  switch (node.kind) {
    case 'chars':
      return node.set;
    case 'seq':
      return node.items.reduce<CharSet>((set, item) => union(set, charsOf(item)), []);
    case 'alt':
      return node.options.reduce<CharSet>((set, option) => union(set, charsOf(option)), []);
    case 'repeat':
      return node.max === 0 ? [] : charsOf(node.body);
    default:
      return [];
  }
}

/** The characters a node's match can begin with. */
function firstOf(node: Node): CharSet {
  let set = firstCache.get(node);
  if (!set) firstCache.set(node, (set = beginning(node)));
  return set;
}

function beginning(node: Node): CharSet {
  switch (node.kind) {
    case 'chars':
      return node.set;
    case 'seq': {
      let set: CharSet = [];
      for (const item of node.items) {
        set = union(set, firstOf(item));
        if (!nullable(item)) break;
      }
      return set;
    }
    case 'alt':
      return node.options.reduce<CharSet>((set, option) => union(set, firstOf(option)), []);
    case 'repeat':
      return node.max === 0 ? [] : firstOf(node.body);
    default:
      return [];
  }
}

/** Whether a repetition can match a varying number of times. */
function varies(node: Node): node is Extract<Node, { kind: 'repeat' }> {
  return node.kind === 'repeat' && node.min !== node.max;
}

function children(node: Node): Node[] {
  switch (node.kind) {
    case 'seq':
      return node.items;
    case 'alt':
      return node.options;
    case 'repeat':
    case 'look':
      return [node.body];
    default:
      return [];
  }
}

function someNode(node: Node, test: (n: Node) => boolean): boolean {
  return test(node) || children(node).some((child) => someNode(child, test));
}

/** The exponential shapes: a repeated part must match in one way only wherever it starts. */
function checkRepeats(node: Node): void {
  if (node.kind === 'repeat' && node.max > 1) {
    const { body } = node;
    if (nullable(body)) throw new Refused(EMPTY_REPEAT);
    if (someNode(body, varies)) throw new Refused(NESTED_REPEAT);
    if (someNode(body, (n) => n.kind === 'alt' && !alternativesDiffer(n))) throw new Refused(OVERLAPPING_ALTERNATIVES);
  }
  for (const child of children(node)) checkRepeats(child);
}

function alternativesDiffer(alt: Extract<Node, { kind: 'alt' }>): boolean {
  const firsts = alt.options.map((o) => (nullable(o) ? ALL : firstOf(o)));
  return firsts.every((a, i) => firsts.slice(i + 1).every((b) => !overlaps(a, b)));
}

/** Where a node stands: the sequence holding it and its index there, up to the pattern's top. */
type Place = { items: Node[]; index: number; up: Place | undefined };

/**
 * The polynomial shapes: after a repetition whose count varies, the next repetition the text can
 * reach (through characters the first could have matched itself, or what can match nothing) must
 * not accept the same characters, unless their ranges give few ways to split a text between them.
 */
function checkSequences(root: Node): void {
  const visit = (node: Node, place: Place | undefined): void => {
    if (varies(node) && node.max > 1) {
      const accepted = charsOf(node.body);
      const range = node.max - node.min + 1;
      if (place && reachesOverlap(place, accepted, range)) throw new Refused(ADJACENT_REPEATS);
    }
    if (node.kind === 'seq') node.items.forEach((item, index) => visit(item, { items: node.items, index, up: place }));
    else if (node.kind === 'look') visit(node.body, undefined);
    // A repetition's body is a fresh start: what follows the repetition is not reached from it
    // alone (and a repeated body holds no varying repetition, see `checkRepeats`).
    else if (node.kind === 'repeat' && node.max > 1) visit(node.body, undefined);
    else for (const child of children(node)) visit(child, place);
  };
  visit(root, undefined);
}

/**
 * Whether, walking on after `place` (and on after the enclosing sequences), a varying
 * repetition that accepts some of `accepted` is reached, at a cost `costly` refuses, before an
 * item that can only match characters `accepted` lacks.
 */
function reachesOverlap(place: Place, accepted: CharSet, range: number): boolean {
  // 'through': every way through the node was walked without stopping; 'stop': a character the
  // first repetition cannot match ends its stretch; 'hit': a costly overlap.
  const walk = (node: Node): 'through' | 'stop' | 'hit' => {
    switch (node.kind) {
      case 'edge':
      case 'look':
        return 'through';
      case 'chars':
        // A character the first repetition could have taken too leaves a choice of where it ends.
        return overlaps(node.set, accepted) ? 'through' : 'stop';
      case 'seq':
        for (const item of node.items) {
          const result = walk(item);
          if (result !== 'through') return result;
        }
        return 'through';
      case 'alt': {
        // The stretch goes on past the alternatives if it can go through any one of them.
        let through = false;
        for (const option of node.options) {
          const result = walk(option);
          if (result === 'hit') return 'hit';
          if (result === 'through') through = true;
        }
        return through ? 'through' : 'stop';
      }
      case 'repeat': {
        if (
          varies(node) &&
          node.max > 1 &&
          overlaps(charsOf(node.body), accepted) &&
          costly(range, node.max - node.min + 1)
        )
          return 'hit';
        if (node.max === 0) return 'through';
        const inner = walk(node.body);
        if (inner === 'hit') return 'hit';
        return inner === 'through' || node.min === 0 ? 'through' : 'stop';
      }
    }
  };
  for (let at: Place | undefined = place; at; at = at.up) {
    for (let i = at.index + 1; i < at.items.length; i++) {
      const result = walk(at.items[i]!);
      if (result === 'hit') return true;
      if (result === 'stop') return false;
    }
  }
  return false;
}

/**
 * A pattern may not begin with a repetition without a bound (unless it is anchored at the start
 * with `^`, or repeats only characters of `oncePerRun`, which the pattern can begin with only at
 * the start of a run of them): looked for at every character, each try would read to the end of
 * the stretch.
 */
function checkStart(node: Node, oncePerRun: CharSet): void {
  switch (node.kind) {
    case 'seq':
      for (const item of node.items) {
        if (item.kind === 'edge' && item.start) return;
        checkStart(item, oncePerRun);
        if (!nullable(item)) return;
      }
      return;
    case 'alt':
      for (const option of node.options) checkStart(option, oncePerRun);
      return;
    case 'repeat':
      if (node.max === Infinity && !within(charsOf(node.body), oncePerRun)) throw new Refused(UNBOUNDED_START);
      if (node.max > 0) checkStart(node.body, oncePerRun);
      return;
    default:
      return;
  }
}
