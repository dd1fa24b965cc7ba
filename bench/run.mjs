// `npm run bench`: the whole benchmark of issue 6, side by side with the tools users know.
//
//   node bench/run.mjs [--runs 5] [--only cli,server,startup,vsix] [--no-build] [--no-markdownlint]
//                      [--no-write] [--dist DIR]
//
// 1. builds (scripts/build.mjs) and copies dist/ to a private snapshot, so a concurrent rebuild of
//    the work tree cannot change the code under test half-way;
// 2. writes the deterministic corpus (bench/corpus.mjs) to a cache folder outside the repository;
// 3. installs markdownlint-cli2 into bench/.tools/ (never a dependency of the project);
// 4. runs whole processes, alternating the tools run by run (the order rotates each round), 5 runs
//    each after one unmeasured warm-up: read only, the markdown-it parse floor, our CLI and
//    markdownlint-cli2, on 2,000 × 8 KB drafts (English, Chinese) and one 5 MB draft (each);
//    peak memory is GNU time's "maximum resident set size";
// 5. the language server (bench/lsp.mjs), start-up, the extension's load and activation, the .vsix;
// 6. writes bench/results/<date>-<machine id>.md and .json and prints the table.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensureCorpus } from './corpus.mjs';
import { measureServer } from './lsp.mjs';
import { ROOT, fmtMB, fmtMs, fmtS, fmtX, gnuTime, machine, runProcess, summary } from './lib.mjs';

const MARKDOWNLINT_CLI2 = '0.22.1';
const TOOLS = path.join(ROOT, 'bench', '.tools');

const argv = process.argv.slice(2);
const flag = (name) => argv.includes(name);
const option = (name, fallback) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : fallback;
};
const RUNS = Number(option('--runs', '5'));
const ONLY = new Set(option('--only', 'cli,server,startup,vsix').split(','));
const log = (m) => console.error(m);

// The targets. The headline ones are at the sizes users have (issue 21): a folder of real-sized
// drafts through the CLI, and an edit of a 20 KB draft in the server. The rest are issue 6's,
// measured on batches and drafts far larger than real ones: the 1 MB draft is a stress test with
// a ceiling. They are read here and never loosened.
const TARGET = {
  folderSeconds: 3,
  folderVsMarkdownlint: 10,
  server20k: 16,
  many: 1.5,
  big: 2,
  vsMarkdownlint: 10,
  memory: 2,
  version: 1.5,
  server1m: 30,
  server100k: 5,
  serverMemoryMB: 150,
  vsixMB: 1.5,
};

function git(...args) {
  const r = spawnSync('git', args, { cwd: ROOT, encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : '';
}

function toolVersions() {
  const v = (file) => {
    try {
      return JSON.parse(readFileSync(file, 'utf8')).version;
    } catch {
      return undefined;
    }
  };
  return {
    'markdown-it': v(path.join(ROOT, 'node_modules/markdown-it/package.json')),
    'markdownlint-cli2': v(path.join(TOOLS, 'node_modules/markdownlint-cli2/package.json')),
    markdownlint: v(path.join(TOOLS, 'node_modules/markdownlint/package.json')),
    'cluster-policy-lint': v(path.join(ROOT, 'package.json')),
    'GNU time': gnuTime()
      ? spawnSync('dpkg-query', ['-W', '-f=${Version}', 'time'], { encoding: 'utf8' }).stdout?.trim() || 'present'
      : 'missing',
  };
}

/** Builds and snapshots dist/ so that the code measured does not change under our feet. */
function snapshotDist() {
  const given = option('--dist');
  if (given) return path.resolve(given);
  if (!flag('--no-build')) {
    log('building (node scripts/build.mjs) …');
    const b = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, stdio: 'inherit' });
    if (b.status !== 0) throw new Error('the build failed');
  }
  const snap = path.join(os.tmpdir(), 'cluster-policy-lint-bench', `dist-${process.pid}`);
  rmSync(snap, { recursive: true, force: true });
  cpSync(path.join(ROOT, 'dist'), snap, { recursive: true });
  return snap;
}

