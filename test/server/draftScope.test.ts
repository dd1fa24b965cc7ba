import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { draftScope, frontMatterSwitch, type ScopeFacts } from '../../server/draftScope';

const nothing: ScopeFacts = {
  enabled: true,
  requested: false,
  frontMatter: undefined,
  configured: false,
  ignored: false,
  included: false,
};

describe('which Markdown files are policy drafts', () => {
  test('a file nothing names is not checked', () => {
    assert.deepEqual(draftScope(nothing), { checked: false, reason: 'no-configuration' });
  });

  test('a configuration file, the front matter, a setting or a request each make a file a draft', () => {
    assert.equal(draftScope({ ...nothing, configured: true }).reason, 'configuration');
    assert.equal(draftScope({ ...nothing, frontMatter: true }).reason, 'front-matter');
    assert.equal(draftScope({ ...nothing, included: true }).reason, 'setting');
    assert.equal(draftScope({ ...nothing, requested: true }).reason, 'requested');
  });

  test("front matter saying false turns off a file a configuration covers, and the user's request wins", () => {
    assert.deepEqual(draftScope({ ...nothing, configured: true, frontMatter: false }), {
      checked: false,
      reason: 'front-matter-off',
    });
    assert.equal(draftScope({ ...nothing, configured: true, frontMatter: false, requested: true }).checked, true);
  });

  test("a configuration's ignores and the enable setting turn checking off", () => {
    assert.equal(draftScope({ ...nothing, configured: true, ignored: true }).reason, 'ignored');
    assert.equal(draftScope({ ...nothing, enabled: false, requested: true }).reason, 'disabled');
  });

  test('reads cluster-policy-lint from YAML front matter only', () => {
    assert.equal(frontMatterSwitch('---\ntitle: Plan\ncluster-policy-lint: true\n---\n# Plan\n'), true);
    assert.equal(frontMatterSwitch('\uFEFF---\r\ncluster-policy-lint: "false" # not yet\r\n---\r\n'), false);
    assert.equal(frontMatterSwitch('---\ncluster-policy-lint: yes\n...\n'), true);
    assert.equal(frontMatterSwitch('# Plan\n\ncluster-policy-lint: true\n'), undefined);
    assert.equal(frontMatterSwitch('---\ntitle: Plan\n---\n'), undefined);
  });
});
