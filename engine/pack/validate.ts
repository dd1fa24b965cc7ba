import type { Localized } from '../types';
import type {
  ByLanguage,
  DraftingRuleSource,
  DraftingSource,
  ElementSource,
  FacetSource,
  GroupSource,
  LexiconEntry,
  NegationSource,
  PackSource,
  PaperCitation,
  PassageRole,
  RolesSource,
  ActorRule,
  StructurePartSource,
  TermSource,
} from './schema';
import { DRAFTING_LEXICONS, PASSAGE_ROLES, ROLE_CUES, SECTION_KINDS } from './schema';
import { patternHazard } from './patternSafety';

/** A path into a pack's data, e.g. `['elements', 3, 'facets', 0, 'match', 'en', 2]`. */
export type DataPath = (string | number)[];

/** A problem found in a pack's data, at a path the text loader turns into a line. */
export interface PathProblem {
  path: DataPath;
  message: string;
}

const SEVERITIES = new Set(['error', 'warning', 'information', 'hint']);
const ID = /^[a-z0-9][a-z0-9-]{0,63}$/;
const GROUP_ID = /^[A-Za-z0-9][A-Za-z0-9-]{0,31}$/;
const MAX_PATTERN = 500;

/**
 * Checks untrusted pack data and returns what is usable: every invalid part is dropped and
 * reported, and the rest is kept, so one broken entry never disables a whole pack. Every pattern
 * is checked for safety (`patternHazard`) unless `patternsChecked` says that a test already did
 * (the built-in pack's, whose YAML a test loads through `loadPackText`, so no start pays for it).
 */
export function validatePack(
  data: unknown,
  options: { patternsChecked?: boolean } = {},
): { pack?: PackSource; problems: PathProblem[] } {
  const problems: PathProblem[] = [];
  const v = new Validator(problems, options.patternsChecked !== true);
  if (!isObject(data)) {
    problems.push({
      path: [],
      message: 'A rule pack must be a mapping with `pack`, `title`, `groups` and `elements`.',
    });
    return { problems };
  }
  const id = v.id(data.pack, ['pack']);
  const title = v.localized(data.title, ['title']);
  if (!id || !title) return { problems };
  const groups = v.list(data.groups, ['groups'], (g, p) => v.group(g, p)) ?? [];
  const groupIds = new Set(groups.map((g) => g.id));
  const seen = new Set<string>();
  const elements =
    v.list(data.elements, ['elements'], (e, p) => {
      const element = v.element(e, p, groupIds);
      if (element && seen.has(element.id)) {
        problems.push({ path: [...p, 'id'], message: `The element id "${element.id}" is used twice in this pack.` });
        return undefined;
      }
      if (element) seen.add(element.id);
      return element;
    }) ?? [];
  const pack: PackSource = { pack: id, title, groups, elements };
  if (typeof data.version === 'number') pack.version = data.version;
  if (data.docs !== undefined) {
    if (typeof data.docs === 'string') pack.docs = data.docs;
    else problems.push({ path: ['docs'], message: '`docs` must be a link, with `{rule}` where the rule id goes.' });
  }
  if (data.negation !== undefined) {
    const negation = v.byLanguage(data.negation, ['negation'], (n, p) => v.negation(n, p));
    if (negation) pack.negation = negation;
  }
  if (data.roles !== undefined) {
    const roles = v.roles(data.roles, ['roles']);
    if (roles) pack.roles = roles;
  }
  if (data.actors !== undefined) {
    const actors = v.actors(data.actors, ['actors']);
    if (actors) pack.actors = actors;
  }
  if (data.focus !== undefined) {
    const focus = data.focus;
    const actors = isObject(focus) ? v.actorRule({ need: focus.actors }, ['focus'])?.need : undefined;
    if (!isObject(focus) || !actors || typeof focus.share !== 'number' || focus.share < 0 || focus.share > 1)
      problems.push({
        path: ['focus'],
        message: '`focus` names `actors` (a list of actor names) and a `share` from 0 to 1.',
      });
    else {
      pack.focus = { actors, share: focus.share };
      if (typeof focus.atLeast === 'number' && focus.atLeast >= 0) pack.focus.atLeast = focus.atLeast;
      const rivals =
        focus.rivals === undefined ? undefined : v.actorRule({ need: focus.rivals }, ['focus', 'rivals'])?.need;
      if (rivals) pack.focus.rivals = rivals;
      if (typeof focus.rivalShare === 'number' && focus.rivalShare > 0) pack.focus.rivalShare = focus.rivalShare;
      const corroborate = focus.corroborate;
      if (typeof corroborate === 'number' && Number.isInteger(corroborate) && corroborate >= 1 && corroborate <= 10)
        pack.focus.corroborate = corroborate;
      else if (corroborate !== undefined)
        problems.push({
          path: ['focus', 'corroborate'],
          message:
            '`focus.corroborate` is how many passages a facet needs in a text about something else: a whole number from 1 to 10.',
        });
    }
  }
  if (data.drafting !== undefined) {
    const drafting = v.drafting(data.drafting, ['drafting']);
    if (drafting) pack.drafting = drafting;
  }
  return { pack, problems };
}

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

