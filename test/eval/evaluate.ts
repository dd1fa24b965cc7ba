/**
 * `npm run eval`: lints every labelled text and compares the tool's coverage with the readers'
 * labels (see README.md here). Prints agreement, precision and recall overall, per language, per
 * category (the off-topic look-alikes apart) and per element, then every disagreement with its
 * evidence. `--check` fails when a headline figure falls below the committed `figures.json`;
 * `--write` records the figures; `--holdout` scores the held-out drafts instead of the dev set;
 * `--json` prints every scored cell instead, for scripts.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { builtinPack, lint, type ElementCoverage } from '../../engine';
import { scoreMeasures } from './measureEval';

type Label = 'covered' | 'not-covered' | 'lookalike' | 'ambiguous';
interface FacetLabel {
  label: Label;
  quote?: string;
  reason?: string;
}
interface LabelFile {
  text: string;
  category: 'on-topic' | 'partly' | 'off-topic';
  facets: Record<string, Record<string, FacetLabel>>;
}

/** One scored cell: a facet of a text, the readers' label and the tool's verdict. */
interface Cell {
  file: string;
  lang: 'en' | 'zh';
  category: LabelFile['category'];
  element: string;
  facet: string;
  label: Exclude<Label, 'ambiguous'>;
  quote?: string;
  tool: boolean;
  evidence?: string;
}

interface ElementCell {
  file: string;
  lang: 'en' | 'zh';
  category: LabelFile['category'];
  element: string;
  label: 'covered' | 'partial' | 'missing';
  tool: string;
}

const HERE = path.resolve(__dirname, '../test/eval');
const SHARED = path.resolve(__dirname, '../../shared');
const args = new Set(process.argv.slice(2));
const holdout = args.has('--holdout');
const labelDir = path.join(HERE, holdout ? 'holdout/labels' : 'labels');

function textOf(ref: string): string {
  const file = ref.startsWith('corpus/') ? path.join(SHARED, ref) : path.join(HERE, ref);
  if (!existsSync(file))
    throw new Error(`${ref}: no such text (${file}); the corpus lives in ../shared beside the checkout`);
  return readFileSync(file, 'utf8');
}

/** The element's label from its facets' labels and k, or undefined when ambiguous facets decide it. */
function elementLabel(facets: FacetLabel[], k: number): ElementCell['label'] | undefined {
  const covered = facets.filter((f) => f.label === 'covered').length;
  const open = facets.filter((f) => f.label === 'ambiguous').length;
  const status = (n: number) => (n >= k ? 'covered' : n > 0 ? 'partial' : 'missing');
  return status(covered) === status(covered + open) ? status(covered) : undefined;
}

const pack = builtinPack();
const cells: Cell[] = [];
const elementCells: ElementCell[] = [];
for (const name of readdirSync(labelDir)
  .filter((f) => f.endsWith('.yaml'))
  .sort()) {
  const labels = YAML.parse(readFileSync(path.join(labelDir, name), 'utf8')) as LabelFile;
  const file = name.replace(/\.yaml$/, '');
  const lang = file.startsWith('zh-') ? 'zh' : 'en';
  const result = lint(textOf(labels.text), { pack });
  for (const element of result.coverage.elements) {
    const byFacet = labels.facets[element.id];
    if (!byFacet) throw new Error(`${name}: no labels for ${element.id}`);
    for (const facet of element.facets) {
      const label = byFacet[facet.id];
      if (!label) throw new Error(`${name}: no label for ${element.id}/${facet.id}`);
      if (label.label === 'ambiguous') continue;
      const cell: Cell = {
        file,
        lang,
        category: labels.category,
        element: element.id,
        facet: facet.id,
        label: label.label,
        tool: facet.covered,
      };
      if (label.quote) cell.quote = label.quote;
      if (facet.evidence[0]) cell.evidence = facet.evidence[0].text;
      cells.push(cell);
    }
    const expected = elementLabel(
      element.facets.map((f) => byFacet[f.id]!),
      element.k,
    );
    if (expected)
      elementCells.push({
        file,
        lang,
        category: labels.category,
        element: element.id,
        label: expected,
        tool: (element as ElementCoverage).status,
      });
  }
}

/** Agreement, precision and recall of a set of cells. */
function score(set: Cell[]) {
  const tp = set.filter((c) => c.tool && c.label === 'covered').length;
  const fp = set.filter((c) => c.tool && c.label !== 'covered').length;
  const fn = set.filter((c) => !c.tool && c.label === 'covered').length;
  const agree = set.filter((c) => c.tool === (c.label === 'covered')).length;
  const lookalikes = set.filter((c) => c.label === 'lookalike');
  return {
    cells: set.length,
    agreement: set.length ? agree / set.length : 1,
    precision: tp + fp ? tp / (tp + fp) : 1,
    recall: tp + fn ? tp / (tp + fn) : 1,
    lookalikeHits: lookalikes.length ? lookalikes.filter((c) => c.tool).length / lookalikes.length : 0,
    tp,
    fp,
    fn,
  };
}

