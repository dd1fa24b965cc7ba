// The extension's load and activation cost without VS Code: `require` the bundled extension with a
// stub `vscode` module (every property is a callable, constructible stand-in; the few values the
// language client reads are real), then call `activate(context)` and wait until it settles (at
// most 5 s). Prints one JSON line: { requireMs, activateMs, outcome }. This measures our bundle's
// own evaluation and activation code, not VS Code's extension host.
//
//   node bench/activation.cjs dist/extension.js
'use strict';
const Module = require('node:module');
const os = require('node:os');
const path = require('node:path');

function stub(name) {
  const target = function () {};
  return new Proxy(target, {
    get(t, key) {
      if (key === 'then') return undefined; // not a promise
      if (key === Symbol.toPrimitive) return () => name;
      if (key === Symbol.iterator) return function* () {};
      if (key === 'prototype') return t.prototype;
      if (!(key in t)) t[key] = stub(`${name}.${String(key)}`);
      return t[key];
    },
    apply: () => stub(`${name}()`),
    construct: () => stub(`new ${name}`),
  });
}

const vscode = stub('vscode');
const real = {
  version: '1.91.0',
  env: { language: 'en', appName: 'bench', machineId: 'bench', sessionId: 'bench', uiKind: 1, remoteName: undefined },
  workspace: Object.assign(stub('vscode.workspace'), {
    getConfiguration: () => ({ get: (_k, d) => d, has: () => false, inspect: () => undefined, update: async () => undefined }),
    workspaceFolders: [],
    textDocuments: [],
  }),
};
const vscodeModule = new Proxy(vscode, { get: (t, k) => (k in real ? real[k] : t[k]) });

const originalLoad = Module._load;
Module._load = function (request, parent, isMain) {
  if (request === 'vscode') return vscodeModule;
  return originalLoad.call(this, request, parent, isMain);
};

const file = path.resolve(process.argv[2]);
const t0 = performance.now();
const extension = require(file);
const requireMs = performance.now() - t0;

const storage = path.join(os.tmpdir(), `cpl-bench-ext-${process.pid}`);
const context = {
  subscriptions: [],
  extensionPath: path.dirname(path.dirname(file)),
  extensionUri: stub('extensionUri'),
  globalState: { get: (_k, d) => d, update: async () => undefined, keys: () => [], setKeysForSync() {} },
  workspaceState: { get: (_k, d) => d, update: async () => undefined, keys: () => [] },
  storagePath: storage,
  globalStoragePath: storage,
  logPath: storage,
  storageUri: stub('storageUri'),
  globalStorageUri: stub('globalStorageUri'),
  logUri: stub('logUri'),
  asAbsolutePath: (p) => path.join(path.dirname(path.dirname(file)), p),
  extensionMode: 1,
  extension: { id: 'cluster-policy-lint.cluster-policy-lint', packageJSON: {} },
  environmentVariableCollection: stub('environmentVariableCollection'),
  secrets: stub('secrets'),
};

(async () => {
  let outcome = 'no activate export';
  let activateMs = NaN;
  if (typeof extension.activate === 'function') {
    const t1 = performance.now();
    try {
      const settled = await Promise.race([
        Promise.resolve(extension.activate(context)).then(() => 'resolved'),
        new Promise((r) => setTimeout(() => r('still pending after 5 s'), 5000).unref()),
      ]);
      outcome = settled;
    } catch (error) {
      outcome = `threw with the stub: ${String(error && error.message).slice(0, 120)}`;
    }
    activateMs = performance.now() - t1;
    try {
      await Promise.race([Promise.resolve(extension.deactivate && extension.deactivate()), new Promise((r) => setTimeout(r, 1000).unref())]);
    } catch {
      // the stub may not support a clean deactivation
    }
  }
  process.stdout.write(`${JSON.stringify({ requireMs, activateMs, outcome })}\n`);
  process.exit(0);
})();
