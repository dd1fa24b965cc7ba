import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Connection } from 'vscode-languageserver';
import { builtinPack, LintCache, type LintOptions } from '../../engine';
import { DraftLinter } from '../../server/linting';
import { ProblemReporter } from '../../server/problems';
import { NO_PROJECT_CONFIG } from '../../server/projectConfig';
import { SettingsStore } from '../../server/settings';
import { UserPacks } from '../../server/userPacks';

test("tells of an open draft's first lint alone, with the options and the cache it was linted with", async () => {
  // No configuration is pulled and no problem is reported here, so the connection is never used.
  const connection = {} as Connection;
  const firsts: { text: string; options: LintOptions & { cache: LintCache } }[] = [];
  const linter = new DraftLinter(
    new SettingsStore(connection, () => false),
    async () => NO_PROJECT_CONFIG,
    new UserPacks(),
    new ProblemReporter(connection),
    () => [],
    (text, options) => firsts.push({ text, options }),
  );
  const uri = 'untitled:plan.md';
  const text = '# Plan\n\n## Measures\n\n- Build a testing centre by 2028 (Lead: County Bureau).\n';
  const opened = await linter.get({ uri, version: 1, text });
  assert.equal(firsts.length, 1);
  assert.equal(firsts[0]!.text, text);
  assert.equal(firsts[0]!.options.pack, builtinPack());
  assert.ok(firsts[0]!.options.cache instanceof LintCache);
  // The same version asked again is the same lint, and no first lint again.
  assert.equal(await linter.get({ uri, version: 1, text }), opened);
  assert.equal(firsts.length, 1);

  await linter.get({ uri, version: 2, text: `${text}x` });
  await linter.get({ uri: 'file:///drafts/other.md', text }); // a file read from disk, not an open draft
  assert.equal(firsts.length, 1, 'edits and files on disk are not first lints');

  // The same draft through the same cache: its first lint came before.
  await linter.get({ uri, version: 3, text });
  assert.equal(firsts.length, 1);
  linter.forget(uri);
  await linter.get({ uri, version: 1, text });
  assert.equal(firsts.length, 2, 'a draft closed and opened again is linted afresh');
  assert.notEqual(firsts[1]!.options.cache, firsts[0]!.options.cache);
});

test('a failure after the first lint costs the draft nothing', async () => {
  const connection = {} as Connection;
  const linter = new DraftLinter(new SettingsStore(connection, () => false), async () => NO_PROJECT_CONFIG, new UserPacks(), new ProblemReporter(connection), () => [], () => {
    throw new Error('warm-up broke');
  });
  const text = '# Plan\n\n## Measures\n\n- Build a testing centre by 2028.\n';
  const result = await linter.get({ uri: 'untitled:plan.md', version: 1, text });
  assert.ok(result, 'the draft is linted');
  assert.ok(result.result.findings.some((f) => f.ruleId === 'measure-owner'), 'with its findings');
});
