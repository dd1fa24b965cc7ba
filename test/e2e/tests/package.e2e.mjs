// The packaged .vsix, as the marketplace and an offline install receive it: it carries the
// licence and the changelog, its READMEs link to nothing outside the package (government networks
// often cannot reach a public code host), it declares that it works in virtual workspaces, and it
// stays under 1.5 MB. Read from the zip itself, with no unzip tool.
import assert from 'node:assert/strict';
import { readFile, stat } from 'node:fs/promises';
import { inflateRawSync } from 'node:zlib';
import { before, describe, test } from 'node:test';
import { prepared } from '../lib/setup.mjs';

/** The files of a zip archive, by name, read from its central directory. */
function unzip(zip) {
  let end = zip.length - 22;
  while (end >= 0 && zip.readUInt32LE(end) !== 0x06054b50) end--;
  assert.ok(end >= 0, 'the .vsix is a zip archive');
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const files = new Map();
  for (let i = 0; i < count; i++) {
    assert.equal(zip.readUInt32LE(at), 0x02014b50, 'a central directory entry');
    const method = zip.readUInt16LE(at + 10);
    const size = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    const dataAt = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const data = zip.subarray(dataAt, dataAt + size);
    files.set(name, () => (method === 8 ? inflateRawSync(data) : data));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return files;
}

describe('the packaged extension', () => {
  let files;
  let size;

  before(async () => {
    const { vsix } = await prepared();
    const zip = await readFile(vsix);
    size = (await stat(vsix)).size;
    files = unzip(zip);
  });

  test('carries the licence and the changelog', () => {
    const names = [...files.keys()];
    assert.ok(
      names.some((n) => /^extension\/LICENSE(\.txt|\.md)?$/i.test(n)),
      `no licence among ${names.join(', ')}`,
    );
    assert.ok(
      names.some((n) => /^extension\/changelog\.md$/i.test(n)),
      'no changelog',
    );
  });

  test('has READMEs whose links and pictures stay inside the package', () => {
    const names = new Set(files.keys());
    const readmes = [...names].filter((n) => /^extension\/readme(\.zh-cn)?\.md$/i.test(n));
    assert.ok(readmes.length >= 2, `READMEs found: ${readmes.join(', ')}`);
    for (const readme of readmes) {
      const text = files.get(readme)().toString('utf8');
      const targets = [...text.matchAll(/\]\(([^)\s]+)[^)]*\)|(?:href|src)="([^"]+)"/g)].map((m) => m[1] ?? m[2]);
      assert.ok(targets.length > 0, `${readme} has links`);
      for (const target of targets) {
        if (target.startsWith('#')) continue;
        assert.doesNotMatch(target, /^[a-z][a-z0-9+.-]*:/i, `${readme} links outside the package: ${target}`);
        const file = `extension/${target.replace(/^\.\//, '').split('#')[0]}`;
        assert.ok(
          names.has(file) || [...names].some((n) => n.toLowerCase() === file.toLowerCase()),
          `${readme} links to ${target}, which the package does not hold`,
        );
      }
    }
  });

  test('declares that it works in virtual workspaces', () => {
    const manifest = JSON.parse(files.get('extension/package.json')().toString('utf8'));
    assert.equal(manifest.capabilities?.virtualWorkspaces, true);
  });

  test('stays under 1.5 MB', () => {
    assert.ok(size < 1.5 * 1024 * 1024, `${size} bytes`);
  });
});