class Validator {
  constructor(
    private readonly problems: PathProblem[],
    private readonly checkSafety: boolean,
  ) {}

  private fail(path: DataPath, message: string): undefined {
    this.problems.push({ path, message });
    return undefined;
  }

  id(x: unknown, path: DataPath): string | undefined {
    if (typeof x === 'string' && ID.test(x)) return x;
    return this.fail(
      path,
      `Expected an id in kebab-case (lower-case letters, digits and hyphens, at most 64), got ${describe(x)}.`,
    );
  }

  localized(x: unknown, path: DataPath): Localized | undefined {
    if (typeof x === 'string') return { en: x, zh: x };
    if (isObject(x) && typeof x.en === 'string' && typeof x.zh === 'string') return { en: x.en, zh: x.zh };
    if (isObject(x) && (typeof x.en === 'string' || typeof x.zh === 'string')) {
      const text = (typeof x.en === 'string' ? x.en : x.zh) as string;
      return { en: typeof x.en === 'string' ? x.en : text, zh: typeof x.zh === 'string' ? x.zh : text };
    }
    return this.fail(path, `Expected a text, or a mapping with \`en\` and \`zh\` texts, got ${describe(x)}.`);
  }

  list<T>(x: unknown, path: DataPath, item: (value: unknown, path: DataPath) => T | undefined): T[] | undefined {
    if (!Array.isArray(x)) return this.fail(path, `Expected a list, got ${describe(x)}.`);
    const out: T[] = [];
    x.forEach((value, i) => {
      const result = item(value, [...path, i]);
      if (result !== undefined) out.push(result);
    });
    return out;
  }

  byLanguage<T>(
    x: unknown,
    path: DataPath,
    item: (value: unknown, path: DataPath) => T | undefined,
  ): ByLanguage<T> | undefined {
    if (!isObject(x)) return this.fail(path, `Expected a mapping with \`en\` and/or \`zh\`, got ${describe(x)}.`);
    const out: ByLanguage<T> = {};
    for (const key of Object.keys(x)) {
      if (key !== 'en' && key !== 'zh') {
        this.fail([...path, key], 'Unknown language: use `en` or `zh`.');
        continue;
      }
      const value = item(x[key], [...path, key]);
      if (value !== undefined) out[key] = value;
    }
    return out;
  }

  pattern(x: unknown, path: DataPath, language: string): string | undefined {
    if (typeof x !== 'string' || x.trim() === '')
      return this.fail(path, `Expected a pattern (a regular expression), got ${describe(x)}.`);
    if (x.length > MAX_PATTERN)
      return this.fail(path, `This pattern is longer than ${MAX_PATTERN} characters; split it into several entries.`);
    try {
      new RegExp(language === 'en' ? `\\b(?:${x})` : x, 'iu');
    } catch (error) {
      return this.fail(path, `This pattern is not a valid regular expression: ${regExpErrorWords(error)}`);
    }
    // Packs may come from an untrusted workspace: a pattern that could backtrack without end is
    // refused rather than run, the built-in pack's as any other's.
    const hazard = this.checkSafety ? patternHazard(x, language === 'zh' ? 'zh' : 'en') : undefined;
    if (hazard) return this.fail(path, hazard);
    return x;
  }

