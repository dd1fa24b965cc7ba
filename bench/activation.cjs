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
  const own = Object.create(null);
  return new Proxy(target, {
    get(t, key) {
      if (key in own) return own[key];
      if (key === 'then') return undefined; // not a promise
      if (key === Symbol.toPrimitive) return () => name;
      if (key === Symbol.iterator) return function* () {};
      if (key === 'prototype') return t.prototype;
      own[key] = stub(`${name}.${String(key)}`);
      return own[key];
    },
    set(_t, key, value) {
      own[key] = value;
      return true;
    },
    apply: () => stub(`${name}()`),
    construct: () => stub(`new ${name}`),
  });
}

// The module object is a plain object with every name that @types/vscode exports (a bundler's
// interop copies the module's own properties, so a bare Proxy would look empty).
const errors = [];
const real = {
  version: '1.91.0',
  window: Object.assign(stub('vscode.window'), {
    showErrorMessage: async (message) => {
      errors.push(String(message));
      return undefined;
    },
  }),
  env: { language: 'en', appName: 'bench', machineId: 'bench', sessionId: 'bench', uiKind: 1, remoteName: undefined },
  workspace: Object.assign(stub('vscode.workspace'), {
    getConfiguration: () => ({
      get: (_k, d) => d,
      has: () => false,
      inspect: () => undefined,
      update: async () => undefined,
    }),
    workspaceFolders: [],
    textDocuments: [],
  }),
};
const vscodeModule = {};
try {
  const dts = require('node:fs').readFileSync(
    require.resolve('@types/vscode/index.d.ts', { paths: [process.cwd(), path.join(__dirname, '..')] }),
    'utf8',
  );
  for (const m of dts.matchAll(
    /^\s*export\s+(?:declare\s+)?(?:namespace|class|enum|const|function|let|var|interface|type)\s+(\w+)/gm,
  ))
    vscodeModule[m[1]] = undefined;
} catch {
  for (const name of [
    'commands',
    'window',
    'workspace',
    'languages',
    'env',
    'extensions',
    'Uri',
    'Range',
    'Position',
    'Disposable',
    'EventEmitter',
  ])
    vscodeModule[name] = undefined;
}
for (const name of Object.keys(vscodeModule)) vscodeModule[name] = name in real ? real[name] : stub(`vscode.${name}`);

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
  // The bundles may be a snapshot of dist/ elsewhere: dist/… resolves next to the extension bundle.
  asAbsolutePath: (p) =>
    p.startsWith('dist/') ? path.join(path.dirname(file), p.slice(5)) : path.join(path.dirname(path.dirname(file)), p),
  extensionMode: 1,
  extension: { id: 'cluster-policy-lint.cluster-policy-lint', packageJSON: {} },
  environmentVariableCollection: stub('environmentVariableCollection'),
  secrets: stub('secrets'),
};

// The stub cannot satisfy everything the language client does after activation (it disposes the
// connection when the stub's events never come); such late errors are not activation's cost.
const late = [];
process.on('unhandledRejection', (reason) => late.push(String(reason && reason.message ? reason.message : reason)));
process.on('uncaughtException', (error) => late.push(String(error && error.message)));

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
      await Promise.race([
        Promise.resolve(extension.deactivate && extension.deactivate()),
        new Promise((r) => setTimeout(r, 1000).unref()),
      ]);
    } catch {
      // the stub may not support a clean deactivation
    }
  }
  if (errors.length) outcome += `; it showed an error: ${errors[0].slice(0, 160)}`;
  process.stdout.write(`${JSON.stringify({ requireMs, activateMs, outcome })}\n`);
  process.exit(0);
})();
