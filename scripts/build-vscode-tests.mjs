// Bundles the extension-host suite (test/vscode) into dist-test-vscode/: the runner that downloads
// VS Code, and the suite that runs inside it. Separate from build.mjs's --tests, whose bundles
// `node --test` runs, because this suite needs a real VS Code.
import { build } from 'esbuild';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
await build({
  absWorkingDir: root,
  entryPoints: { runTests: 'test/vscode/runTests.ts', 'suite/index': 'test/vscode/suite/index.ts' },
  outdir: 'dist-test-vscode',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: 'inline',
  mainFields: ['module', 'main'],
  external: ['vscode', '@vscode/test-electron'],
  logLevel: 'warning',
});
