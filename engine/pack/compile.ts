import type {
  Candidate,
  CompiledDrafting,
  CompiledElement,
  CompiledLexicon,
  CompiledTerm,
  CoOccurrence,
  KeyedPattern,
  KeyTable,
  Lang,
  LexiconSet,
  Pack,
  RuleInfo,
} from './compiled';
import { WORD_KEY_SPACE, wordKeyNumber } from './compiled';
import { patternKeying } from './keys';
import { alternation, lexiconSet, patternSource } from './patterns';
import { DRAFTING_RULE_SPECS } from '../rules';
import { PairIndex } from './pairIndex';
import type { ByLanguage, DraftingSource, FacetSource, LexiconEntry, PackSource, RolesSource } from './schema';
import { DRAFTING_LEXICONS, ROLE_CUES, SECTION_KINDS } from './schema';

const LANGS: Lang[] = ['en', 'zh'];

/** Named lexicons, per language, each language's as one `LexiconSet`. */
function lexiconSets(lexicons: [string, ByLanguage<string[]> | undefined][]): Partial<Record<Lang, LexiconSet>> {
  const out: Partial<Record<Lang, LexiconSet>> = {};
  for (const lang of LANGS) {
    const set = lexiconSet(
      lexicons.map(([name, patterns]) => [name, patterns?.[lang]]),
      lang,
    );
    if (set) out[lang] = set;
  }
  return out;
}

function perLanguage(patterns: ByLanguage<string[]> | undefined, flags = 'g'): Partial<Record<Lang, RegExp>> {
  const out: Partial<Record<Lang, RegExp>> = {};
  for (const lang of LANGS) {
    const re = alternation(patterns?.[lang], lang, flags);
    if (re) out[lang] = re;
  }
  return out;
}

function keyed(pattern: string, lang: Lang): KeyedPattern {
  const out: KeyedPattern = { sticky: alternation([pattern], lang, 'y')! };
  const { prefixes, followers, literal, gap } = patternKeying(pattern, lang);
  if (literal) out.literal = true;
  if (gap) out.gap = { within: gap.within, chars: Uint16Array.from(gap.chars, (ch) => ch.charCodeAt(0)) };
  // Only a pattern without prefixes scans, so only it needs a global expression.
  if (prefixes) out.prefixes = prefixes;
  else out.scan = alternation([pattern], lang)!;
  if (followers) out.followers = new Set(followers.map(wordKeyNumber));
  return out;
}

function compileLexicon(entries: LexiconEntry[] | undefined, lang: Lang): CompiledLexicon | undefined {
  if (!entries || entries.length === 0) return undefined;
  const patterns = entries.filter((e): e is string => typeof e === 'string').map((p) => keyed(p, lang));
  const all: CoOccurrence[] = entries
    .filter((e): e is { all: string[]; near?: number } => typeof e !== 'string')
    .map((e) => {
      const [head, ...others] = e.all;
      const co: CoOccurrence = { head: keyed(head!, lang), others: others.map((p) => keyed(p, lang)) };
      if (e.near !== undefined) co.near = e.near;
      return co;
    });
  return { patterns, all };
}

/**
 * Merges packs in order: a later pack's element, group, rule or structure part with the same id
 * replaces the earlier one; lexicon lists are joined. This is how a user's pack extends or
 * overrides the built-in one.
 */
export function mergePackSources(sources: PackSource[]): PackSource {
  const [first, ...rest] = sources;
  if (!first) throw new Error('mergePackSources needs at least one pack');
  const merged: PackSource = structuredClone(first);
  for (const next of rest) {
    merged.groups = replaceById(merged.groups, next.groups);
    merged.elements = replaceById(merged.elements, next.elements);
    if (!merged.docs && next.docs) merged.docs = next.docs;
    for (const lang of LANGS) {
      const a = merged.negation?.[lang];
      const b = next.negation?.[lang];
      if (!b) continue;
      merged.negation ??= {};
      merged.negation[lang] = {
        before: [...(a?.before ?? []), ...(b.before ?? [])],
        after: [...(a?.after ?? []), ...(b.after ?? [])],
        window: b.window ?? a?.window ?? 30,
      };
    }
    if (next.drafting) merged.drafting = mergeDrafting(merged.drafting ?? {}, next.drafting);
    if (next.roles) merged.roles = mergeRoles(merged.roles ?? {}, next.roles);
    if (next.focus) merged.focus = next.focus;
    for (const [name, patterns] of Object.entries(next.actors ?? {})) {
      merged.actors ??= {};
      merged.actors[name] = joinLists(merged.actors[name], patterns) ?? {};
    }
  }
  return merged;
}