function ensureMarkdownlint() {
  const bin = path.join(TOOLS, 'node_modules', 'markdownlint-cli2', 'markdownlint-cli2-bin.mjs');
  if (existsSync(bin)) return bin;
  log(`installing markdownlint-cli2@${MARKDOWNLINT_CLI2} into bench/.tools (benchmark only) …`);
  mkdirSync(TOOLS, { recursive: true });
  if (!existsSync(path.join(TOOLS, 'package.json')))
    writeFileSync(
      path.join(TOOLS, 'package.json'),
      JSON.stringify(
        {
          name: 'cluster-policy-lint-bench-tools',
          private: true,
          description: 'Benchmark-only tools; not a dependency of the project.',
        },
        null,
        2,
      ),
    );
  const r = spawnSync(
    'npm',
    ['install', '--no-save', '--no-audit', '--no-fund', '--prefix', TOOLS, `markdownlint-cli2@${MARKDOWNLINT_CLI2}`],
    { cwd: TOOLS, stdio: 'inherit' },
  );
  if (r.status !== 0 || !existsSync(bin)) throw new Error('could not install markdownlint-cli2');
  return bin;
}

// ---------------------------------------------------------------------------------------------
// Whole-process runs

async function wholeProcess(dist, corpus) {
  const floor = path.join(ROOT, 'bench', 'floor.mjs');
  const markdownlint = flag('--no-markdownlint') ? undefined : ensureMarkdownlint();
  const sets = [
    {
      id: 'enFolder',
      label: 'a folder of 300 real-sized drafts (10–22 KB), English',
      dir: corpus.enFolder,
      kind: 'folder',
    },
    {
      id: 'zhFolder',
      label: 'a folder of 300 real-sized drafts (10–22 KB), Chinese',
      dir: corpus.zhFolder,
      kind: 'folder',
    },
    { id: 'enMany', label: '2,000 × 8 KB, English', dir: corpus.enMany, kind: 'many' },
    { id: 'zhMany', label: '2,000 × 8 KB, Chinese', dir: corpus.zhMany, kind: 'many' },
    { id: 'enBig', label: 'one 5 MB draft, English', dir: corpus.enBig, kind: 'big' },
    { id: 'zhBig', label: 'one 5 MB draft, Chinese', dir: corpus.zhBig, kind: 'big' },
  ];
  const tools = [
    { id: 'read', label: 'read the files in Node', cmd: (dir) => [process.execPath, [floor, '--read-only', dir]] },
    { id: 'floor', label: 'markdown-it parse floor (no rules)', cmd: (dir) => [process.execPath, [floor, dir]] },
    {
      id: 'ours',
      label: 'cluster-policy-lint --format json',
      cmd: (dir) => [process.execPath, [path.join(dist, 'cli.js'), '--format', 'json', dir]],
      ok: [0, 1],
    },
    ...(markdownlint
      ? [
          {
            id: 'markdownlint',
            label: 'markdownlint-cli2 (default rules)',
            cmd: () => [process.execPath, [markdownlint, '**/*.md']],
            cwdIsDir: true,
            ok: [0, 1],
          },
        ]
      : []),
  ];
  const results = [];
  for (const set of sets) {
    const samples = Object.fromEntries(tools.map((t) => [t.id, []]));
    const run = (tool) => {
      const [cmd, args] = tool.cmd(set.dir);
      return runProcess(cmd, args, { cwd: tool.cwdIsDir ? set.dir : path.dirname(set.dir), okCodes: tool.ok ?? [0] });
    };
    log(`${set.label}: warm-up …`);
    for (const tool of tools) await run(tool);
    for (let r = 0; r < RUNS; r++) {
      const order = tools.map((_, i) => tools[(i + r) % tools.length]);
      for (const tool of order) samples[tool.id].push(await run(tool));
      log(
        `${set.label}: run ${r + 1}/${RUNS}: ${tools.map((t) => `${t.id} ${fmtS(samples[t.id].at(-1).wallMs)}`).join(', ')}`,
      );
    }
    const rows = tools.map((t) => ({
      tool: t.id,
      label: t.label,
      wallMs: summary(samples[t.id].map((s) => s.wallMs)),
      cpuMs: summary(samples[t.id].map((s) => s.cpuMs)),
      maxRssKiB: summary(samples[t.id].map((s) => s.maxRssKiB)),
    }));
    results.push({ ...set, rows });
  }
  return results;
}

