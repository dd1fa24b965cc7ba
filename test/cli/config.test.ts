import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import Ajv from 'ajv';
import YAML from 'yaml';
import { ConfigResolver, starterConfig } from '../../project/config';
import { builtinPack } from '../../engine';
import { MemoryFileSystem, REPO } from './harness';

function schemaValidator() {
  const schema = JSON.parse(
    readFileSync(path.join(REPO, 'schemas', 'cluster-policy-lint.schema.json'), 'utf8'),
  ) as object;
  const ajv = new Ajv({ allErrors: true, formats: { regex: (s: string) => isRegExp(s) } });
  return ajv.compile(schema);
}

function isRegExp(s: string): boolean {
  try {
    new RegExp(s, 'u');
    return true;
  } catch {
    return false;
  }
}

const ROOT = '/cluster-policy-lint-memory/config';

async function resolverFor(files: Record<string, string>) {
  const fs = new MemoryFileSystem(ROOT, { '.git/': '', ...files });
  return new ConfigResolver(fs, ROOT);
}

test('the starter configuration of --init is valid for the shipped JSON Schema and for the CLI', async () => {
  const text = starterConfig(builtinPack().rules);
  const validate = schemaValidator();
  assert.ok(validate(YAML.parse(text)), JSON.stringify(validate.errors));
  const resolver = await resolverFor({ '.cluster-policy-lint.yaml': text });
  const resolved = await resolver.resolve(path.join(ROOT, 'drafts', 'a.md'));
  await resolver.checkRuleIds(builtinPack().rules);
  assert.deepEqual(resolver.issues, []);
  assert.equal(resolved.language, 'auto');
  assert.equal(
    await resolver.ignoredBy(path.join(ROOT, 'archive', 'old.md')),
    path.join(ROOT, '.cluster-policy-lint.yaml'),
  );
});

test('the JSON Schema and the CLI agree on what a configuration may hold', async () => {
  const validate = schemaValidator();
  const good = {
    extends: ['base.yaml'],
    language: 'zh',
    rules: {
      'measure-owner': 'error',
      'joint-action': { severity: 'warning', k: 4 },
      'measure-timeline': { headings: ['^Measures'] },
    },
    overrides: [{ files: ['drafts/zh/**'], language: 'zh', rules: { terminology: 'off' } }],
    ignores: ['archive/**'],
    packs: ['county.yaml'],
  };
  assert.ok(validate(good), JSON.stringify(validate.errors));
  const bad: unknown[] = [
    { rules: { 'measure-owner': 'loud' } },
    { rules: { 'joint-action': { k: 0 } } },
    { language: 'fr' },
    { overrides: [{ rules: {} }] },
    { colour: true },
  ];
  for (const config of bad) {
    assert.equal(validate(config), false, JSON.stringify(config));
    const resolver = await resolverFor({ 'base.yaml': '{}\n', '.cluster-policy-lint.json': JSON.stringify(config) });
    await resolver.resolve(path.join(ROOT, 'a.md'));
    assert.ok(resolver.issues.length > 0, `the CLI refuses ${JSON.stringify(config)} too`);
  }
});

test('a nearer configuration refines a farther one, and overrides apply by glob relative to their file', async () => {
  const resolver = await resolverFor({
    '.cluster-policy-lint.yaml':
      'rules:\n  joint-action: { severity: error, k: 4 }\noverrides:\n  - files: "drafts/zh/**"\n    language: zh\n',
    'drafts/.cluster-policy-lint.yml': 'rules:\n  joint-action: warning\n',
  });
  const zh = await resolver.resolve(path.join(ROOT, 'drafts', 'zh', 'a.md'));
  assert.deepEqual(zh.rules['joint-action'], { severity: 'warning', k: 4 });
  assert.equal(zh.language, 'zh');
  const en = await resolver.resolve(path.join(ROOT, 'drafts', 'a.md'));
  assert.equal(en.language, 'auto');
  assert.deepEqual(resolver.issues, []);
});

test('names the file and line of every configuration mistake', async () => {
  const resolver = await resolverFor({
    '.cluster-policy-lint.yaml': 'extends: missing.yaml\nrules:\n  joint-action:\n    k: many\nlanguage: fr\n',
  });
  await resolver.resolve(path.join(ROOT, 'a.md'));
  const found = resolver.issues.map((i) => `${path.basename(i.file)}:${i.line}: ${i.message}`);
  assert.deepEqual(found, [
    '.cluster-policy-lint.yaml:1: "extends" names a file that does not exist.',
    '.cluster-policy-lint.yaml:5: "language" must be auto (follow each draft), en or zh.',
    '.cluster-policy-lint.yaml:4: "k" must be a whole number, 1 or more: how many facets make the element covered.',
  ]);
});

test('reports a loop of extends instead of recursing forever', async () => {
  const resolver = await resolverFor({
    '.cluster-policy-lint.yaml': 'extends: b.yaml\n',
    'b.yaml': 'extends: .cluster-policy-lint.yaml\n',
  });
  await resolver.resolve(path.join(ROOT, 'a.md'));
  assert.match(resolver.issues.map((i) => i.message).join('\n'), /makes a loop/);
});