function replaceById<T extends { id: string }>(base: T[], extra: T[]): T[] {
  const out = [...base];
  for (const item of extra) {
    const at = out.findIndex((x) => x.id === item.id);
    if (at >= 0) out[at] = item;
    else out.push(item);
  }
  return out;
}

function joinLists(
  a: ByLanguage<string[]> | undefined,
  b: ByLanguage<string[]> | undefined,
): ByLanguage<string[]> | undefined {
  if (!b) return a;
  return { en: [...(a?.en ?? []), ...(b.en ?? [])], zh: [...(a?.zh ?? []), ...(b.zh ?? [])] };
}

/** A later pack's role cues and section headings join the earlier pack's. */
function mergeRoles(a: RolesSource, b: RolesSource): RolesSource {
  const out: RolesSource = { cues: { ...a.cues }, sections: { ...a.sections } };
  for (const cue of ROLE_CUES) {
    const joined = joinLists(a.cues?.[cue], b.cues?.[cue]);
    if (joined) out.cues![cue] = joined;
  }
  for (const kind of SECTION_KINDS) {
    const joined = joinLists(a.sections?.[kind], b.sections?.[kind]);
    if (joined) out.sections![kind] = joined;
  }
  return out;
}

function mergeDrafting(a: DraftingSource, b: DraftingSource): DraftingSource {
  const out: DraftingSource = { ...a };
  for (const key of DRAFTING_LEXICONS) {
    const joined = joinLists(a[key], b[key]);
    if (joined) out[key] = joined;
  }
  // A rule replaced by a later pack keeps the messages it does not give.
  if (b.rules)
    out.rules = replaceById(
      a.rules ?? [],
      b.rules.map((r) => ({ ...r, messages: { ...a.rules?.find((x) => x.id === r.id)?.messages, ...r.messages } })),
    );
  if (b.structure) out.structure = replaceById(a.structure ?? [], b.structure);
  if (b.terminology) out.terminology = [...(a.terminology ?? []), ...b.terminology];
  if (b.measureFields) out.measureFields = { ...a.measureFields, ...b.measureFields };
  return out;
}

