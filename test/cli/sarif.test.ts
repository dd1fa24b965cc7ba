import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import Ajv from 'ajv';
import { PDF_BYTES, project } from './fixtures';
import { REPO, removeFixture, runInProcess, writeFixture } from './harness';

/**
 * The official SARIF 2.1.0 schema, as shipped in the @microsoft/jest-sarif package. It is written
 * in JSON Schema draft-04, whose only difference that matters to Ajv here is the `id` keyword.
 */
function sarifValidator() {
  const file = path.join(REPO, 'node_modules', '@microsoft', 'jest-sarif', 'lib', 'schemas', 'sarif-2.1.0-rtm.5.json');
  const schema = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  assert.match(String(schema.title), /SARIF\) Version 2\.1\.0/);
  delete schema.$schema;
  delete schema.id;
  // The schema's patterns are written for ECMAScript without the u flag (one has a stray bracket).
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  const isUri = (s: string, base?: string) => {
    try {
      new URL(s, base);
      return true;
    } catch {
      return false;
    }
  };
  ajv.addFormat('uri', (s: string) => isUri(s));
  ajv.addFormat('uri-reference', (s: string) => isUri(s, 'file:///') && !/\s/.test(s));
  ajv.addFormat('date-time', (s: string) => !Number.isNaN(Date.parse(s)));
  return ajv.compile(schema);
}

interface SarifLog {
  runs: {
    tool: {
      driver: {
        rules: { id: string; helpUri?: string; help: { text: string }; defaultConfiguration: { level: string } }[];
      };
    };
    results: {
      ruleId: string;
      ruleIndex: number;
      level: string;
      locations: { physicalLocation: { artifactLocation: { uri: string }; region: Record<string, number> } }[];
      fixes?: unknown[];
    }[];
    invocations: {
      executionSuccessful: boolean;
      toolExecutionNotifications: unknown[];
      toolConfigurationNotifications: unknown[];
    }[];
  }[];
}

test('writes SARIF that validates against the SARIF 2.1.0 schema, with fixes, a failed file and a broken pack', async () => {
  const fixture = project({
    'drafts/scan.md': PDF_BYTES,
    'drafts/名单 草案.md': '# 草案\n\n加强合作。\n',
    '.cluster-policy-lint.yaml': 'packs: [county.yaml]\n',
    'county.yaml': 'pack: county\n',
  });
  const root = writeFixture(fixture);
  try {
    const out = await runInProcess({ args: ['--format', 'sarif', 'drafts'], fixture }, root);
    assert.equal(out.code, 2, out.stderr);
    const log = JSON.parse(out.stdout) as SarifLog;
    const validate = sarifValidator();
    const valid = validate(log);
    assert.ok(valid, JSON.stringify(validate.errors, null, 2));

    const run = log.runs[0]!;
    const rules = run.tool.driver.rules;
    assert.ok(rules.length >= 7, 'every rule of the pack is described');
    assert.ok(run.results.length > 0);
    for (const result of run.results) {
      assert.equal(rules[result.ruleIndex]!.id, result.ruleId, 'ruleIndex points at the rule');
      const { artifactLocation, region } = result.locations[0]!.physicalLocation;
      assert.ok(!artifactLocation.uri.startsWith('/') && !artifactLocation.uri.includes('\\'), 'the URI is relative');
      assert.ok(region.startLine! >= 1 && region.startColumn! >= 1 && region.endLine! >= region.startLine!);
    }
    assert.ok(
      run.results.some(
        (r) =>
          r.locations[0]!.physicalLocation.artifactLocation.uri === 'drafts/%E5%90%8D%E5%8D%95%20%E8%8D%89%E6%A1%88.md',
      ),
      'a Chinese file name is percent-encoded',
    );
    assert.ok(
      run.results.some((r) => r.fixes?.length),
      'a finding with a quick fix carries it',
    );
    const cited = rules.find((r) => r.id === 'hard-environment')!;
    assert.match(cited.help.text, /From the paper/);
    const invocation = run.invocations[0]!;
    assert.equal(invocation.executionSuccessful, false);
    assert.equal(invocation.toolExecutionNotifications.length, 1, 'the binary file is a notification');
    assert.ok(invocation.toolConfigurationNotifications.length >= 1, 'the broken pack is a notification');
  } finally {
    removeFixture(root);
  }
});
