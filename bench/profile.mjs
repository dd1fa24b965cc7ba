// Where the CLI's time goes: runs it under `node --cpu-prof` (the main thread and every worker
// thread write a profile), maps each sample's bundle position back to the TypeScript source through
// the bundle's source map, and prints the top functions by self time, and the top source files.
//
//   node bench/profile.mjs [--dist DIR] [--top 25] [--cli-args "..."] [--profile FILE.cpuprofile | --profile-dir DIR] PATH
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ROOT } from './lib.mjs';

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const B64_VALUE = new Map([...B64].map((c, i) => [c, i]));

/** Decodes a source map's `mappings` into, per generated line, sorted [column, source, line]. */
function decodeMappings(map) {
  const lines = [];
  let source = 0;
  let srcLine = 0;
  for (const lineText of map.mappings.split(';')) {
    const segments = [];
    let col = 0;
    for (const seg of lineText.split(',')) {
      if (!seg) continue;
      const values = [];
      let value = 0;
      let shift = 0;
      for (const ch of seg) {
        const digit = B64_VALUE.get(ch);
        value += (digit & 31) << shift;
        if (digit & 32) shift += 5;
        else {
          values.push(value & 1 ? -(value >>> 1) : value >>> 1);
          value = 0;
          shift = 0;
        }
      }
      col += values[0];
      if (values.length >= 4) {
        source += values[1];
        srcLine += values[2];
        segments.push([col, source, srcLine]);
      }
    }
    lines.push(segments);
  }
  return lines;
}

const maps = new Map();
function sourceOf(url, line, column) {
  if (!url.startsWith('file://')) return undefined;
  const file = fileURLToPath(url);
  if (!maps.has(file)) {
    const mapFile = `${file}.map`;
    if (!existsSync(mapFile)) maps.set(file, null);
    else {
      const map = JSON.parse(readFileSync(mapFile, 'utf8'));
      // Sources are relative to dist/; a snapshot of dist/ elsewhere maps to the same repository paths.
      maps.set(file, {
        sources: map.sources.map((s) => path.relative(ROOT, path.resolve(ROOT, 'dist', s))),
        lines: decodeMappings(map),
      });
    }
  }
  const m = maps.get(file);
  if (!m) return undefined;
  const segments = m.lines[line] ?? [];
  let best;
  for (const s of segments) {
    if (s[0] <= column) best = s;
    else break;
  }
  return best ? { file: m.sources[best[1]], line: best[2] + 1 } : undefined;
}

const short = (name) => (name.length > 90 ? `${name.slice(0, 87)}...` : name);

/** Self time per function (ms) in one profile (one thread); idle time is kept apart. */
function selfTimes(p) {
  const byFunction = new Map();
  let busy = 0;
  let idle = 0;
  const nodes = new Map(p.nodes.map((n) => [n.id, n]));
  const counts = new Map();
  for (let i = 0; i < p.samples.length; i++)
    counts.set(p.samples[i], (counts.get(p.samples[i]) ?? 0) + (p.timeDeltas[i] ?? 0));
  for (const [id, us] of counts) {
    const { callFrame: f } = nodes.get(id);
    if (f.functionName === '(idle)') {
      idle += us / 1000;
      continue;
    }
    const src = sourceOf(f.url, f.lineNumber, f.columnNumber);
    const where = src
      ? `${src.file}:${src.line}`
      : f.url
        ? `${f.url.startsWith('node:') ? f.url : path.basename(f.url)}:${f.lineNumber + 1}`
        : '(native)';
    const regexp = f.functionName.startsWith('RegExp: ');
    const key = `${short(f.functionName || '(anonymous)')}  ${where}`;
    const file = src
      ? src.file
      : regexp
        ? 'RegExp (all pack patterns)'
        : f.url
          ? f.url.startsWith('node:')
            ? f.url
            : path.basename(f.url)
          : f.functionName;
    const e = byFunction.get(key) ?? { ms: 0, file };
    e.ms += us / 1000;
    byFunction.set(key, e);
    busy += us / 1000;
  }
  return { byFunction, busy, idle };
}

