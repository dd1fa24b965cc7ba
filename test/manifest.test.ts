import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { builtinPack } from '../engine';
import { renderRuleSettings } from '../report/ruleDocs';
import { matchSnapshot } from './support/snapshot';

test("the editor's settings list every rule of the built-in pack, with its default severity", () => {
  const file = path.resolve(__dirname, '../package.json');
  const manifest = JSON.parse(readFileSync(file, 'utf8'));
  manifest.contributes.configuration.properties['clusterPolicyLint.rules'].properties =
    renderRuleSettings(builtinPack());
  matchSnapshot(file, `${JSON.stringify(manifest, null, 2)}\n`);
});