// ---------------------------------------------------------------------------------------------
// Start-up and the extension

function timeSpawn(cmd, args) {
  const t = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')}: ${r.stderr}`);
  return Number(process.hrtime.bigint() - t) / 1e6;
}

function startup(dist) {
  const runs = Math.max(20, RUNS * 4);
  const bare = [];
  const version = [];
  const extension = path.join(dist, 'extension.js');
  const activation = path.join(ROOT, 'bench', 'activation.cjs');
  const extLoad = [];
  const hasExtension = existsSync(extension);
  for (let i = 0; i < 3; i++) {
    timeSpawn(process.execPath, ['-e', '0']);
    timeSpawn(process.execPath, [path.join(dist, 'cli.js'), '--version']);
  }
  for (let i = 0; i < runs; i++) {
    const pair = [
      () => bare.push(timeSpawn(process.execPath, ['-e', '0'])),
      () => version.push(timeSpawn(process.execPath, [path.join(dist, 'cli.js'), '--version'])),
    ];
    if (i % 2) pair.reverse();
    for (const f of pair) f();
  }
  const out = { runs, bareMs: summary(bare), versionMs: summary(version) };
  if (hasExtension) {
    const samples = [];
    for (let i = 0; i < runs; i++) {
      const r = spawnSync(process.execPath, [activation, extension], { encoding: 'utf8' });
      if (r.status !== 0) {
        out.extensionError = (r.stderr || r.stdout).slice(-2000);
        break;
      }
      samples.push(JSON.parse(r.stdout.trim().split('\n').pop()));
      extLoad.push(samples.at(-1).requireMs);
    }
    if (samples.length) {
      out.extension = {
        bundleBytes: statSync(extension).size,
        requireMs: summary(extLoad),
        activateMs: summary(samples.map((s) => s.activateMs).filter((x) => Number.isFinite(x))),
        activateOutcome: samples[0].outcome,
      };
    }
  }
  return out;
}

