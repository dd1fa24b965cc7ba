import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lint } from '../../engine';

test('smoke', () => {
  const r = lint('# Plan\n\nWe will upgrade the rail spur. No new infrastructure is planned.\n\n- Transport links, **rail** [x](http://y)\n');
  console.log(JSON.stringify(r.coverage.elements[0], null, 1), r.findings);
  assert.equal(r.language, 'en');
});
