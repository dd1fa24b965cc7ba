// One esbuild script for every bundle: the CLI, the language server, the VS Code extension and,
// with --tests, every test file. Type checking is `tsc --noEmit`, kept separate because esbuild
// only strips types.
import { build } from 'esbuild';
import { readFile, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import YAML from 'yaml';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const args = new Set(process.argv.slice(2));
const production = args.has('--production');

/**
 * Rule packs are authored in YAML. The built-in pack is turned into JSON at build time so that
 * start-up never pays for YAML parsing; it is validated at load time by the same loader as a
 * user's pack (and a test loads the YAML text itself through that loader, with line numbers).
 */
const yamlAsJson = {
  name: 'yaml-as-json',
  setup(b) {
    b.onLoad({ filter: /\.ya?ml$/ }, async (args) => {
      const text = await readFile(args.path, 'utf8');
      const doc = YAML.parseDocument(text);
      if (doc.errors.length) {
        const e = doc.errors[0];
        return { errors: [{ text: e.message, location: { file: args.path, line: e.linePos?.[0]?.line ?? 1 } }] };
      }
      return { contents: JSON.stringify(doc.toJS()), loader: 'json' };
    });
  },
};

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: production ? false : 'linked',
  minify: production,
  logLevel: 'warning',
  plugins: [yamlAsJson],
  absWorkingDir: root,
  // Prefer a package's ES module build: jsonc-parser's CommonJS entry is a UMD wrapper whose
  // dynamic requires esbuild cannot follow.
  mainFields: ['module', 'main'],
};

/**
 * The web build of the server runs in a browser worker, where there is no `node:path`: the paths
 * its configuration resolver sees are those of document URIs, so a small POSIX path module that
 * never consults `process` stands in for it (project/posixPath.ts).
 */
const posixPathForTheWeb = {
  name: 'posix-path-for-the-web',
  setup(b) {
    b.onResolve({ filter: /^(node:)?path$/ }, () => ({ path: path.join(root, 'project', 'posixPath.ts') }));
  },
};

/** The browser bundles: the web extension (CommonJS, as VS Code loads it) and the worker script. */
const web = {
  ...common,
  platform: 'browser',
  target: 'es2022',
  mainFields: ['browser', 'module', 'main'],
  plugins: [yamlAsJson, posixPathForTheWeb],
  // There is no `process` in a browser; the few dependencies that look for one first ask whether
  // it is there, and this answers no at build time, so the bundle names no `process` at all.
  define: { process: 'undefined' },
};

async function listTests(dir) {
  const out = [];
  for (const entry of await readdir(path.join(root, dir), { withFileTypes: true })) {
    const rel = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await listTests(rel)));
    else if (entry.name.endsWith('.test.ts')) out.push(rel);
  }
  return out;
}

const entries = [
  // The executable is tiny so that `--version` and `--help` never load the engine.
  // cli-worker is the CLI's worker-thread script for linting many drafts at once.
  {
    entryPoints: {
      cli: 'cli/bin.ts',
      'cli-main': 'cli/main.ts',
      'cli-worker': 'cli/worker.ts',
      server: 'server/bin.ts',
    },
    outdir: 'dist',
  },
  { entryPoints: { extension: 'client/extension.ts' }, outdir: 'dist', external: ['vscode'] },
  // vscode.dev and github.dev: the `browser` entry of package.json, and the language server as a
  // classic worker script (an IIFE, self-contained), started from a blob: script with importScripts.
  { ...web, entryPoints: { extension: 'client/webExtension.ts' }, outdir: 'dist/web', external: ['vscode'] },
  { ...web, entryPoints: { server: 'server/webMain.ts' }, outdir: 'dist/web', format: 'iife' },
];

await rm(path.join(root, 'dist'), { recursive: true, force: true });
const jobs = [];
for (const e of entries) {
  const present = Object.fromEntries(
    await Promise.all(Object.entries(e.entryPoints).map(async ([k, v]) => [k, (await exists(v)) ? v : null])).then(
      (pairs) => pairs.filter(([, v]) => v),
    ),
  );
  if (Object.keys(present).length) jobs.push(build({ ...common, ...e, entryPoints: present }));
}
if (args.has('--tests')) {
  await rm(path.join(root, 'dist-test'), { recursive: true, force: true });
  const tests = await listTests('test');
  jobs.push(
    build({
      ...common,
      entryPoints: tests,
      outdir: 'dist-test',
      outbase: 'test',
      // playwright-core finds its own files at run time, so the report's browser tests load it from node_modules.
      external: ['vscode', 'playwright-core'],
      sourcemap: 'inline',
    }),
  );
}
if (args.has('--eval')) {
  // `npm run eval`: the labelled development set (test/eval/).
  jobs.push(build({ ...common, entryPoints: { evaluate: 'test/eval/evaluate.ts' }, outdir: 'dist-eval' }));
}
await Promise.all(jobs);

async function exists(p) {
  try {
    await readFile(path.join(root, p));
    return true;
  } catch {
    return false;
  }
}