  patterns(x: unknown, path: DataPath): ByLanguage<string[]> | undefined {
    return this.byLanguage(x, path, (list, p) =>
      this.list(list, p, (item, q) => this.pattern(item, q, String(p[p.length - 1]))),
    );
  }

  lexicon(x: unknown, path: DataPath): ByLanguage<LexiconEntry[]> | undefined {
    return this.byLanguage(x, path, (list, p) =>
      this.list(list, p, (item, q): LexiconEntry | undefined => {
        const language = String(p[p.length - 1]);
        if (typeof item === 'string') return this.pattern(item, q, language);
        if (isObject(item) && Array.isArray(item.all)) {
          const parts = this.list(item.all, [...q, 'all'], (part, r) => this.pattern(part, r, language));
          if (!parts || parts.length < 2 || parts.length !== item.all.length) {
            return parts && parts.length < 2
              ? this.fail([...q, 'all'], '`all` needs at least two patterns that must occur together.')
              : undefined;
          }
          const entry: LexiconEntry = { all: parts };
          if (item.near !== undefined) {
            if (typeof item.near !== 'number' || item.near <= 0)
              return this.fail([...q, 'near'], '`near` must be a positive number of characters.');
            entry.near = item.near;
          }
          return entry;
        }
        return this.fail(q, `Expected a pattern or \`{ all: [patterns] }\`, got ${describe(item)}.`);
      }),
    );
  }

  paper(x: unknown, path: DataPath): PaperCitation | undefined {
    if (!isObject(x) || typeof x.section !== 'string')
      return this.fail(
        path,
        "Expected a citation: `section` (the paper's heading), `paragraph`, and `says` (a short paraphrase).",
      );
    const says = this.localized(x.says, [...path, 'says']);
    if (!says) return undefined;
    const citation: PaperCitation = { section: x.section, says };
    if (typeof x.paragraph === 'number' || typeof x.paragraph === 'string') citation.paragraph = x.paragraph;
    return citation;
  }

  severity(x: unknown, path: DataPath): 'error' | 'warning' | 'information' | 'hint' | undefined {
    if (typeof x === 'string' && SEVERITIES.has(x)) return x as 'error';
    return this.fail(path, `Expected a severity (error, warning, information or hint), got ${describe(x)}.`);
  }

  group(x: unknown, path: DataPath): GroupSource | undefined {
    if (!isObject(x)) return this.fail(path, `Expected a group with \`id\` and \`title\`, got ${describe(x)}.`);
    const id =
      typeof x.id === 'string' && GROUP_ID.test(x.id)
        ? x.id
        : this.fail([...path, 'id'], 'A group needs an `id`: letters, digits and hyphens, at most 32.');
    const title = this.localized(x.title, [...path, 'title']);
    if (!id || !title) return undefined;
    const group: GroupSource = { id, title };
    if (x.headings !== undefined) {
      const headings = this.patterns(x.headings, [...path, 'headings']);
      if (headings) group.headings = headings;
    }
    if (x.paper !== undefined) {
      const paper = this.paper(x.paper, [...path, 'paper']);
      if (paper) group.paper = paper;
    }
    return group;
  }

