import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Connection } from 'vscode-languageserver';
import { DraftLinter } from '../../server/linting';
import { ProblemReporter } from '../../server/problems';
import { nodeFiles } from '../../server/nodeFiles';
import { NO_PROJECT_CONFIG } from '../../server/projectConfig';
import { SettingsStore } from '../../server/settings';
import { UserPacks } from '../../server/userPacks';

function linter(): DraftLinter {
  // No configuration is pulled and no problem is reported here, so the connection is never used.
  const connection = {} as Connection;
  return new DraftLinter(
    new SettingsStore(connection, () => false),
    async () => NO_PROJECT_CONFIG,
    new UserPacks(nodeFiles.fs),
    new ProblemReporter(connection, nodeFiles.uriOf),
    () => [],
    nodeFiles,
  );
}

test('an open draft asked again at the same version gets the same lint, and an edit a new one', async () => {
  const drafts = linter();
  const uri = 'untitled:plan.md';
  const text =
    '---\ncluster-policy-lint: true\n---\n# Plan\n\n## Measures\n\n- Build a testing centre by 2028 (Lead: County Bureau).\n';
  const opened = await drafts.get({ uri, version: 1, text });
  assert.ok(opened);
  assert.equal(await drafts.get({ uri, version: 1, text }), opened);
  const edited = await drafts.get({ uri, version: 2, text: `${text}\n- Open a second centre.\n` });
  assert.notEqual(edited, opened);
  assert.ok(
    edited?.result.findings.some((f) => f.ruleId === 'measure-owner'),
    'the new measure is checked',
  );
});
