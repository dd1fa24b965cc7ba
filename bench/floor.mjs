// The parse floor: what any Markdown tool must at least do with the benchmark's files. It walks
// the same folders as the CLI, reads every *.md and parses it with markdown-it (the engine's own
// parser, default preset, block and inline), applying no rule. With --read-only it only reads.
//
//   node bench/floor.mjs [--read-only] PATH...
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import MarkdownIt from 'markdown-it';

const args = process.argv.slice(2);
const readOnly = args.includes('--read-only');
const operands = args.filter((a) => !a.startsWith('--'));

function* drafts(p) {
  if (statSync(p).isDirectory()) {
    for (const entry of readdirSync(p, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (entry.name === 'node_modules') continue;
      const child = path.join(p, entry.name);
      if (entry.isDirectory()) yield* drafts(child);
      else if (entry.name.endsWith('.md')) yield child;
    }
  } else yield p;
}

const md = new MarkdownIt();
let files = 0;
let tokens = 0;
for (const operand of operands) {
  for (const file of drafts(operand)) {
    const text = readFileSync(file, 'utf8');
    files++;
    if (!readOnly) tokens += md.parse(text, {}).length;
  }
}
process.stdout.write(JSON.stringify({ files, tokens }) + '\n');