/** Compiles validated pack data (see `validatePack`) into the engine's matching structures. */
export function compilePack(source: PackSource, ids: string[] = [source.pack]): Pack {
  const actorNames = Object.keys(source.actors ?? {});
  if (actorNames.length > 31)
    throw new Error(`The packs name ${actorNames.length} actors together; at most 31 can be used.`);
  const actorMask = (names: string[] | undefined, where: string): number => {
    let mask = 0;
    for (const name of names ?? []) {
      const bit = actorNames.indexOf(name);
      if (bit < 0)
        throw new Error(
          `${where} names the actor "${name}", which no pack defines (the actors are: ${actorNames.join(', ') || 'none'}).`,
        );
      mask |= 1 << bit;
    }
    return mask;
  };
  const docs = (rule: string): string | undefined => source.docs?.replace('{rule}', rule);
  const elements: CompiledElement[] = source.elements.map((e) => ({
    id: e.id,
    group: e.group,
    title: e.title,
    k: e.k,
    severity: e.severity ?? 'warning',
    paper: e.paper,
    asks: e.asks,
    template: e.template,
    headings: perLanguage(e.headings, ''),
    facets: e.facets.map((f) => {
      const facet: CompiledElement['facets'][number] = {
        id: f.id,
        title: f.title,
        unless: perLanguage(f.unless, ''),
        counts: new Set(f.counts ?? e.counts ?? ['commitment']),
        actors: (() => {
          const rule = f.actors ?? e.actors ?? {};
          const where = `The facet ${e.id}/${f.id}`;
          return {
            need: actorMask(rule.need, where),
            not: actorMask(rule.not, where),
            unlessAlso: actorMask(rule.unlessAlso, where),
          };
        })(),
      };
      if (f.template) facet.template = f.template;
      return facet;
    }),
  }));
  const d = source.drafting ?? {};
  const drafting: CompiledDrafting = {
    measureHeadings: perLanguage(d.measureHeadings, ''),
    measureTitles: perLanguage(d.measureTitles, ''),
    deliveryHeadings: perLanguage(d.deliveryHeadings, ''),
    objectiveHeadings: perLanguage(d.objectiveHeadings, ''),
    notMeasure: perLanguage(d.notMeasure, ''),
    duty: perLanguage(d.duty, ''),
    regulated: perLanguage(d.regulated, ''),
    owner: perLanguage(d.owner, ''),
    vagueOwner: perLanguage(d.vagueOwner),
    timeframe: perLanguage(d.timeframe, ''),
    indicator: perLanguage(d.indicator, ''),
    vague: perLanguage(d.vague),
    concrete: perLanguage(d.concrete, ''),
    terminology: (d.terminology ?? []).map((t) => {
      const source = t.language === 'en' ? `(?<![A-Za-z0-9])(?:${patternSource(t.find, 'en')})(?![A-Za-z0-9])` : t.find;
      const term: CompiledTerm = {
        find: new RegExp(source, 'g'),
        findOne: new RegExp(source),
        language: t.language,
        replace: t.replace,
        why: t.why,
      };
      const { prefixes } = patternKeying(t.find, t.language);
      if (prefixes) term.prefixes = prefixes;
      return term;
    }),
    structure: (d.structure ?? []).map((s) => ({
      id: s.id,
      title: s.title,
      headings: perLanguage(s.headings, ''),
      template: s.template,
    })),
    measureFields: d.measureFields ?? {},
    messages: Object.fromEntries((d.rules ?? []).map((r) => [r.id, r.messages ?? {}])),
  };
  const negation: Pack['negation'] = {};
  for (const lang of LANGS) {
    const n = source.negation?.[lang];
    if (!n) continue;
    const compiled: NonNullable<Pack['negation'][Lang]> = { window: n.window ?? (lang === 'en' ? 30 : 8) };
    const before = alternation(n.before, lang, '');
    const after = alternation(n.after, lang, '');
    if (before) compiled.before = before;
    if (after) compiled.after = after;
    negation[lang] = compiled;
  }
  const roles: Pack['roles'] = {
    cues: lexiconSets(ROLE_CUES.map((cue) => [cue, source.roles?.cues?.[cue]])),
    sections: Object.fromEntries(
      SECTION_KINDS.map((kind) => [kind, perLanguage(source.roles?.sections?.[kind], '')]),
    ) as Pack['roles']['sections'],
  };
  const rules: RuleInfo[] = elements.map((e) =>
    withDocs(
      {
        id: e.id,
        kind: 'coverage',
        severity: e.severity,
        title: e.title,
        asks: e.asks,
        paper: e.paper,
        group: e.group,
        k: e.k,
        facets: e.facets.map((f) => ({ id: f.id, title: f.title })),
      },
      docs(e.id),
    ),
  );
  for (const spec of DRAFTING_RULE_SPECS) {
    const { id } = spec;
    const meta = d.rules?.find((r) => r.id === id);
    const info: RuleInfo = {
      id,
      kind: 'drafting',
      severity: meta?.severity ?? spec.severity,
      title: meta?.title ?? { en: id, zh: id },
      asks: meta?.asks ?? { en: '', zh: '' },
    };
    if (meta?.paper) info.paper = meta.paper;
    rules.push(withDocs(info, docs(id)));
  }
  const facetSources = source.elements.flatMap((e) => e.facets);
  const tables = new Map<Lang, KeyTable | undefined>();
  return {
    // A language's lexicons are keyed the first time a text in it is matched: keying is most of
    // a pack's compile, and a run over English drafts never needs the Chinese table.
    keyTable: (lang) => {
      if (!tables.has(lang)) tables.set(lang, keyTable(facetSources, lang));
      return tables.get(lang);
    },
    ids,
    title: source.title,
    groups: source.groups.map((g) => {
      const group: Pack['groups'][number] = { id: g.id, title: g.title, headings: perLanguage(g.headings, '') };
      if (g.paper) group.paper = g.paper;
      return group;
    }),
    elements,
    negation,
    roles,
    actorNames,
    actors: lexiconSets(actorNames.map((name) => [name, source.actors![name]])),
    focus: {
      actors: actorMask(source.focus?.actors, 'The focus'),
      share: source.focus?.share ?? 0,
      atLeast: source.focus?.atLeast ?? 0,
      rivals: actorMask(source.focus?.rivals, 'The focus'),
      rivalShare: source.focus?.rivalShare ?? 1,
      corroborate: source.focus?.corroborate ?? 1,
    },
    drafting,
    rules,
  };
}