  element(x: unknown, path: DataPath, groups: Set<string>): ElementSource | undefined {
    if (!isObject(x)) return this.fail(path, `Expected an element, got ${describe(x)}.`);
    const id = this.id(x.id, [...path, 'id']);
    const group =
      typeof x.group === 'string' && groups.has(x.group)
        ? x.group
        : this.fail([...path, 'group'], `\`group\` must be one of the pack's groups (${[...groups].join(', ')}).`);
    const title = this.localized(x.title, [...path, 'title']);
    const asks = this.localized(x.asks, [...path, 'asks']);
    const template = this.localized(x.template, [...path, 'template']);
    const paper = this.paper(x.paper, [...path, 'paper']);
    const facets = this.list(x.facets, [...path, 'facets'], (f, p) => this.facet(f, p));
    if (!id || !group || !title || !asks || !template || !paper || !facets) return undefined;
    if (facets.length === 0) return this.fail([...path, 'facets'], 'An element needs at least one valid facet.');
    let k = 1;
    if (x.k !== undefined) {
      if (typeof x.k === 'number' && Number.isInteger(x.k) && x.k >= 1 && x.k <= facets.length) k = x.k;
      else
        this.fail(
          [...path, 'k'],
          `\`k\` must be a whole number from 1 to the number of facets (${facets.length}); using 1.`,
        );
    }
    const element: ElementSource = { id, group, title, k, paper, asks, template, facets };
    if (x.counts !== undefined) {
      const counts = this.counts(x.counts, [...path, 'counts']);
      if (counts) element.counts = counts;
    }
    if (x.actors !== undefined) {
      const actors = this.actorRule(x.actors, [...path, 'actors']);
      if (actors) element.actors = actors;
    }
    if (x.severity !== undefined) {
      const severity = this.severity(x.severity, [...path, 'severity']);
      if (severity) element.severity = severity;
    }
    if (x.headings !== undefined) {
      const headings = this.patterns(x.headings, [...path, 'headings']);
      if (headings) element.headings = headings;
    }
    return element;
  }

  facet(x: unknown, path: DataPath): FacetSource | undefined {
    if (!isObject(x)) return this.fail(path, `Expected a facet, got ${describe(x)}.`);
    const id = this.id(x.id, [...path, 'id']);
    const title = this.localized(x.title, [...path, 'title']);
    const match = this.lexicon(x.match, [...path, 'match']);
    if (!id || !title || !match) return undefined;
    const facet: FacetSource = { id, title, match };
    if (x.template !== undefined) {
      const template = this.localized(x.template, [...path, 'template']);
      if (template) facet.template = template;
    }
    for (const key of ['exclude', 'unless'] as const) {
      if (x[key] === undefined) continue;
      const patterns = this.patterns(x[key], [...path, key]);
      if (patterns) facet[key] = patterns;
    }
    if (x.counts !== undefined) {
      const counts = this.counts(x.counts, [...path, 'counts']);
      if (counts) facet.counts = counts;
    }
    if (x.actors !== undefined) {
      const actors = this.actorRule(x.actors, [...path, 'actors']);
      if (actors) facet.actors = actors;
    }
    return facet;
  }

  /** A list of passage roles (`counts`). */
  counts(x: unknown, path: DataPath): PassageRole[] | undefined {
    if (!Array.isArray(x) || !x.every((r) => typeof r === 'string' && (PASSAGE_ROLES as readonly string[]).includes(r)))
      return this.fail(path, `Expected a list of passage roles (${PASSAGE_ROLES.join(', ')}).`);
    return x as PassageRole[];
  }

  /** Named actor lexicons: at most 31, each with patterns per language. */
  actors(x: unknown, path: DataPath): Record<string, ByLanguage<string[]>> | undefined {
    if (!isObject(x)) return this.fail(path, `Expected a mapping of actor names to patterns, got ${describe(x)}.`);
    const out: Record<string, ByLanguage<string[]>> = {};
    for (const [name, value] of Object.entries(x)) {
      if (!ID.test(name)) {
        this.fail([...path, name], 'An actor name is lower case letters, digits and hyphens.');
        continue;
      }
      if (Object.keys(out).length >= 31) {
        this.fail([...path, name], 'A pack may name at most 31 actors.');
        break;
      }
      const patterns = this.patterns(value, [...path, name]);
      if (patterns) out[name] = patterns;
    }
    return out;
  }

