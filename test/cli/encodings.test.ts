import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decodeDraft } from '../../project/decode';
import { PDF_BYTES, QINGXI } from './fixtures';
import { MemoryFileSystem, runInProcess, type Fixture } from './harness';
import { gbkBytes } from '../support/gbk';

function utf16(text: string, littleEndian: boolean): Uint8Array {
  const out = new Uint8Array(2 + text.length * 2);
  out.set(littleEndian ? [0xff, 0xfe] : [0xfe, 0xff]);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out[2 + 2 * i + (littleEndian ? 0 : 1)] = c & 0xff;
    out[2 + 2 * i + (littleEndian ? 1 : 0)] = c >> 8;
  }
  return out;
}

const ENCODED: Record<string, Uint8Array> = {
  'utf8.md': new TextEncoder().encode(QINGXI),
  'utf8-bom.md': new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(QINGXI)]),
  'utf16le.md': utf16(QINGXI, true),
  'utf16be.md': utf16(QINGXI, false),
  'gbk.md': gbkBytes(QINGXI),
};

test('decodes UTF-8 with and without BOM, UTF-16 LE and BE with BOM, and GBK to the same text', () => {
  const expected = {
    'utf8.md': 'UTF-8',
    'utf8-bom.md': 'UTF-8',
    'utf16le.md': 'UTF-16LE',
    'utf16be.md': 'UTF-16BE',
    'gbk.md': 'GB18030',
  };
  for (const [name, bytes] of Object.entries(ENCODED)) {
    const decoded = decodeDraft(bytes);
    assert.ok(decoded.ok, name);
    assert.equal(decoded.text, QINGXI, name);
    assert.equal(decoded.encoding, expected[name as keyof typeof expected], name);
  }
});

test('decodes Chinese UTF-16 without a byte-order mark, little- and big-endian', () => {
  for (const [littleEndian, encoding] of [
    [true, 'UTF-16LE'],
    [false, 'UTF-16BE'],
  ] as const) {
    const decoded = decodeDraft(utf16(QINGXI, littleEndian).subarray(2));
    assert.ok(decoded.ok, encoding);
    assert.equal(decoded.text, QINGXI);
    assert.equal(decoded.encoding, encoding);
    assert.equal(decoded.bom, false);
  }
});

test('lints a Chinese draft in every encoding as Chinese with the same findings', async () => {
  const fixture: Fixture = { '.git/': '' };
  for (const [name, bytes] of Object.entries(ENCODED)) fixture[`drafts/${name}`] = bytes;
  const root = '/cluster-policy-lint-memory/encodings';
  const out = await runInProcess(
    { args: ['--format', 'json', 'drafts'], fixture },
    root,
    new MemoryFileSystem(root, fixture),
  );
  assert.notEqual(out.code, 2, out.stderr);
  const report = JSON.parse(out.stdout) as {
    files: { path: string; language: string; diagnostics: unknown[]; coverage: unknown }[];
  };
  assert.equal(report.files.length, 5);
  const [first, ...rest] = report.files;
  for (const file of report.files) assert.equal(file.language, 'zh', file.path);
  for (const file of rest) {
    assert.deepEqual(file.diagnostics, first!.diagnostics, file.path);
    assert.deepEqual(file.coverage, first!.coverage, file.path);
  }
});

test('refuses binary files with a sentence that names what they are', () => {
  const cases: [Uint8Array, RegExp][] = [
    [PDF_BYTES, /binary file \(a PDF document\), not linted/],
    [new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]), /\.docx/],
    [new Uint8Array([0x23, 0x20, 0x41, 0x00, 0x42, 0x43, 0x0a]), /binary file \(it contains NUL bytes\)/],
    // Half a UTF-16 code unit at the end: not UTF-16, but what it looks like is said.
    [
      new Uint8Array([...[...new TextEncoder().encode('# Plan')].flatMap((b) => [b, 0]), 0x41]),
      /UTF-16 without a byte-order mark/,
    ],
    // Past the first 8 KB, where the byte check stops, the decoded text is checked.
    [
      new TextEncoder().encode(`# Plan\n\n${'Text. '.repeat(2000)}\u0000 more`),
      /binary file \(it contains NUL characters\)/,
    ],
    [
      new TextEncoder().encode(`# Plan\n${'\u0001\u0002\u0007 data '.repeat(3000)}`),
      /binary file \(it contains control characters\)/,
    ],
  ];
  for (const [bytes, reason] of cases) {
    const decoded = decodeDraft(bytes);
    assert.equal(decoded.ok, false);
    if (!decoded.ok) assert.match(decoded.reason, reason);
  }
});

test('reads a draft with a stray control character or a page break as text', () => {
  const decoded = decodeDraft(new TextEncoder().encode('# Plan\f\n\nA bell \u0007 slipped in.\r\n'));
  assert.equal(decoded.ok, true);
});

test('refuses text that is neither UTF-8 nor Chinese GBK instead of linting mojibake', () => {
  // "Café crème" in Latin-1: not UTF-8, and as GB18030 it would not read as Chinese.
  const latin1 = new Uint8Array(
    [...'Caf'].map((c) => c.charCodeAt(0)).concat([0xe9, 0x20, 0x63, 0x72, 0xe8, 0x6d, 0x65, 0x0a]),
  );
  const decoded = decodeDraft(latin1);
  assert.equal(decoded.ok, false);
  if (!decoded.ok) assert.match(decoded.reason, /save the draft as UTF-8/);
});