/**
 * Inverts the facets' lexicons in one language into its key table (see `KeyTable`); undefined
 * when no facet has a lexicon in that language. `facets` are every element's facets, in pack order.
 */
function keyTable(facets: FacetSource[], lang: Lang): KeyTable | undefined {
  let table: KeyTable | undefined;
  // The two-character keys are gathered in a map and indexed once all are known.
  const pairs = new Map<number, number>();
  facets.forEach((facet, facetIndex) => {
    const lexicon = compileLexicon(facet.match[lang], lang);
    if (!lexicon) return;
    table ??= {
      slots: new Int32Array(lang === 'en' ? WORD_KEY_SPACE : 0x10000),
      pairs: new PairIndex(new Map()),
      thirds: new Map(),
      gapChars: new Uint8Array(lang === 'zh' ? 0x10000 : 0),
      pairStarts: new Uint8Array(lang === 'zh' ? 0x10000 : 0),
      lists: [[]],
      unkeyed: [],
    };
    const t = table;
    const file = (candidate: Candidate): void => {
      if (!candidate.pattern.prefixes) {
        t.unkeyed.push(candidate);
        return;
      }
      for (const c of candidate.pattern.gap?.chars ?? []) t.gapChars[c] = 1;
      for (const prefix of candidate.pattern.prefixes) {
        let slot: number;
        if (lang === 'zh' && prefix.length >= 2) {
          const pair = (prefix.charCodeAt(0) << 16) | prefix.charCodeAt(1);
          slot = pairs.get(pair) ?? 0;
          if (!slot) pairs.set(pair, (slot = t.lists.push([]) - 1));
          t.pairStarts[prefix.charCodeAt(0)] = 1;
          if (prefix.length >= 3) {
            let byThird = t.thirds.get(slot);
            if (!byThird) t.thirds.set(slot, (byThird = new Map()));
            const third = prefix.charCodeAt(2);
            slot = byThird.get(third) ?? 0;
            if (!slot) byThird.set(third, (slot = t.lists.push([]) - 1));
          }
        } else {
          const code = lang === 'en' ? wordKeyNumber(prefix.slice(0, 3)) : prefix.charCodeAt(0);
          if (!t.slots[code]) t.slots[code] = t.lists.push([]) - 1;
          slot = t.slots[code]!;
        }
        const entries = t.lists[slot]!;
        const entry = entries.find((e) => e.prefix === prefix);
        if (entry) entry.candidates.push(candidate);
        else entries.push({ prefix, candidates: [candidate], free: [] });
      }
    };
    for (const pattern of lexicon.patterns) file({ facet: facetIndex, pattern });
    for (const co of lexicon.all) {
      file({ facet: facetIndex, pattern: co.head, co });
      co.others.forEach((pattern, index) => file({ facet: facetIndex, pattern, part: { co, index } }));
    }
    for (const pattern of facet.exclude?.[lang] ?? [])
      file({ facet: facetIndex, pattern: keyed(pattern, lang), exclude: true });
  });
  if (!table) return undefined;
  table.pairs = new PairIndex(pairs);
  for (const entry of table.lists.flat()) {
    for (const candidate of entry.candidates) {
      const { followers, literal } = candidate.pattern;
      if (!followers || literal) {
        entry.free.push(candidate);
        continue;
      }
      entry.byFollower ??= new Map();
      for (const key of followers) {
        const list = entry.byFollower.get(key);
        if (list) list.push(candidate);
        else entry.byFollower.set(key, [candidate]);
      }
    }
  }
  return table;
}

function withDocs(info: RuleInfo, docs: string | undefined): RuleInfo {
  if (docs) info.docs = docs;
  return info;
}
