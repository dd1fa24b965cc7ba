import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';

// The extension speaks the user's language, as VS Code extensions do: the manifest's strings are
// %keys% of package.nls.json and package.nls.zh-cn.json, and its own runtime strings go through
// vscode.l10n.t with the Chinese bundle in l10n/.
const ROOT = path.resolve(__dirname, '..');
const json = (file: string) => JSON.parse(readFileSync(path.join(ROOT, file), 'utf8'));
const HAN = /[\u4e00-\u9fff]/;

/** Every %key% the manifest uses, wherever it stands. */
function manifestKeys(value: unknown, out = new Set<string>()): Set<string> {
  if (typeof value === 'string') {
    const m = /^%([^%\s]+)%$/.exec(value);
    if (m) out.add(m[1]!);
  } else if (Array.isArray(value)) for (const v of value) manifestKeys(v, out);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) manifestKeys(v, out);
  return out;
}

/** The English strings the client passes to vscode.l10n.t. */
function runtimeStrings(): Set<string> {
  const out = new Set<string>();
  for (const file of readdirSync(path.join(ROOT, 'client'))) {
    const text = readFileSync(path.join(ROOT, 'client', file), 'utf8');
    for (const m of text.matchAll(/vscode\.l10n\.t\(\s*(['"])((?:\\.|(?!\1).)*)\1/gs))
      out.add(m[2]!.replace(/\\(.)/g, '$1'));
  }
  return out;
}

describe('the extension in English and Chinese', () => {
  const manifest = json('package.json');
  const en = json('package.nls.json') as Record<string, string>;
  const zh = json('package.nls.zh-cn.json') as Record<string, string>;

  test('every %key% of package.json is in package.nls.json and package.nls.zh-cn.json, and no other', () => {
    const keys = [...manifestKeys(manifest)].sort();
    assert.ok(keys.length > 20, 'the titles, settings and commands are localised');
    assert.deepEqual(Object.keys(en).sort(), keys);
    assert.deepEqual(Object.keys(zh).sort(), keys);
  });

  test('the Chinese manifest strings are Chinese', () => {
    const notChinese = Object.entries(zh).filter(([, value]) => !HAN.test(value));
    assert.deepEqual(notChinese, []);
  });

  test('commands and settings have no hard-coded English left', () => {
    for (const c of manifest.contributes.commands) assert.match(c.title, /^%.+%$/, c.command);
    for (const [name, p] of Object.entries<any>(manifest.contributes.configuration.properties)) {
      const description = p.markdownDescription ?? p.description;
      assert.match(description, /^%.+%$/, name);
    }
  });

  test('the l10n bundle for zh-cn translates every runtime string of the client into Chinese', () => {
    assert.equal(manifest.l10n, './l10n');
    const bundle = json('l10n/bundle.l10n.zh-cn.json') as Record<string, string>;
    const used = [...runtimeStrings()].sort();
    assert.ok(used.length > 10);
    assert.deepEqual(Object.keys(bundle).sort(), used, 'each string used is translated, and each translation used');
    for (const [source, target] of Object.entries(bundle)) {
      assert.match(target, HAN, source);
      const placeholders = (s: string) => (s.match(/\{\d+\}/g) ?? []).sort().join();
      assert.equal(placeholders(target), placeholders(source), `the placeholders of "${source}"`);
    }
  });
});