function elementAgreement(set: ElementCell[]): number {
  return set.length ? set.filter((c) => c.tool === c.label).length / set.length : 1;
}

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
const rows: [string, Cell[], ElementCell[]][] = [
  ['all', cells, elementCells],
  ['English', cells.filter((c) => c.lang === 'en'), elementCells.filter((c) => c.lang === 'en')],
  ['Chinese', cells.filter((c) => c.lang === 'zh'), elementCells.filter((c) => c.lang === 'zh')],
  ['on-topic', cells.filter((c) => c.category === 'on-topic'), elementCells.filter((c) => c.category === 'on-topic')],
  [
    'partly on-topic',
    cells.filter((c) => c.category === 'partly'),
    elementCells.filter((c) => c.category === 'partly'),
  ],
  [
    'off-topic look-alikes',
    cells.filter((c) => c.category === 'off-topic'),
    elementCells.filter((c) => c.category === 'off-topic'),
  ],
];
const out: string[] = [
  `${holdout ? 'Held-out drafts' : 'Development set'}: ${new Set(cells.map((c) => c.file)).size} texts, ${cells.length} facet cells and ${elementCells.length} element cells scored (ambiguous ones left out).`,
  '',
];
out.push(
  '| set | facet cells | agreement | precision | recall | look-alikes counted | element agreement |',
  '|---|---|---|---|---|---|---|',
);
for (const [name, set, elements] of rows) {
  const s = score(set);
  out.push(
    `| ${name} | ${s.cells} | ${pct(s.agreement)} | ${pct(s.precision)} (${s.tp}/${s.tp + s.fp}) | ${pct(s.recall)} (${s.tp}/${s.tp + s.fn}) | ${pct(s.lookalikeHits)} | ${pct(elementAgreement(elements))} (${elements.length}) |`,
  );
}
out.push(
  '',
  '| element | facet cells | agreement | precision | recall | element agreement |',
  '|---|---|---|---|---|---|',
);
for (const element of pack.elements) {
  const s = score(cells.filter((c) => c.element === element.id));
  const e = elementCells.filter((c) => c.element === element.id);
  out.push(
    `| ${element.id} | ${s.cells} | ${pct(s.agreement)} | ${pct(s.precision)} | ${pct(s.recall)} | ${pct(elementAgreement(e))} |`,
  );
}
if (!args.has('--quiet')) {
  out.push('', 'Disagreements (FP: the tool counts a facet the readers do not; FN: it misses one they do):');
  for (const c of cells.filter((x) => x.tool !== (x.label === 'covered'))) {
    const kind = c.tool ? `FP (${c.label})` : 'FN';
    out.push(`- ${c.file} ${c.element}/${c.facet} ${kind}`);
    if (c.tool && c.evidence) out.push(`    tool:   ${c.evidence.slice(0, 140)}`);
    if (c.quote) out.push(`    reader: ${c.quote.slice(0, 140)}`);
  }
}
// The measure rules and vague commitments, on the texts whose measures the readers labelled.
const measures = scoreMeasures(HERE, holdout ? 'holdout/measures' : 'measures', textOf);
out.push(
  '',
  `Measure rules on ${measures.texts} labelled drafts (${measures.units} units a reader saw in measures or objectives sections):`,
  '',
  '| rule | cells | agreement | false findings | missed |',
  '|---|---|---|---|---|',
  ...measures.rules.map(
    (r) => `| ${r.rule} | ${r.cells} | ${pct(r.cells ? r.agree / r.cells : 1)} | ${r.falseFindings} | ${r.missed} |`,
  ),
);
if (!args.has('--quiet')) for (const r of measures.rules) for (const p of r.problems) out.push(`- ${r.rule}: ${p}`);
if (args.has('--json')) console.log(JSON.stringify({ cells, elementCells }));
else console.log(out.join('\n'));

// The regression gate: the headline figures, committed in figures.json.
const headline = (() => {
  const all = score(cells);
  const off = score(cells.filter((c) => c.category === 'off-topic'));
  return {
    agreement: all.agreement,
    precision: all.precision,
    recall: all.recall,
    offTopicPrecision: off.precision,
    elementAgreement: elementAgreement(elementCells),
  };
})();
const figuresFile = path.join(HERE, holdout ? 'holdout/figures.json' : 'figures.json');
if (args.has('--write'))
  writeFileSync(
    figuresFile,
    `${JSON.stringify(Object.fromEntries(Object.entries(headline).map(([k, v]) => [k, Number(v.toFixed(4))])), null, 2)}\n`,
  );
if (args.has('--check')) {
  const committed = JSON.parse(readFileSync(figuresFile, 'utf8')) as Record<string, number>;
  // Half a percentage point of slack: one cell of the set moves a figure by about 0.1 point.
  const fallen = Object.entries(headline).filter(([k, v]) => committed[k] !== undefined && v < committed[k]! - 0.005);
  if (fallen.length) {
    console.error(
      `\nThe judgement got worse than the committed figures (${path.relative(process.cwd(), figuresFile)}):`,
    );
    for (const [k, v] of fallen) console.error(`  ${k}: ${pct(v)}, committed ${pct(committed[k]!)}`);
    process.exitCode = 1;
  } else
    console.log(`\nNo headline figure fell below the committed ones (${path.relative(process.cwd(), figuresFile)}).`);
}
