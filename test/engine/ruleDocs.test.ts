import path from 'node:path';
import { test } from 'node:test';
import { builtinPack } from '../../engine';
import { renderRuleDocs } from '../../report/ruleDocs';
import { matchSnapshot } from '../support/snapshot';

test('docs/rules.md says what the built-in pack checks, rule by rule', () => {
  matchSnapshot(path.resolve(__dirname, '../../docs/rules.md'), renderRuleDocs(builtinPack()));
});
