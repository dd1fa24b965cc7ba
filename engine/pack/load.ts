import YAML, { isNode } from 'yaml';
import { LineIndex } from '../text/lineIndex';
import type { ConfigProblem, Range } from '../types';
import { compilePack, mergePackSources } from './compile';
import { builtinPack, builtinPackSource } from './builtin';
import type { Pack } from './compiled';
import type { PackSource } from './schema';
import { validatePack, type DataPath } from './validate';

/** The result of loading a pack's text: what could be used, and what was wrong, with lines. */
export interface LoadedPackText {
  pack?: PackSource;
  problems: ConfigProblem[];
}

/**
 * Parses and validates a pack written in YAML or JSON (JSON is read by the same YAML 1.2 parser).
 * Problems carry the range in `text` they are about; the usable rest of the pack is returned.
 * Never throws.
 */
export function loadPackText(text: string, sourceName: string): LoadedPackText {
  const lines = new LineIndex(text);
  const doc = YAML.parseDocument(text, { uniqueKeys: true, strict: false });
  const syntax = doc.errors.map((e) => ({
    source: sourceName,
    message: `This pack is not valid YAML or JSON: ${e.message.split('\n')[0]}`,
    range: lines.rangeOf({ start: e.pos[0], end: Math.max(e.pos[1], e.pos[0]) }),
  }));
  if (syntax.length) return { problems: syntax };
  const { pack, problems } = validatePack(doc.toJS({ maxAliasCount: 100 }));
  const out: LoadedPackText = {
    problems: problems.map((p) => {
      const problem: ConfigProblem = { source: sourceName, message: p.message };
      const range = rangeOfPath(doc, p.path, lines);
      if (range) problem.range = range;
      return problem;
    }),
  };
  if (pack) out.pack = pack;
  return out;
}

/** The range of the node at `path`, or of its nearest ancestor that exists. */
function rangeOfPath(doc: YAML.Document, path: DataPath, lines: LineIndex): Range | undefined {
  for (let n = path.length; n >= 0; n--) {
    const node = n === 0 ? doc.contents : doc.getIn(path.slice(0, n), true);
    if (isNode(node) && node.range) return lines.rangeOf({ start: node.range[0], end: node.range[1] });
  }
  return undefined;
}

/**
 * Compiles the built-in pack and a user's packs (already loaded) into one pack. A user's element
 * with a built-in id replaces the built-in one; other elements are added.
 */
export function combinePacks(builtin: PackSource, extra: PackSource[] = []): Pack {
  // The built-in pack alone is compiled once per thread, however many callers ask for it.
  if (extra.length === 0 && builtin === builtinPackSource()) return builtinPack();
  const sources = [builtin, ...extra];
  return compilePack(
    mergePackSources(sources),
    sources.map((s) => s.pack),
  );
}
