// Idempotent set-up for the end-to-end tests: Debian packages, code-server cached outside the
// repository, the packaged extension. Every step checks first and does nothing when its result is
// already there, so a second run costs seconds.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const outputDir = path.join(repoRoot, 'test-output', 'e2e');

/** code-server 4.100.3 is VS Code 1.100.3, the last line that runs on Node 20. */
export const CODE_SERVER_VERSION = '4.100.3';

/** This process's scratch folder, outside the repository (whose .gitignore would hide drafts). */
export function scratchDir() {
  return path.join(os.tmpdir(), `cluster-policy-lint-e2e-${process.pid}`);
}

/** Removes this process's scratch folder (workspaces, user data of code-server). */
export async function removeScratch() {
  await rm(scratchDir(), { recursive: true, force: true });
}

/** Where code-server is cached: outside the repository, shared by every checkout. */
export function cacheRoot() {
  if (process.env.CPL_E2E_CACHE) return path.resolve(process.env.CPL_E2E_CACHE);
  const base = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
  return path.join(base, 'cluster-policy-lint-e2e');
}

export function log(message) {
  process.stderr.write(`[e2e] ${message}\n`);
}

/**
 * Runs a command; resolves with its output, rejects with it when the exit code is not 0.
 * `quiet` keeps the output for the error message instead of streaming it.
 */
export function run(command, args, { cwd = repoRoot, env = process.env, quiet = true, timeoutMs = 20 * 60_000 } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    const take = (chunk) => {
      out += chunk;
      if (!quiet) process.stderr.write(chunk);
    };
    child.stdout.on('data', take);
    child.stderr.on('data', take);
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve(out);
      else reject(new Error(`${command} ${args.join(' ')} exited with ${code ?? signal}\n${out.slice(-4000)}`));
    });
  });
}

async function debInstalled(pkg) {
  try {
    const status = await run('dpkg-query', ['-W', '-f=${Status}', pkg]);
    return status.includes('install ok installed');
  } catch {
    return false;
  }
}

/**
 * Debian packages the tests use: chromium (the browser playwright-core drives), neovim (the
 * second editor), ripgrep and libkrb5-dev (what code-server's own install needs when it has to
 * build its native modules or fetch ripgrep). Installed with apt-get only when missing.
 */
export const DEBIAN_PACKAGES = ['chromium', 'neovim', 'ripgrep', 'libkrb5-dev'];