  /** An element's or facet's `actors`: lists of actor names (checked against the pack's once it is read). */
  actorRule(x: unknown, path: DataPath): ActorRule | undefined {
    if (!isObject(x)) return this.fail(path, `Expected \`need\`, \`not\` or \`unlessAlso\`, got ${describe(x)}.`);
    const out: ActorRule = {};
    for (const key of ['need', 'not', 'unlessAlso'] as const) {
      const list = x[key];
      if (list === undefined) continue;
      if (!Array.isArray(list) || !list.every((n) => typeof n === 'string' && ID.test(n))) {
        this.fail([...path, key], `\`${key}\` is a list of actor names.`);
        continue;
      }
      out[key] = list as string[];
    }
    return out;
  }

  roles(x: unknown, path: DataPath): RolesSource | undefined {
    if (!isObject(x)) return this.fail(path, `Expected \`cues\` and \`sections\`, got ${describe(x)}.`);
    const out: RolesSource = {};
    for (const [part, names] of [
      ['cues', ROLE_CUES],
      ['sections', SECTION_KINDS],
    ] as const) {
      const given = x[part];
      if (given === undefined) continue;
      if (!isObject(given)) {
        this.fail([...path, part], `Expected a mapping of ${names.join(', ')} to patterns, got ${describe(given)}.`);
        continue;
      }
      const lists: Record<string, ByLanguage<string[]>> = {};
      for (const [name, value] of Object.entries(given)) {
        if (!(names as readonly string[]).includes(name)) {
          this.fail(
            [...path, part, name],
            `Unknown ${part === 'cues' ? 'cue' : 'section kind'}; expected one of ${names.join(', ')}.`,
          );
          continue;
        }
        const patterns = this.patterns(value, [...path, part, name]);
        if (patterns) lists[name] = patterns;
      }
      out[part] = lists;
    }
    return out;
  }

  negation(x: unknown, path: DataPath): NegationSource | undefined {
    if (!isObject(x)) return this.fail(path, `Expected \`before\`, \`after\` and \`window\`, got ${describe(x)}.`);
    const language = String(path[path.length - 1]);
    const out: NegationSource = {};
    for (const key of ['before', 'after'] as const) {
      if (x[key] === undefined) continue;
      const list = this.list(x[key], [...path, key], (item, p) => this.pattern(item, p, language));
      if (list) out[key] = list;
    }
    if (x.window !== undefined) {
      if (typeof x.window === 'number' && x.window > 0) out.window = x.window;
      else this.fail([...path, 'window'], '`window` must be a positive number of characters.');
    }
    return out;
  }

  drafting(x: unknown, path: DataPath): DraftingSource | undefined {
    if (!isObject(x)) return this.fail(path, `Expected a mapping of drafting lexicons, got ${describe(x)}.`);
    const out: DraftingSource = {};
    for (const key of DRAFTING_LEXICONS) {
      if (x[key] === undefined) continue;
      const patterns = this.patterns(x[key], [...path, key]);
      if (patterns) out[key] = patterns;
    }
    if (x.rules !== undefined) {
      const rules = this.list(x.rules, [...path, 'rules'], (r, p) => this.draftingRule(r, p));
      if (rules) out.rules = rules;
    }
    if (x.terminology !== undefined) {
      const terms = this.list(x.terminology, [...path, 'terminology'], (t, p) => this.term(t, p));
      if (terms) out.terminology = terms;
    }
    if (x.structure !== undefined) {
      const parts = this.list(x.structure, [...path, 'structure'], (s, p) => this.structurePart(s, p));
      if (parts) out.structure = parts;
    }
    if (x.measureFields !== undefined) {
      const fields = this.byLanguage(x.measureFields, [...path, 'measureFields'], (f, p) =>
        isObject(f) && typeof f.owner === 'string' && typeof f.timeframe === 'string' && typeof f.indicator === 'string'
          ? { owner: f.owner, timeframe: f.timeframe, indicator: f.indicator }
          : this.fail(p, 'Expected `owner`, `timeframe` and `indicator` labels.'),
      );
      if (fields) out.measureFields = fields;
    }
    return out;
  }

