import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { builtinPack, lint } from '../../engine';
import { coverageSummaryOf } from '../../server/customRequests';

test("the status item's detail counts the missing elements, in the draft's language", () => {
  const en = lint(
    '# Lakeside hardware cluster plan\n\nThe county will build a testing centre and upgrade the freight rail spur by 2028.\n',
  );
  const missing = en.coverage.elements.filter((e) => e.status === 'missing').length;
  assert.ok(missing > 1);
  assert.equal(coverageSummaryOf(en).detail, `${missing} missing`);

  const zh = lint('# 青溪县陶瓷产业集群发展规划\n\n建设陶瓷检测中心，完善园区道路和物流配套。\n');
  const zhMissing = zh.coverage.elements.filter((e) => e.status === 'missing').length;
  assert.equal(coverageSummaryOf(zh).detail, `${zhMissing} 项未覆盖`);

  // With every element turned off nothing is missing.
  const off = Object.fromEntries(builtinPack().elements.map((e) => [e.id, 'off' as const]));
  assert.equal(coverageSummaryOf(lint('# Plan\n\nText.\n', { rules: off })).detail, 'none missing');
  assert.equal(coverageSummaryOf(lint('# 规划\n\n正文。\n', { rules: off })).detail, '没有未覆盖的要素');
});

test("the status item's detail says when a draft reads as about another subject", () => {
  const fixture = (name: string) =>
    readFileSync(path.resolve(__dirname, '../../test/fixtures/judgement', name), 'utf8');
  assert.match(
    coverageSummaryOf(lint(fixture('en-off-topic-corroboration.md'))).detail,
    / · reads as about another subject$/,
  );
  assert.match(coverageSummaryOf(lint(fixture('zh-off-topic-corroboration.md'))).detail, / · 文本主题不是产业集群$/);
  assert.doesNotMatch(coverageSummaryOf(lint(fixture('en-wrong-referent.md'))).detail, /another subject/);
});