function print(title, byFunction, busy, n) {
  console.log(`\n${title}: ${busy.toFixed(0)} ms busy\nself time  share of busy  function  source`);
  const rows = [...byFunction].sort((a, b) => b[1].ms - a[1].ms);
  for (const [key, e] of rows.slice(0, n))
    console.log(`${e.ms.toFixed(0).padStart(8)} ms ${((100 * e.ms) / busy).toFixed(1).padStart(5)}%  ${key}`);
  const byFile = new Map();
  for (const [, e] of rows) byFile.set(e.file, (byFile.get(e.file) ?? 0) + e.ms);
  console.log(`-- by source file`);
  for (const [file, ms] of [...byFile].sort((a, b) => b[1] - a[1]).slice(0, Math.ceil(n / 2)))
    console.log(`${ms.toFixed(0).padStart(8)} ms ${((100 * ms) / busy).toFixed(1).padStart(5)}%  ${file}`);
}

const argv = process.argv.slice(2);
const option = (name, fallback) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv.splice(i, 2)[1] : fallback;
};
const top = Number(option('--top', '25'));
const dist = path.resolve(option('--dist', path.join(ROOT, 'dist')));
const cliArgs = option('--cli-args', '--format json').split(' ').filter(Boolean);
const given = [];
for (let i = argv.indexOf('--profile'); i >= 0; i = argv.indexOf('--profile')) given.push(argv.splice(i, 2)[1]);
const profileDir = option('--profile-dir');
if (profileDir)
  given.push(
    ...readdirSync(profileDir)
      .filter((f) => f.endsWith('.cpuprofile'))
      .map((f) => path.join(profileDir, f)),
  );

let files = given;
if (!files.length) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cpl-prof-'));
  const t = performance.now();
  const r = spawnSync(
    process.execPath,
    ['--cpu-prof', '--cpu-prof-dir', dir, path.join(dist, 'cli.js'), ...cliArgs, ...argv],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
  console.log(
    `ran the CLI under --cpu-prof in ${((performance.now() - t) / 1000).toFixed(2)} s (exit ${r.status}); profiles in ${dir}`,
  );
  files = readdirSync(dir)
    .filter((f) => f.endsWith('.cpuprofile'))
    .map((f) => path.join(dir, f));
}
const profiles = files.map((f) => ({ file: f, profile: JSON.parse(readFileSync(f, 'utf8')) }));
// The main thread's profile is the one whose file name has the lowest thread id (0).
profiles.sort(
  (a, b) =>
    Number(/\.(\d+)\.cpuprofile$/.exec(a.file)?.[1] ?? 0) - Number(/\.(\d+)\.cpuprofile$/.exec(b.file)?.[1] ?? 0),
);
// A timeline: when each thread started and stopped working, relative to the main thread's start.
const t0 = profiles[0].profile.startTime;
for (const [i, { profile: p }] of profiles.entries()) {
  const nodes = new Map(p.nodes.map((n) => [n.id, n]));
  let t = p.startTime;
  let first;
  let last;
  for (let k = 0; k < p.samples.length; k++) {
    t += p.timeDeltas[k];
    if (nodes.get(p.samples[k]).callFrame.functionName === '(idle)') continue;
    first ??= t;
    last = t;
  }
  console.log(
    `timeline: ${i === 0 ? 'main thread ' : `worker ${i}     `} starts at ${((p.startTime - t0) / 1000).toFixed(0).padStart(6)} ms, busy from ${((first - t0) / 1000).toFixed(0).padStart(6)} to ${((last - t0) / 1000).toFixed(0).padStart(6)} ms, ends at ${((p.endTime - t0) / 1000).toFixed(0).padStart(6)} ms`,
  );
}
const all = new Map();
let allBusy = 0;
for (const [i, { file, profile }] of profiles.entries()) {
  const { byFunction, busy, idle } = selfTimes(profile);
  const wall = (profile.endTime - profile.startTime) / 1000;
  console.log(
    `thread ${i} (${path.basename(file)}): ${wall.toFixed(0)} ms profiled, ${busy.toFixed(0)} ms busy, ${idle.toFixed(0)} ms idle`,
  );
  if (profiles.length > 1)
    print(i === 0 ? 'main thread' : `worker thread ${i}`, byFunction, busy, i === 0 ? top : Math.ceil(top / 2));
  for (const [k, e] of byFunction) {
    const a = all.get(k) ?? { ms: 0, file: e.file };
    a.ms += e.ms;
    all.set(k, a);
  }
  allBusy += busy;
}
print(`all ${profiles.length} thread(s)`, all, allBusy, top);
