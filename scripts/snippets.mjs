// Writes the extension's Markdown snippets (dist/snippets.json) from the built-in pack's templates:
// the whole draft and each section, in English and Chinese. Generated at packaging time so the
// snippets can never drift from the templates the quick fixes insert.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import YAML from 'yaml';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const pack = YAML.parse(await readFile(path.join(root, 'packs/sme-cluster.yaml'), 'utf8'));

// `$` starts a tab stop in a snippet; `[placeholder]` in a template becomes one, the rest is text.
const escape = (text) => text.replace(/[$}\\]/g, '\\$&');
function body(template, first = 1) {
  let n = first;
  const lines = escape(template.trim()).replace(/\[([^\]\n]*)\]/g, (_, hint) => `\${${n++}:${hint.trim() || '…'}}`);
  return { lines: lines.split('\n'), next: n };
}

const snippets = {};
const structure = pack.drafting?.structure ?? [];
for (const lang of ['en', 'zh']) {
  const suffix = lang === 'zh' ? '-zh' : '';
  const label = lang === 'zh' ? '（中文）' : ' (English)';
  for (const element of pack.elements ?? []) {
    snippets[`${element.id}${suffix}`] = {
      // One prefix each: the language server already offers sections by title, uncovered first,
      // and a second prefix made every section appear twice more in the completion list.
      prefix: `cpl-${element.id}${suffix}`,
      description: `${element.title[lang]}${label}: ${element.asks[lang]}`,
      body: body(element.template[lang]).lines,
    };
  }
  for (const part of structure) {
    snippets[`part-${part.id}${suffix}`] = {
      prefix: `cpl-${part.id}${suffix}`,
      description: `${part.title[lang]}${label}`,
      body: body(part.template[lang]).lines,
    };
  }
  // The whole draft: a title, then every part of a draft's structure with its template.
  let next = 2;
  const lines = [
    lang === 'zh' ? '# ${1:××县××产业集群发展规划（2027—2030年）}' : '# ${1:County cluster development plan 2027–2030}',
    '',
  ];
  for (const part of structure) {
    const b = body(part.template[lang], next);
    next = b.next;
    lines.push(...b.lines, '');
  }
  snippets[`draft${suffix}`] = {
    prefix: [`cpl-draft${suffix}`],
    description: lang === 'zh' ? '完整的集群政策草案框架（中文）' : 'A whole cluster policy draft (English)',
    body: lines,
  };
}

await mkdir(path.join(root, 'dist'), { recursive: true });
await writeFile(path.join(root, 'dist/snippets.json'), `${JSON.stringify(snippets, null, 2)}\n`);
console.log(`dist/snippets.json: ${Object.keys(snippets).length} snippets`);
