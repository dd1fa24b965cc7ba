// Prints, for each Markdown file given, the coverage the built-in pack finds, facet by facet,
// with the evidence sentences, so a reviewer can read the results against the text.
//   node scripts/coverage-report.mjs [--brief] FILE...
// The engine and the YAML pack are bundled on the fly with esbuild (nothing is written to dist/).
import { build } from 'esbuild';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { tmpdir } from 'node:os';
import YAML from 'yaml';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const args = process.argv.slice(2);
const brief = args.includes('--brief');
const files = args.filter((a) => !a.startsWith('--'));
const out = path.join(tmpdir(), `cpl-coverage-report-${process.pid}.cjs`);
await build({
  stdin: {
    contents:
      "export { lint, builtinPackSource } from './engine'; export { alternation } from './engine/pack/compile';",
    resolveDir: root,
    loader: 'ts',
  },
  bundle: true,
  platform: 'node',
  format: 'cjs',
  outfile: out,
  logLevel: 'warning',
  plugins: [
    {
      name: 'yaml-as-json',
      setup(b) {
        b.onLoad({ filter: /\.ya?ml$/ }, async (a) => ({
          contents: JSON.stringify(YAML.parse(await readFile(a.path, 'utf8'))),
          loader: 'json',
        }));
      },
    },
  ],
});
const { lint, builtinPackSource, alternation } = await import(pathToFileURL(out).href);
const why = args.includes('--why');
// Which lexicon entries of a facet match inside a sentence (for --why).
function matchedEntries(elementId, facetId, sentence) {
  const facet = builtinPackSource()
    .elements.find((e) => e.id === elementId)
    .facets.find((f) => f.id === facetId);
  const hits = [];
  for (const lang of ['en', 'zh']) {
    for (const entry of facet.match[lang] ?? []) {
      const parts = typeof entry === 'string' ? [entry] : entry.all;
      const found = parts.map((p) => alternation([p], lang).exec(sentence)?.[0]);
      if (found.every(Boolean)) hits.push(found.join('+'));
    }
  }
  return hits.join(' | ');
}
const check = args.includes('--check');
// --check: compares the result with the fixture markers (covers / not / status) and lists every
// difference, where the fixture test stops at the first.
function checkMarkers(text, result) {
  const facetLines = (el, fa) =>
    new Set(
      (result.coverage.elements.find((e) => e.id === el)?.facets.find((f) => f.id === fa)?.evidence ?? []).map(
        (ev) => ev.range.start.line + 1,
      ),
    );
  const problems = [];
  text.split('\n').forEach((line, i) => {
    for (const m of line.matchAll(/<!--\s*(covers|not|status):\s*([^>]*?)\s*-->/g)) {
      for (const w of m[2].split(/[\s,]+/).filter(Boolean)) {
        if (m[1] === 'status') {
          const [el, st] = w.split('=');
          const actual = result.coverage.elements.find((e) => e.id === el)?.status;
          if (actual !== st) problems.push(`status ${el}: expected ${st}, got ${actual}`);
          continue;
        }
        const [el, fa] = w.split('/');
        const has = facetLines(el, fa).has(i + 1);
        if (m[1] === 'covers' && !has) problems.push(`L${i + 1} misses ${w}: ${line.slice(0, 70)}`);
        if (m[1] === 'not' && has) problems.push(`L${i + 1} wrongly covers ${w}: ${line.slice(0, 70)}`);
      }
    }
  });
  // Evidence on lines that carry no marker for that facet: possible false positives to review.
  const marked = new Set();
  text.split('\n').forEach((line, i) => {
    for (const m of line.matchAll(/<!--\s*covers:\s*([^>]*?)\s*-->/g))
      for (const w of m[1].split(/[\s,]+/)) marked.add(`${i + 1}:${w}`);
  });
  for (const e of result.coverage.elements)
    for (const f of e.facets)
      for (const ev of f.evidence) {
        const key = `${ev.range.start.line + 1}:${e.id}/${f.id}`;
        if (!marked.has(key))
          problems.push(`unmarked L${key}: [${matchedEntries(e.id, f.id, ev.text)}] ${ev.text.slice(0, 60)}`);
      }
  return problems;
}
for (const file of files) {
  const text = await readFile(file, 'utf8');
  if (check) {
    const result = lint(text, { maxEvidence: 1000 });
    console.log(`\n=== ${path.basename(file)}`);
    for (const p of checkMarkers(text, result)) console.log('  ' + p);
    continue;
  }
  const result = lint(text, { maxEvidence: brief ? 1 : 50 });
  console.log(`\n=== ${path.basename(file)} (${result.language}) score ${result.coverage.score}`);
  for (const e of result.coverage.elements) {
    const facets = e.facets.map((f) => `${f.covered ? '+' : '-'}${f.id}`).join(' ');
    console.log(`${e.status.padEnd(8)} ${e.id}: ${facets}`);
    if (brief) continue;
    for (const f of e.facets) {
      for (const ev of f.evidence)
        console.log(
          `    ${f.id} L${ev.range.start.line + 1}: ${why ? '[' + matchedEntries(e.id, f.id, ev.text) + '] ' : ''}${ev.text.slice(0, why ? 90 : 160)}`,
        );
    }
  }
}
