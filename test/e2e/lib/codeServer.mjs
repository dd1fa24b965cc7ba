// Starting and stopping code-server for one test: a fresh user-data and extensions directory,
// 127.0.0.1 and a free port, no auth, no telemetry, no update check. The process runs in its own
// process group so that stopping it also ends VS Code's server, its extension host and the
// language server the extension started.
import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { cp, mkdir, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { isolatedEnv, log, run, scratchDir } from './setup.mjs';

/** A port that is free on 127.0.0.1 right now. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** User settings that keep the workbench quiet and the screenshots readable. */
export const QUIET_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.enableExperiments': false,
  'workbench.colorTheme': 'Default Light Modern',
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'git.enabled': false,
  'github.gitAuthentication': false,
  'chat.commandCenter.enabled': false,
  'files.autoSave': 'off',
  'editor.minimap.enabled': false,
  'editor.wordWrap': 'on',
  'editor.hover.delay': 200,
  'editor.hover.sticky': true,
  'workbench.reduceMotion': 'on',
  'editor.quickSuggestions': { other: false, comments: false, strings: false },
  'editor.suggestOnTriggerCharacters': false,
  'editor.accessibilitySupport': 'off',
  'window.restoreWindows': 'none',
  'workbench.editor.enablePreview': false,
  'markdown.validate.enabled': false,
};

/**
 * A code-server instance's directories, under one fresh folder outside the repository (the
 * repository's .gitignore would hide a workspace inside it from the linter).
 */
export async function instanceDirs(name) {
  const root = path.join(scratchDir(), `code-server-${name}`);
  await rm(root, { recursive: true, force: true });
  const dirs = {
    root,
    userData: path.join(root, 'user-data'),
    extensions: path.join(root, 'extensions'),
    home: path.join(root, 'home'),
    workspace: path.join(root, 'workspace'),
    config: path.join(root, 'config.yaml'),
  };
  for (const d of [dirs.userData, dirs.extensions, dirs.home, dirs.workspace]) await mkdir(d, { recursive: true });
  await mkdir(path.join(dirs.userData, 'User'), { recursive: true });
  // code-server reads its flags from here instead of writing a default ~/.config/code-server/config.yaml.
  await writeFile(dirs.config, 'auth: none\ncert: false\n');
  return dirs;
}

export async function writeUserSettings(dirs, settings = {}) {
  await writeFile(
    path.join(dirs.userData, 'User', 'settings.json'),
    JSON.stringify({ ...QUIET_SETTINGS, ...settings }, null, 2),
  );
}

/** Copies a folder into the instance's workspace. */
export async function fillWorkspace(dirs, from) {
  await cp(from, dirs.workspace, { recursive: true });
}

function commonArgs(dirs) {
  return ['--config', dirs.config, '--user-data-dir', dirs.userData, '--extensions-dir', dirs.extensions];
}

/** `code-server --install-extension x.vsix` into the instance's extensions directory. */
export async function installExtension(codeServer, dirs, vsix) {
  const out = await run(
    process.execPath,
    [codeServer.entry, ...commonArgs(dirs), '--force', '--install-extension', vsix],
    {
      env: isolatedEnv(dirs.home),
      timeoutMs: 120_000,
    },
  );
  const list = await run(
    process.execPath,
    [codeServer.entry, ...commonArgs(dirs), '--list-extensions', '--show-versions'],
    {
      env: isolatedEnv(dirs.home),
      timeoutMs: 60_000,
    },
  );
  return {
    out,
    list: list
      .split('\n')
      .filter((l) => /^[\w-]+\.[\w-]+@/.test(l.trim()))
      .map((l) => l.trim()),
  };
}

/**
 * Starts code-server; resolves once it answers /healthz. `stop()` ends its whole process group.
 */
export async function startCodeServer(codeServer, dirs, { logFile } = {}) {
  const port = await freePort();
  const args = [
    codeServer.entry,
    ...commonArgs(dirs),
    '--auth',
    'none',
    '--bind-addr',
    `127.0.0.1:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--ignore-last-opened',
    dirs.workspace,
  ];
  const child = spawn(process.execPath, args, {
    env: isolatedEnv(dirs.home),
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  const logStream = logFile ? createWriteStream(logFile) : null;
  let output = '';
  const take = (c) => {
    output += c;
    logStream?.write(c);
  };
  child.stdout.on('data', take);
  child.stderr.on('data', take);
  let exited = null;
  const exit = new Promise((resolve) => child.on('exit', (code, signal) => resolve((exited = { code, signal }))));

  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (exited) throw new Error(`code-server exited (${exited.code ?? exited.signal}) before it answered:\n${output}`);
    try {
      const r = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2000) });
      if (r.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      process.kill(-child.pid, 'SIGKILL');
      throw new Error(`code-server did not answer on ${url} within 60 s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  log(`code-server on ${url} (pid ${child.pid})`);

  async function stop() {
    if (exited) return exited;
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      // already gone
    }
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }, 5000);
    const result = await exit;
    clearTimeout(timer);
    // Children that outlived the server (an extension host, a language server) share its group.
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      // the group is empty
    }
    logStream?.end();
    return result;
  }

  return { url, port, pid: child.pid, remoteAuthority: `127.0.0.1:${port}`, output: () => output, stop };
}
