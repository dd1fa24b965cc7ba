import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { after, test } from 'node:test';
import { ServerCommands, WorkspaceDraftsRequest, type WorkspaceLintResult } from '../../common/protocol';
import { gbkBytes } from '../support/gbk';
import { EN_DRAFT, ZH_DRAFT } from './drafts';
import { TestClient, Workspace } from './lspClient';

const CLI = path.resolve(__dirname, '../../dist/cli.js');

// A folder as a county office has it: a draft saved as GBK by office software, a folder that
// .gitignore leaves out, and one the configuration ignores.
const ws = new Workspace({
  '.gitignore': 'build/\n',
  '.cluster-policy-lint.yaml': 'ignores: ["archive/**"]\n',
  'drafts/plan.md': EN_DRAFT,
  'drafts/青溪.md': gbkBytes(ZH_DRAFT),
  'build/copy.md': EN_DRAFT,
  'archive/old.md': EN_DRAFT,
});
after(() => ws.dispose());

type Finding = [string, string, number, number, string];

test('"check all drafts" reads the same files and gives the same findings as the command line', async () => {
  const cli = spawnSync(process.execPath, [CLI, '--format', 'json', '--no-color'], { cwd: ws.root, encoding: 'utf8' });
  const report = JSON.parse(cli.stdout) as {
    files: { path: string; diagnostics: { ruleId: string; line: number; column: number; message: string }[] }[];
  };
  const expected: Finding[] = report.files.flatMap((f) =>
    f.diagnostics.map((d): Finding => [f.path, d.ruleId, d.line, d.column, d.message]),
  );
  assert.deepEqual(
    report.files.map((f) => f.path),
    ['drafts/plan.md', 'drafts/青溪.md'],
  );

  const client = await TestClient.start(ws, { pull: true, settings: {} });
  try {
    const drafts = await client.request<string[]>(WorkspaceDraftsRequest.method, {});
    assert.deepEqual(drafts, [ws.uri('drafts/plan.md'), ws.uri('drafts/青溪.md')]);
    const result = await client.request<WorkspaceLintResult>('workspace/executeCommand', {
      command: ServerCommands.lintWorkspace,
    });
    assert.deepEqual(result.failed, []);
    assert.equal(result.files, 2);
    const got: Finding[] = [];
    for (const [name, uri] of [
      ['drafts/plan.md', ws.uri('drafts/plan.md')],
      ['drafts/青溪.md', ws.uri('drafts/青溪.md')],
    ] as const) {
      const diagnostics = await client.pushedWhere(uri, (d) => d.length > 0, `the diagnostics of ${name}`);
      // One diagnostic in the editor may stand for several rules of one measure; the report lists
      // each of them at the same place, with the same message.
      for (const d of diagnostics) {
        const parts = (d.data as { parts?: string[] } | undefined)?.parts ?? [String(d.code)];
        for (const rule of parts)
          got.push([name, rule, d.range.start.line + 1, d.range.start.character + 1, d.message]);
      }
    }
    // The report lists a file's findings by position; the editor shows them by position too.
    const byPlace = (a: Finding, b: Finding) =>
      a[0].localeCompare(b[0]) || a[2] - b[2] || a[3] - b[3] || a[1].localeCompare(b[1]) || a[4].localeCompare(b[4]);
    assert.deepEqual([...got].sort(byPlace), [...expected].sort(byPlace));
    // The GBK draft was read as Chinese: its messages are Chinese, not mojibake.
    assert.ok(got.some(([file, , , , message]) => file === 'drafts/青溪.md' && /[\u4e00-\u9fff]/.test(message)));
  } finally {
    await client.stop();
  }
});
