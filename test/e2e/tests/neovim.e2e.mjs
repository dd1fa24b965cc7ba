// The second editor: Neovim from Debian (0.7: push diagnostics only) runs the language server
// over stdio, headless, on an English and a Chinese sample draft; what it shows must be what the
// CLI reports for the same file.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { DRAFTS, cliReport, coverageDiagnostics, freshSamples } from '../lib/expected.mjs';
import { isolatedEnv, neovimVersion, outputDir, removeScratch, repoRoot, scratchDir } from '../lib/setup.mjs';

const initLua = path.join(repoRoot, 'test', 'e2e', 'nvim', 'init.lua');
const serverJs = path.join(repoRoot, 'dist', 'server.js');

/** Opens `file` in headless Neovim with the server attached; returns what init.lua wrote. */
function nvimDiagnostics(file, out, home) {
  return new Promise((resolve, reject) => {
    const child = spawn('nvim', ['--headless', '-u', initLua, '-i', 'NONE', '-n', file], {
      cwd: path.dirname(file),
      env: isolatedEnv(home, {
        CPL_SERVER: serverJs,
        CPL_OUT: out,
        CPL_TIMEOUT_MS: '30000',
        CPL_NODE: process.execPath,
      }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (c) => (output += c));
    child.stderr.on('data', (c) => (output += c));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('error', reject);
    child.on('close', async (code, signal) => {
      clearTimeout(timer);
      try {
        const result = JSON.parse(await readFile(out, 'utf8'));
        resolve({ code, result, output });
      } catch (e) {
        reject(new Error(`nvim exited ${code ?? signal} without a result (${e.message}):\n${output}`));
      }
    });
  });
}

const key = (line, code, message) => `${line}\t${code}\t${message}`;

describe('Neovim 0.7 with the server over stdio', () => {
  let work;
  const home = path.join(scratchDir(), 'nvim-home');
  before(async () => {
    work = await freshSamples('neovim');
    await mkdir(path.join(outputDir, 'nvim'), { recursive: true });
  });
  after(() => removeScratch());

  test('Debian Neovim is 0.7', async () => {
    const v = await neovimVersion();
    assert.equal(`${v.major}.${v.minor}`, '0.7', `expected Neovim 0.7 from Debian bookworm, got ${v.text}`);
  });

  for (const [lang, name] of Object.entries(DRAFTS)) {
    test(`${lang}: ${name} shows the CLI's diagnostics, coverage ones included`, async () => {
      const file = path.join(work, name);
      const out = path.join(outputDir, 'nvim', `${lang}.json`);
      const { code, result, output } = await nvimDiagnostics(file, out, home);
      assert.equal(result.error, undefined, `init.lua failed: ${result.error}\n${output}`);
      assert.equal(result.timed_out, false, `no diagnostics within 30 s\n${JSON.stringify(result.log)}`);
      assert.equal(code, 0, output);
      assert.equal(result.attached, true);
      assert.equal(result.filetype, 'markdown');

      const expected = cliReport(file);
      assert.equal(expected.language, lang);
      const shown = result.diagnostics.map((d) => key(d.line, d.code, d.message)).sort();
      const want = expected.diagnostics.map((d) => key(d.line - 1, d.ruleId, d.message)).sort();
      assert.deepEqual(shown, want, 'Neovim shows exactly what the CLI reports');
      for (const d of result.diagnostics) assert.equal(d.source, 'cluster-policy-lint');

      const coverage = coverageDiagnostics(expected);
      assert.ok(coverage.length >= 3, `${name} should miss some elements; CLI found ${coverage.length}`);
      const codes = new Set(result.diagnostics.map((d) => d.code));
      for (const d of coverage) assert.ok(codes.has(d.ruleId), `Neovim lacks ${d.ruleId}`);
      await writeFile(
        path.join(outputDir, 'nvim', `${lang}.txt`),
        result.diagnostics.map((d) => `${name}:${d.line + 1}:${d.col + 1}: [${d.code}] ${d.message}`).join('\n') + '\n',
      );
    });
  }
});