export async function ensureDebianPackages(packages = DEBIAN_PACKAGES) {
  const missing = [];
  for (const p of packages) if (!(await debInstalled(p))) missing.push(p);
  if (!missing.length) return;
  if (process.getuid?.() !== 0) {
    throw new Error(
      `Debian packages missing: ${missing.join(' ')} (run: sudo apt-get install -y ${missing.join(' ')})`,
    );
  }
  log(`apt-get install ${missing.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  await run('apt-get', ['update', '-qq'], { env });
  await run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], { env });
}

/** Neovim from Debian bookworm is 0.7; the test relies only on what 0.7 has. */
export async function neovimVersion() {
  const out = await run('nvim', ['--version']);
  const m = /NVIM v(\d+)\.(\d+)\.(\d+)/.exec(out);
  if (!m) throw new Error(`cannot read nvim --version: ${out.slice(0, 200)}`);
  return { major: +m[1], minor: +m[2], patch: +m[3], text: m[0] };
}

/** The directory code-server is (or will be) installed in, and its entry point. */
export function codeServerPaths(version = CODE_SERVER_VERSION, dir = path.join(cacheRoot(), `code-server-${version}`)) {
  const pkg = path.join(dir, 'node_modules', 'code-server');
  return {
    dir,
    pkg,
    entry: path.join(pkg, 'out', 'node', 'entry.js'),
    vscode: path.join(pkg, 'lib', 'vscode'),
    marker: path.join(dir, '.installed'),
  };
}

/** The native modules VS Code's server loads; each must load in this Node. */
const NATIVE_MODULES = ['node-pty', '@vscode/spdlog', '@parcel/watcher', 'native-watchdog', 'kerberos'];

/** The environment for code-server's npm install (see ensureCodeServer). */
function installEnv(tmp) {
  return {
    ...process.env,
    TMPDIR: tmp,
    npm_config_unsafe_perm: 'true',
    npm_config_yes: 'true',
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_update_notifier: 'false',
    npm_config_dangerously_allow_all_scripts: 'true',
  };
}

/**
 * `@vscode/ripgrep`'s install step downloads rg from GitHub, which cannot be reached here. Its
 * downloader looks in `$TMPDIR/vscode-ripgrep-cache-<version>/` first, so a tarball holding
 * Debian's rg at the name it asks for lets the step finish offline.
 */
async function seedRipgrepCache(tmp) {
  const dir = path.join(tmp, 'vscode-ripgrep-cache-1.15.11');
  const tarball = path.join(dir, 'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz');
  if (existsSync(tarball)) return;
  const stage = path.join(tmp, 'rg-stage');
  await mkdir(stage, { recursive: true });
  await mkdir(dir, { recursive: true });
  await run('cp', ['/usr/bin/rg', path.join(stage, 'rg')]);
  await run('tar', ['-czf', tarball, '-C', stage, 'rg']);
}

/** Checks an installed code-server: its version, its native modules, its ripgrep. */
async function verifyCodeServer(p) {
  const version = await run(process.execPath, [p.entry, '--version'], {
    env: isolatedEnv(path.join(p.dir, 'verify-home')),
  });
  if (!version.includes(CODE_SERVER_VERSION)) throw new Error(`unexpected code-server version: ${version}`);
  const script = NATIVE_MODULES.map((m) => `require(${JSON.stringify(m)});`).join('');
  await run(process.execPath, ['-e', script], { cwd: p.vscode });
  const rg = path.join(p.vscode, 'node_modules', '@vscode', 'ripgrep', 'bin', 'rg');
  await run(rg, ['--version']);
  return (
    version
      .split('\n')
      .find((l) => l.includes(CODE_SERVER_VERSION))
      ?.trim() ?? version.trim()
  );
}

/**
 * Installs code-server from the npm registry into the cache, once. Its install scripts build
 * native modules (argon2 for code-server itself; node-pty, spdlog, kerberos and others for VS
 * Code's server, in a nested `npm install` that its postinstall runs in lib/vscode), which needs
 * libkrb5-dev; as root it needs npm_config_unsafe_perm; and @vscode/ripgrep's step is served
 * from the seeded cache. npm 11 warns that dependency install scripts will need approval
 * (`allowScripts`); the nested install has no such policy of its own, so the approval is given
 * for this one pinned install through the environment. The result is checked (version, native
 * modules, rg) before it is moved into place, so a broken install is never cached.
 */
export async function ensureCodeServer() {
  const p = codeServerPaths();
  if (existsSync(p.marker)) {
    try {
      return { ...p, version: await verifyCodeServer(p), cached: true };
    } catch (e) {
      log(`cached code-server failed its check, reinstalling: ${e.message.split('\n')[0]}`);
    }
  }
  await mkdir(cacheRoot(), { recursive: true });
  const staging = `${p.dir}.partial-${process.pid}`;
  await rm(staging, { recursive: true, force: true });
  const tmp = path.join(staging, 'tmp');
  await mkdir(tmp, { recursive: true });
  await writeFile(
    path.join(staging, 'package.json'),
    JSON.stringify({ name: 'cluster-policy-lint-e2e-code-server', private: true }, null, 2),
  );
  await seedRipgrepCache(tmp);
  log(`npm install code-server@${CODE_SERVER_VERSION} into ${p.dir} (once; builds native modules)`);
  const t0 = Date.now();
  await run('npm', ['install', '--no-save', '--foreground-scripts', `code-server@${CODE_SERVER_VERSION}`], {
    cwd: staging,
    env: installEnv(tmp),
    quiet: process.env.CPL_E2E_VERBOSE !== '1',
  });
  await verifyCodeServer(codeServerPaths(CODE_SERVER_VERSION, staging));
  await rm(tmp, { recursive: true, force: true });
  await rm(p.dir, { recursive: true, force: true });
  await rename(staging, p.dir);
  await writeFile(p.marker, `code-server ${CODE_SERVER_VERSION} installed ${new Date().toISOString()}\n`);
  log(`code-server installed in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
  return { ...p, version: await verifyCodeServer(p), cached: false };
}

/**
 * An environment whose home-like directories are under `home`, so that code-server (which writes
 * a default config.yaml and state under XDG directories) and Neovim leave the user's own alone.
 */
export function isolatedEnv(home, extra = {}) {
  return {
    ...process.env,
    XDG_CONFIG_HOME: path.join(home, 'config'),
    XDG_DATA_HOME: path.join(home, 'data'),
    XDG_STATE_HOME: path.join(home, 'state'),
    XDG_CACHE_HOME: path.join(home, 'cache'),
    ...extra,
  };
}

/** Builds the extension's `.vsix` with the project's own `npm run package`; returns its path. */
export async function packageExtension() {
  const manifest = JSON.parse(await readFile(path.join(repoRoot, 'package.json'), 'utf8'));
  if (!manifest.scripts?.package)
    throw new Error('package.json has no "package" script yet (the extension has not landed)');
  const before = Date.now();
  await run('npm', ['run', 'package'], { quiet: true });
  const candidates = readdirSync(repoRoot)
    .filter((f) => f.endsWith('.vsix'))
    .map((f) => path.join(repoRoot, f))
    .filter((f) => statSync(f).mtimeMs >= before - 1000);
  const expected = path.join(repoRoot, `${manifest.name}-${manifest.version}.vsix`);
  if (existsSync(expected) && candidates.includes(expected)) return { vsix: expected, manifest };
  if (candidates.length === 1) return { vsix: candidates[0], manifest };
  throw new Error(`npm run package made no .vsix in ${repoRoot} (found: ${candidates.join(', ') || 'none'})`);
}

/**
 * What run.mjs prepared (code-server, the .vsix), passed in CPL_E2E_SETUP; a test file run on
 * its own (`node --test test/e2e/tests/x.e2e.mjs`) prepares it itself.
 */
export async function prepared() {
  if (process.env.CPL_E2E_SETUP) {
    const s = JSON.parse(process.env.CPL_E2E_SETUP);
    if (s.codeServer && s.vsix) return s;
  }
  const cs = await ensureCodeServer();
  const { vsix, manifest } = await packageExtension();
  return {
    codeServer: { entry: cs.entry, dir: cs.dir, version: cs.version },
    vsix,
    extensionId: `${manifest.publisher}.${manifest.name}`.toLowerCase(),
  };
}
