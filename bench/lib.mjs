// Helpers shared by the benchmark scripts: statistics, the machine's description, and running a
// whole process under /usr/bin/time for its peak resident memory.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, openSync, closeSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.dirname(path.dirname(fileURLToPath(import.meta.url)));

export function median(xs) {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** The p-th percentile (0–100), nearest-rank. */
export function percentile(xs, p) {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
}

export function summary(xs) {
  return {
    median: median(xs),
    min: Math.min(...xs),
    max: Math.max(...xs),
    p95: percentile(xs, 95),
    n: xs.length,
    all: xs,
  };
}

export const fmtS = (ms) => (ms >= 10000 ? `${(ms / 1000).toFixed(1)} s` : `${(ms / 1000).toFixed(2)} s`);
export const fmtMs = (ms) =>
  ms >= 100 ? `${ms.toFixed(0)} ms` : ms >= 10 ? `${ms.toFixed(1)} ms` : `${ms.toFixed(2)} ms`;
export const fmtMB = (kib) => `${(kib / 1024).toFixed(0)} MiB`;
export const fmtX = (r) => (Number.isFinite(r) ? (r >= 10 ? `${r.toFixed(0)}×` : `${r.toFixed(2)}×`) : '–');

/** CPU model, cores, memory, OS, Node: what a reader needs to compare two result files. */
export function machine() {
  const cpuinfo = existsSync('/proc/cpuinfo') ? readFileSync('/proc/cpuinfo', 'utf8') : '';
  const model = /model name\s*:\s*(.+)/.exec(cpuinfo)?.[1]?.trim() ?? os.cpus()[0]?.model ?? 'unknown';
  const mhz = /cpu MHz\s*:\s*(.+)/.exec(cpuinfo)?.[1]?.trim();
  let idSource = '';
  for (const f of ['/etc/machine-id', '/var/lib/dbus/machine-id'])
    if (!idSource && existsSync(f)) idSource = readFileSync(f, 'utf8').trim();
  if (!idSource) idSource = os.hostname();
  const load = os.loadavg().map((l) => l.toFixed(2));
  return {
    id: createHash('sha256').update(idSource).digest('hex').slice(0, 8),
    cpu: model + (mhz ? ` (${Number(mhz).toFixed(0)} MHz)` : ''),
    cores: os.availableParallelism(),
    memoryGiB: +(os.totalmem() / 2 ** 30).toFixed(1),
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    loadAtStart: load.join(' '),
  };
}

let timeBinary;
/** /usr/bin/time (GNU), installed from Debian's `time` package when missing. */
export function gnuTime() {
  if (timeBinary !== undefined) return timeBinary;
  const probe = () =>
    existsSync('/usr/bin/time') && spawnSync('/usr/bin/time', ['-f', '%M', 'true'], { encoding: 'utf8' }).status === 0;
  if (!probe() && process.getuid?.() === 0) {
    console.error('installing Debian\'s "time" package for peak-memory measurements …');
    spawnSync('apt-get', ['install', '-y', '-q', 'time'], { stdio: 'ignore' });
  }
  timeBinary = probe() ? '/usr/bin/time' : null;
  return timeBinary;
}

/**
 * Runs one whole process with standard output to /dev/null. Returns wall time (ms, measured
 * here), user+system CPU time (ms) and peak resident memory (KiB) as GNU time reports them, the
 * exit code, and the tail of standard error.
 */
export function runProcess(command, args, { cwd = ROOT, env = process.env, okCodes = [0] } = {}) {
  const time = gnuTime();
  const out = path.join(os.tmpdir(), `cpl-bench-time-${process.pid}.txt`);
  const argv = time ? ['-f', '%e %U %S %M', '-o', out, command, ...args] : args;
  const devnull = openSync('/dev/null', 'w');
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(time ?? command, argv, { cwd, env, stdio: ['ignore', devnull, 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => {
      stderr = (stderr + d).slice(-4000);
    });
    child.on('error', reject);
    child.on('close', (code) => {
      const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
      closeSync(devnull);
      let cpuMs = NaN;
      let maxRssKiB = NaN;
      let exit = code;
      if (time) {
        const text = readFileSync(out, 'utf8').trim().split('\n');
        const last = text[text.length - 1].split(' ');
        cpuMs = (Number(last[1]) + Number(last[2])) * 1000;
        maxRssKiB = Number(last[3]);
        const m = /exited with non-zero status (\d+)/.exec(text.join('\n'));
        exit = m ? Number(m[1]) : code;
        rmSync(out, { force: true });
      }
      if (!okCodes.includes(exit)) return reject(new Error(`${command} ${args.join(' ')} exited ${exit}:\n${stderr}`));
      resolve({ wallMs, cpuMs, maxRssKiB, exit });
    });
  });
}

export function sleep(ms) {
  return new Promise((r) => setTimeout(r, ms));
}