  draftingRule(x: unknown, path: DataPath): DraftingRuleSource | undefined {
    if (!isObject(x)) return this.fail(path, `Expected a drafting rule, got ${describe(x)}.`);
    const id = this.id(x.id, [...path, 'id']);
    const title = this.localized(x.title, [...path, 'title']);
    const asks = this.localized(x.asks, [...path, 'asks']);
    if (!id || !title || !asks) return undefined;
    const rule: DraftingRuleSource = { id, title, asks };
    if (x.severity !== undefined) {
      const severity = this.severity(x.severity, [...path, 'severity']);
      if (severity) rule.severity = severity;
    }
    if (x.paper !== undefined) {
      const paper = this.paper(x.paper, [...path, 'paper']);
      if (paper) rule.paper = paper;
    }
    if (x.messages !== undefined) {
      if (!isObject(x.messages))
        return this.fail(
          [...path, 'messages'],
          `Expected a mapping of message names to texts, got ${describe(x.messages)}.`,
        );
      const messages: Record<string, Localized> = {};
      for (const [name, text] of Object.entries(x.messages)) {
        if (!/^[a-z][A-Za-z]{0,39}$/.test(name)) {
          this.fail(
            [...path, 'messages'],
            'A message name is a word in lower camel case, such as `finding`; this one is not.',
          );
          continue;
        }
        const localized = this.localized(text, [...path, 'messages', name]);
        if (localized) messages[name] = localized;
      }
      rule.messages = messages;
    }
    return rule;
  }

  term(x: unknown, path: DataPath): TermSource | undefined {
    if (!isObject(x))
      return this.fail(
        path,
        `Expected a term with \`find\`, \`language\`, \`replace\` and \`why\`, got ${describe(x)}.`,
      );
    const language =
      x.language === 'en' || x.language === 'zh'
        ? x.language
        : this.fail([...path, 'language'], '`language` must be `en` or `zh`.');
    if (!language) return undefined;
    const find = this.pattern(x.find, [...path, 'find'], language);
    const replace =
      typeof x.replace === 'string'
        ? x.replace
        : this.fail([...path, 'replace'], '`replace` must be the preferred text.');
    const why = this.localized(x.why, [...path, 'why']);
    if (!find || replace === undefined || !why) return undefined;
    return { find, language, replace, why };
  }

  structurePart(x: unknown, path: DataPath): StructurePartSource | undefined {
    if (!isObject(x)) return this.fail(path, `Expected a structure part, got ${describe(x)}.`);
    const id = this.id(x.id, [...path, 'id']);
    const title = this.localized(x.title, [...path, 'title']);
    const headings = this.patterns(x.headings, [...path, 'headings']);
    const template = this.localized(x.template, [...path, 'template']);
    if (!id || !title || !headings || !template) return undefined;
    return { id, title, headings, template };
  }
}

/**
 * What a value is, in words, never its text: a pack may be any file a configuration names, and a
 * message quoting it could carry that file's secrets into a log or a report.
 */
function describe(x: unknown): string {
  if (x === undefined) return 'nothing';
  if (x === null) return 'null';
  if (Array.isArray(x)) return 'a list';
  if (typeof x === 'object') return 'a mapping';
  if (typeof x === 'string') return x === '' ? 'an empty text' : `a text of ${x.length} characters`;
  if (typeof x === 'number') return 'a number';
  if (typeof x === 'boolean') return String(x);
  return `a value of type ${typeof x}`;
}

/**
 * What is wrong with a pattern, in the words of the RegExp error (such as "Unterminated group"),
 * without the pattern itself, which the error quotes and which may be any file's text.
 */
function regExpErrorWords(error: unknown): string {
  const message = error instanceof Error ? error.message : '';
  const reason = message.slice(message.lastIndexOf(': ') + 2);
  return /^[A-Za-z][A-Za-z {}()'-]{0,60}$/.test(reason) ? `${reason.toLowerCase()}.` : 'it cannot be read.';
}