function vsix() {
  const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  if (!pkg.scripts?.package) return { error: 'package.json has no "package" script yet' };
  // Packaging runs in a copy of the committed tree (git archive HEAD) with the work tree's
  // node_modules linked in, so it neither rebuilds the shared dist/ nor leaves a .vsix behind.
  const dir = path.join(os.tmpdir(), 'cluster-policy-lint-bench', `vsix-${process.pid}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const archive = spawnSync(
    'bash',
    ['-c', `git -C "${ROOT}" archive HEAD | tar -x -C "${dir}" && ln -s "${ROOT}/node_modules" "${dir}/node_modules"`],
    { encoding: 'utf8' },
  );
  if (archive.status !== 0) return { error: archive.stderr };
  const r = spawnSync('npm', ['run', 'package'], { cwd: dir, encoding: 'utf8' });
  const files = readdirSync(dir).filter((f) => f.endsWith('.vsix'));
  const result = files.length
    ? { file: files[0], bytes: statSync(path.join(dir, files[0])).size, commit: git('rev-parse', '--short', 'HEAD') }
    : { error: `npm run package made no .vsix (exit ${r.status}): ${(r.stderr || r.stdout).slice(-1500)}` };
  rmSync(dir, { recursive: true, force: true });
  return result;
}

// ---------------------------------------------------------------------------------------------
// Report

/** "met", or how far off: the measured value over the limit (or the limit over it, for a floor). */
function verdict(value, limit, atLeast = false) {
  if (!Number.isFinite(value)) return 'not measured';
  if (atLeast) return value >= limit ? 'met' : `**missed**: ${fmtX(limit / value)} short`;
  return value <= limit ? 'met' : `**missed** by ${fmtX(value / limit)}`;
}

function render(results) {
  const m = results.machine;
  const lines = [];
  lines.push(`# Benchmark ${results.date}, machine ${m.id}`, '');
  lines.push(
    `- Machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB, ${m.os}; load average at start ${m.loadAtStart}${m.loadAtEnd ? `, at end ${m.loadAtEnd}` : ''} (other work on the machine makes absolute times noisy; the runs alternate so ratios suffer less)`,
  );
  lines.push(
    `- Node ${m.node}; ${Object.entries(results.tools)
      .filter(([, v]) => v)
      .map(([k, v]) => `${k} ${v}`)
      .join('; ')}`,
  );
  lines.push(
    `- Commit ${results.commit}${results.dirty ? ' (work tree had uncommitted changes)' : ''}; ${results.runs} runs each, alternating, after one warm-up; medians with min–max`,
  );
  if (results.corpus)
    lines.push(
      `- Corpus v${results.corpus.version} (bench/corpus.mjs, seeded): ${Object.entries(results.corpus)
        .filter(([k]) => k !== 'version')
        .map(([k, v]) => `${k} ${v.files} files, ${(v.bytes / 2 ** 20).toFixed(1)} MiB`)
        .join('; ')}`,
    );
  lines.push('');
  const targets = [];
  if (results.cli) {
    lines.push('## Whole process', '');
    lines.push(
      'Wall time is measured around the whole process; CPU is user + system (our CLI lints on worker threads, one per core, so its CPU can exceed its wall time). Ratios are of medians.',
      '',
    );
    lines.push(
      '| corpus | tool | wall (median) | min–max | CPU | peak RSS | × floor (wall) | × floor (CPU) | × floor (RSS) | markdownlint-cli2 ÷ tool (wall) |',
    );
    lines.push('|---|---|---|---|---|---|---|---|---|---|');
    for (const set of results.cli) {
      const floor = set.rows.find((r) => r.tool === 'floor');
      const ml = set.rows.find((r) => r.tool === 'markdownlint');
      for (const r of set.rows) {
        lines.push(
          `| ${set.label} | ${r.label} | ${fmtS(r.wallMs.median)} | ${fmtS(r.wallMs.min)}–${fmtS(r.wallMs.max)} | ${fmtS(r.cpuMs.median)} | ${fmtMB(r.maxRssKiB.median)} | ${fmtX(r.wallMs.median / floor.wallMs.median)} | ${fmtX(r.cpuMs.median / floor.cpuMs.median)} | ${fmtX(r.maxRssKiB.median / floor.maxRssKiB.median)} | ${ml ? fmtX(ml.wallMs.median / r.wallMs.median) : '–'} |`,
        );
      }
      const ours = set.rows.find((r) => r.tool === 'ours');
      if (set.kind === 'folder') {
        targets.push([
          `**headline:** CLI ≤ ${TARGET.folderSeconds} s (wall), ${set.label}`,
          fmtS(ours.wallMs.median),
          verdict(ours.wallMs.median / 1000, TARGET.folderSeconds),
        ]);
        if (ml)
          targets.push([
            `**headline:** CLI ≥ ${TARGET.folderVsMarkdownlint}× faster than markdownlint-cli2, ${set.label}`,
            fmtX(ml.wallMs.median / ours.wallMs.median),
            verdict(ml.wallMs.median / ours.wallMs.median, TARGET.folderVsMarkdownlint, true),
          ]);
        continue;
      }
      const limit = set.kind === 'many' ? TARGET.many : TARGET.big;
      const ratio = ours.wallMs.median / floor.wallMs.median;
      targets.push([`CLI ≤ ${limit}× the parse floor, ${set.label}`, fmtX(ratio), verdict(ratio, limit)]);
      if (ml)
        targets.push([
          `CLI ≥ ${TARGET.vsMarkdownlint}× faster than markdownlint-cli2, ${set.label}`,
          fmtX(ml.wallMs.median / ours.wallMs.median),
          verdict(ml.wallMs.median / ours.wallMs.median, TARGET.vsMarkdownlint, true),
        ]);
      const mem = ours.maxRssKiB.median / floor.maxRssKiB.median;
      targets.push([
        `CLI peak memory ≤ ${TARGET.memory}× the floor's, ${set.label}`,
        `${fmtX(mem)} (${fmtMB(ours.maxRssKiB.median)} vs ${fmtMB(floor.maxRssKiB.median)})`,
        verdict(mem, TARGET.memory),
      ]);
    }
    lines.push('');
  }
  if (results.server) {
    lines.push('## Language server', '');
    const serverRuns = results.server.latency[0]?.runs ?? 1;
    lines.push(
      `${serverRuns} run${serverRuns === 1 ? '' : 's'} of 20 edits each (one character typed into the middle of a prose line, 60 ms apart, after 3 unmeasured ones), each run a new server, the runs alternating over the drafts and modes, through a real stdio connection. The median is the median of the runs' medians; p95 and min–max are over every measured edit of every run. ` +
        '*pull*: the client advertises `textDocument/diagnostic` and asks right after `didChange`, naming the report it holds (`previousResultId`), as VS Code does, so the server may answer "unchanged" when the edit left the diagnostics as they were; the time runs from `didChange` sent to the report received. *pull-full*: the same, but the client names no report, so every answer carries every diagnostic. *push*: the client does not, and waits for `publishDiagnostics` with the new version; this includes the server\'s debounce of typing. *vscode*: as *pull*, on a server started with the node flags VS Code starts it with (`common/serverLaunch.json`); the other modes start it without flags, as another editor may.',
      '',
    );
    lines.push(
      '| draft | mode | first diagnostics after open (median) | edit → diagnostics, median | the runs\' medians | p95 | min–max | diagnostics | answered "unchanged" | server RSS (last run) |',
    );
    lines.push('|---|---|---|---|---|---|---|---|---|---|');
    for (const l of results.server.latency)
      lines.push(
        `| ${l.file} (${(l.bytes / 1024).toFixed(0)} KiB) | ${l.mode} | ${fmtMs(l.openMs)} | ${fmtMs(l.median)} | ${fmtMs(l.runMedians.min)}–${fmtMs(l.runMedians.max)} | ${fmtMs(l.edits.p95)} | ${fmtMs(l.edits.min)}–${fmtMs(l.edits.max)} | ${l.diagnostics.join('/')} | ${l.mode === 'push' ? '' : l.unchanged} | ${fmtMB(l.memory.rssKiB)} |`,
      );
    const mem = results.server.memory;
    const bare = results.server.memoryBare;
    lines.push(
      '',
      `Memory with ${mem.drafts} open drafts of about 100 KiB (${(mem.bytes / 2 ** 20).toFixed(1)} MiB, English and Chinese), each linted, edited once and linted again:`,
      '',
    );
    lines.push(
      `- started as VS Code starts it (\`node ${mem.nodeFlags.join(' ')} dist/server.js\`): RSS ${fmtMB(mem.rssKiB)} (peak ${fmtMB(mem.hwmKiB)}; ${fmtMB(mem.idleRssKiB)} before any draft was opened);`,
    );
    if (bare)
      lines.push(
        `- started without flags (\`node dist/server.js --stdio\`): RSS ${fmtMB(bare.rssKiB)} (peak ${fmtMB(bare.hwmKiB)}; ${fmtMB(bare.idleRssKiB)} before any draft was opened).`,
      );
    lines.push('');
    for (const l of results.server.latency.filter((x) => x.mode !== 'push')) {
      const real = l.bytes < 50 * 1024;
      const limit = real ? TARGET.server20k : l.bytes > 500 * 1024 ? TARGET.server1m : TARGET.server100k;
      targets.push([
        `${real ? '**headline:** ' : ''}server: fresh diagnostics ≤ ${limit} ms (median) after an edit, ${l.file} (${l.mode})`,
        `${fmtMs(l.median)} (runs ${fmtMs(l.runMedians.min)}–${fmtMs(l.runMedians.max)}; p95 ${fmtMs(l.edits.p95)})`,
        verdict(l.median, limit),
      ]);
    }
    // Targets in MB are read as decimal megabytes, the stricter reading.
    for (const [m, how] of [
      [mem, 'as VS Code starts it'],
      [bare, 'started without flags'],
    ]) {
      if (m)
        targets.push([
          `server ≤ ${TARGET.serverMemoryMB} MB with ${m.drafts} open drafts, ${how}`,
          `${((m.rssKiB * 1024) / 1e6).toFixed(0)} MB (${fmtMB(m.rssKiB)})`,
          verdict((m.rssKiB * 1024) / 1e6, TARGET.serverMemoryMB),
        ]);
    }
  }
  if (results.startup) {
    const s = results.startup;
    lines.push('## Start-up', '');
    lines.push(`${s.runs} runs each, alternating.`, '');
    lines.push('| what | median | min–max |', '|---|---|---|');
    lines.push(`| \`node -e 0\` | ${fmtMs(s.bareMs.median)} | ${fmtMs(s.bareMs.min)}–${fmtMs(s.bareMs.max)} |`);
    lines.push(
      `| \`node dist/cli.js --version\` | ${fmtMs(s.versionMs.median)} | ${fmtMs(s.versionMs.min)}–${fmtMs(s.versionMs.max)} |`,
    );
    if (s.extension) {
      lines.push(
        `| \`require('dist/extension.js')\` in process, stub \`vscode\` (${(s.extension.bundleBytes / 1024).toFixed(0)} KiB bundle) | ${fmtMs(s.extension.requireMs.median)} | ${fmtMs(s.extension.requireMs.min)}–${fmtMs(s.extension.requireMs.max)} |`,
      );
      if (s.extension.activateMs.n)
        lines.push(
          `| \`activate(context)\` in process, stub \`vscode\` (${s.extension.activateOutcome}) | ${fmtMs(s.extension.activateMs.median)} | ${fmtMs(s.extension.activateMs.min)}–${fmtMs(s.extension.activateMs.max)} |`,
        );
    } else
      lines.push(
        `| extension activation | not measured: ${s.extensionError ? 'the harness failed' : 'no dist/extension.js'} | |`,
      );
    lines.push('');
    const ratio = s.versionMs.median / s.bareMs.median;
    targets.push([`\`--version\` ≤ ${TARGET.version}× bare node`, fmtX(ratio), verdict(ratio, TARGET.version)]);
  }
  if (results.vsix) {
    lines.push('## Extension package', '');
    if (results.vsix.bytes) {
      lines.push(
        `\`npm run package\` at commit ${results.vsix.commit}: \`${results.vsix.file}\`, ${(results.vsix.bytes / 2 ** 20).toFixed(2)} MiB (${results.vsix.bytes} bytes).`,
        '',
      );
      targets.push([
        `.vsix ≤ ${TARGET.vsixMB} MB`,
        `${(results.vsix.bytes / 1e6).toFixed(2)} MB`,
        verdict(results.vsix.bytes / 1e6, TARGET.vsixMB),
      ]);
    } else {
      lines.push(`Not measured: ${results.vsix.error}`, '');
      targets.push([`.vsix ≤ ${TARGET.vsixMB} MB`, '–', 'not measured']);
    }
  }
  lines.push('## Targets', '', '| target | measured | status |', '|---|---|---|');
  for (const t of targets) lines.push(`| ${t.join(' | ')} |`);
  lines.push('');
  results.targets = targets.map(([target, measured, status]) => ({ target, measured, status }));
  return lines.join('\n');
}

// ---------------------------------------------------------------------------------------------

const results = {
  date: new Date().toISOString().slice(0, 10),
  machine: machine(),
  commit: git('rev-parse', '--short', 'HEAD'),
  dirty: git('status', '--porcelain', '--untracked-files=no') !== '',
  runs: RUNS,
};
const dist = snapshotDist();
const corpus = await ensureCorpus(undefined, log);
results.corpus = corpus.stats;
if (ONLY.has('cli')) results.cli = await wholeProcess(dist, corpus);
if (ONLY.has('server')) {
  if (existsSync(path.join(dist, 'server.js'))) {
    log('language server …');
    results.server = await measureServer(path.join(dist, 'server.js'), corpus, { rounds: RUNS, log });
  } else log('no dist/server.js: the server is not measured');
}
if (ONLY.has('startup')) {
  log('start-up …');
  results.startup = startup(dist);
}
if (ONLY.has('vsix')) {
  log('.vsix …');
  results.vsix = vsix();
}
results.tools = toolVersions();
results.machine.loadAtEnd = os
  .loadavg()
  .map((l) => l.toFixed(2))
  .join(' ');
const markdown = render(results);
console.log(markdown);
if (!flag('--no-write')) {
  const dir = path.join(ROOT, 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  const base = path.join(dir, `${results.date}-${results.machine.id}`);
  writeFileSync(`${base}.md`, markdown);
  writeFileSync(`${base}.json`, JSON.stringify(results, null, 2) + '\n');
  log(`written: ${path.relative(ROOT, base)}.md and .json`);
}
if (!option('--dist')) rmSync(dist, { recursive: true, force: true });
