// The second editor: Neovim from Debian (0.7: push diagnostics only) runs the language server
// over stdio, headless, on an English and a Chinese sample draft; what it shows must be what the
// CLI reports for the same file, a finding that stands for several rules (a measure lacking a
// lead body, a deadline and a target) shown once, as the server publishes it, naming its rules.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { DRAFTS, cliReport, coverageDiagnostics, editorDiagnostics, freshSamples } from '../lib/expected.mjs';
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
/** Neovim's severities (vim.diagnostic.severity) by the CLI's names. */
const NVIM_SEVERITY = { error: 1, warning: 2, information: 3, hint: 4 };

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
      // The CLI lists a finding that stands for several rules once per rule; the editor shows it once.
      const editor = editorDiagnostics(expected);
      assert.ok(
        editor.some((d) => d.parts),
        `${name} should have a measure that lacks several parts (a merged finding)`,
      );
      const shown = result.diagnostics.map((d) => key(d.line, d.code, d.message)).sort();
      const want = editor.map((d) => key(d.line - 1, d.ruleId, d.message)).sort();
      assert.deepEqual(shown, want, 'Neovim shows exactly what the CLI reports');
      // Each with the column, severity and rules of the CLI's finding. Neovim counts columns in
      // bytes of UTF-8, the CLI in UTF-16 units from 1.
      const lines = (await readFile(file, 'utf8')).split(/\r\n|\r|\n/);
      const byteColumn = (d) => Buffer.byteLength((lines[d.line - 1] ?? '').slice(0, d.column - 1), 'utf8');
      // (A finding of one rule may name just that rule in its parts: the CLI leaves such parts out.)
      const rulesOf = (d) => (d.parts?.length > 1 ? d.parts.join(',') : '');
      const detail = (d) => `${d.line}:${d.col}\t${d.code}\t${d.severity}\t${rulesOf(d)}`;
      assert.deepEqual(
        result.diagnostics.map(detail).sort(),
        editor
          .map((d) =>
            detail({
              line: d.line - 1,
              col: byteColumn(d),
              code: d.ruleId,
              severity: NVIM_SEVERITY[d.severity],
              parts: d.parts,
            }),
          )
          .sort(),
        'the same places, severities and rules',
      );
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
