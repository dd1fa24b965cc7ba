import { isNode, type Document } from 'yaml';
import { LineIndex } from '../text/lineIndex';
import type { ConfigProblem, Range } from '../types';
import { compilePack, mergePackSources } from './compile';
import { builtinPack, builtinPackSource } from './builtin';
import type { Pack } from './compiled';
import type { PackSource } from './schema';
import { validatePack, type DataPath } from './validate';
import { readYamlText } from './yamlText';

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
  const read = readYamlText(text, { strict: false });
  if (!read.ok)
    return {
      problems: read.problems.map((p) => ({
        source: sourceName,
        message: `This pack is not valid YAML or JSON. ${p.message}`,
        range: lines.rangeOf({ start: p.offset, end: p.offset }),
      })),
    };
  const { doc } = read;
  const { pack, problems } = validatePack(read.value);
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
function rangeOfPath(doc: Document, path: DataPath, lines: LineIndex): Range | undefined {
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
