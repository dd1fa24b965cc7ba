import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { CodeLens, CompletionItem, Hover, MarkupContent } from 'vscode-languageserver/node';
import {
  CoverageSummaryRequest,
  ElementsRequest,
  FileReportRequest,
  RulesRequest,
  ServerCommands,
  type CoverageSummary,
  type ElementChoice,
  type FileReportResult,
  type RuleChoice,
  type WorkspaceLintResult,
} from '../../common/protocol';
import { EN_DRAFT, ZH_DRAFT } from './drafts';
import { TestClient, Workspace } from './lspClient';

const lineOf = (text: string, starts: string) => text.split('\n').findIndex((l) => l.startsWith(starts));

describe('hover, completion, code lens and the custom requests', () => {
  let ws: Workspace;
  let client: TestClient;
  let en: string;
  let zh: string;
  before(async () => {
    ws = new Workspace({ 'plans/en.md': EN_DRAFT, 'plans/zh.md': ZH_DRAFT, 'notes/closed.md': EN_DRAFT });
    client = await TestClient.start(ws, { pull: true, snippets: true });
    en = ws.uri('plans/en.md');
    zh = ws.uri('plans/zh.md');
    await client.open(en, EN_DRAFT);
    await client.open(zh, ZH_DRAFT);
  });
  after(async () => {
    await client.stop();
    ws.dispose();
  });

  const hover = async (uri: string, line: number, character: number) =>
    (
      (
        await client.request<Hover | null>('textDocument/hover', {
          textDocument: { uri },
          position: { line, character },
        })
      )?.contents as MarkupContent | undefined
    )?.value ?? '';

  test('hover on a diagnostic says what the rule asks, why in the paper, and which facets would count', async () => {
    const hard = (await client.pull(en)).find((d) => d.code === 'hard-environment')!;
    const text = await hover(en, hard.range.start.line, hard.range.start.character + 1);
    assert.match(text, /What it asks/);
    assert.match(text, /Why:.*the paper/);
    assert.match(text, /What would count.*2 of these/);
    assert.match(text, /✓ transport — “.*rail/);
    assert.match(text, /✗ infrastructure/);
    assert.match(text, /\(file:\/\/\S+\/docs\/rules\.md#hard-environment\)/);
  });

  test('hover on a Chinese draft is written in Chinese', async () => {
    const owner = (await client.pull(zh)).find((d) => d.code === 'hard-environment')!;
    const text = await hover(zh, owner.range.start.line, owner.range.start.character + 1);
    assert.match(text, /要求/);
    assert.match(text, /依据/);
  });

  test('hover on a heading lists the elements and facets its section covers, with the passages', async () => {
    const line = lineOf(EN_DRAFT, '## Key measures');
    const text = await hover(en, line, 4);
    assert.match(text, /This section covers/);
    assert.match(text, /Hard environment/);
    assert.match(text, /transport — “Upgrade the freight rail spur/);
    const empty = await hover(en, lineOf(EN_DRAFT, '## Objectives'), 4);
    assert.match(empty, /covers no element/);
  });

  test('completion on an empty line offers section templates, the elements the draft lacks first', async () => {
    const line = lineOf(EN_DRAFT, '## Implementation') - 1;
    const items = await client.request<CompletionItem[]>('textDocument/completion', {
      textDocument: { uri: en },
      position: { line, character: 0 },
    });
    const sorted = [...items].sort((a, b) => (a.sortText ?? '').localeCompare(b.sortText ?? ''));
    assert.ok(sorted.length > 0);
    assert.match(sorted[0]!.detail ?? '', /missing|partly covered/);
    const hard = items.find((i) => i.label === 'Hard environment')!;
    assert.match(
      (hard.textEdit as { newText: string }).newText,
      /^### Hard environment/,
      'one level below the enclosing section',
    );
  });

  test('completion of a heading being typed keeps the typed level', async () => {
    await client.open(ws.uri('plans/typing.md'), '# Plan\n\n## ');
    const items = await client.request<CompletionItem[]>('textDocument/completion', {
      textDocument: { uri: ws.uri('plans/typing.md') },
      position: { line: 2, character: 3 },
    });
    const hard = items.find((i) => i.label === 'Hard environment')!;
    assert.match((hard.textEdit as { newText: string }).newText, /^## Hard environment/);
  });

  test('completion inside a directive comment offers directive keywords, then rule ids', async () => {
    const uri = ws.uri('plans/directive.md');
    await client.open(uri, '# Plan\n\n<!-- cluster-policy-lint-dis\n<!-- cluster-policy-lint-disable-next-line meas\n');
    const keywords = await client.request<CompletionItem[]>('textDocument/completion', {
      textDocument: { uri },
      position: { line: 2, character: 28 },
    });
    assert.ok(keywords.some((i) => i.label === 'cluster-policy-lint-disable-next-line'));
    const rules = await client.request<CompletionItem[]>('textDocument/completion', {
      textDocument: { uri },
      position: { line: 3, character: 47 },
    });
    const owner = rules.find((i) => i.label === 'measure-owner')!;
    assert.ok(owner);
    assert.deepEqual((owner.textEdit as { range: unknown }).range, {
      start: { line: 3, character: 43 },
      end: { line: 3, character: 47 },
    });
  });

  test('completion after a list marker offers the measure skeleton, in the draft language first', async () => {
    const uri = ws.uri('plans/measure.md');
    await client.open(uri, '# 规划\n\n## 主要任务\n\n- 建设公共检测中心。\n');
    const items = await client.request<CompletionItem[]>('textDocument/completion', {
      textDocument: { uri },
      position: { line: 4, character: 12 },
    });
    const sorted = [...items].sort((a, b) => (a.sortText ?? '').localeCompare(b.sortText ?? ''));
    assert.equal(sorted[0]!.label, '牵头单位 / 完成时限 / 量化指标');
    assert.match(
      (sorted[0]!.textEdit as { newText: string }).newText,
      /^牵头单位：\$\{1:[^}]+\}；完成时限：\$\{2:[^}]+\}；量化指标：\$\{3:[^}]+\}$/,
    );
    assert.ok(sorted.some((i) => i.label === 'Lead / Deadline / Indicator'));
  });

  test('completion in the middle of prose offers nothing', async () => {
    const line = lineOf(EN_DRAFT, 'Lakeside County has');
    const items = await client.request<CompletionItem[]>('textDocument/completion', {
      textDocument: { uri: en },
      position: { line, character: 10 },
    });
    assert.deepEqual(items, []);
  });

  test('code lens at the top shows the coverage, and a group heading its group', async () => {
    const lenses = await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: en } });
    const top = lenses.filter((l) => l.range.start.line === 0).map((l) => l.command!.title);
    assert.match(top[0]!, /^Coverage \d+\/\d+/);
    assert.ok(lenses.every((l) => l.command?.command === ServerCommands.showCoverage));
    const zhLenses = await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: zh } });
    assert.match(zhLenses[0]!.command!.title, /^覆盖 \d+\/\d+/);
  });

  test('answers the coverage view request with the CLI contract report, titles and groups', async () => {
    const result = await client.request<FileReportResult | null>(FileReportRequest.method, { uri: en });
    assert.ok(result);
    assert.equal(result.report.path, 'plans/en.md');
    assert.equal(result.report.language, 'en');
    assert.ok(result.report.coverage!.elements.some((e) => e.id === 'hard-environment'));
    assert.ok(result.report.diagnostics.some((d) => d.ruleId === 'terminology' && d.line === 1));
    assert.ok(result.elements.every((e) => e.title.en && e.title.zh));
    assert.ok(result.groups.length > 0);
  });

  test('answers the status, element and rule requests', async () => {
    const summary = await client.request<CoverageSummary>(CoverageSummaryRequest.method, { uri: zh });
    assert.match(summary.text, /^覆盖/);
    // Short enough for the status hover's one line: how many elements the draft does not address.
    const file = await client.request<FileReportResult>(FileReportRequest.method, { uri: zh });
    const missing = file.report.coverage!.elements.filter((e) => e.status === 'missing').length;
    assert.ok(missing > 0, 'the draft misses some elements');
    assert.equal(summary.detail, `${missing} 项未覆盖`);
    const done = await client.request<CoverageSummary>(CoverageSummaryRequest.method, { uri: en });
    const enFile = await client.request<FileReportResult>(FileReportRequest.method, { uri: en });
    const enMissing = enFile.report.coverage!.elements.filter((e) => e.status === 'missing').length;
    assert.equal(done.detail, enMissing ? `${enMissing} missing` : 'none missing');
    const elements = await client.request<ElementChoice[]>(ElementsRequest.method, { uri: en });
    const ranks = elements.map((e) => ['missing', 'partial', 'covered', 'off'].indexOf(e.status));
    assert.deepEqual(
      ranks,
      [...ranks].sort((a, b) => a - b),
      'uncovered elements first',
    );
    const rules = await client.request<RuleChoice[]>(RulesRequest.method, {});
    // The rule documentation that ships with the server, never a page on the internet.
    const docs = rules.find((r) => r.id === 'measure-owner')?.docs ?? '';
    assert.match(docs, /^file:\/\/.*\/docs\/rules\.md#measure-owner$/);
  });

  test('inserts a section template on command, through workspace/applyEdit', async () => {
    const uri = ws.uri('plans/insert.md');
    await client.open(uri, '# Plan\n\n## Measures\n\n- Build a park.\n');
    const applied = await client.request<boolean>('workspace/executeCommand', {
      command: ServerCommands.insertSection,
      arguments: [{ uri, elementId: 'hard-environment' }],
    });
    assert.equal(applied, true);
    assert.match(client.text(uri), /- Build a park\.\n\n### Hard environment/);
  });

  test('lints the whole workspace with work-done progress and pushes closed drafts', async () => {
    const token = 'lint-all';
    const result = await client.request<WorkspaceLintResult>('workspace/executeCommand', {
      command: ServerCommands.lintWorkspace,
      workDoneToken: token,
    });
    assert.equal(result.files, 3);
    assert.ok(result.warnings > 0);
    const kinds = client.progress.filter((p) => p.token === token).map((p) => p.value.kind);
    assert.equal(kinds[0], 'begin');
    assert.equal(kinds[kinds.length - 1], 'end');
    const closed = await client.pushedWhere(
      ws.uri('notes/closed.md'),
      (d) => d.length > 0,
      'diagnostics of the closed draft',
    );
    assert.ok(closed.some((d) => d.code === 'terminology'));
    assert.ok(!client.pushed.has(en), 'open drafts are left to the pull model');
  });
});

describe('many open drafts', () => {
  test('a feature on a draft opened long ago answers as it did right after its lint', async () => {
    // The server keeps only the last few lints; an older draft is linted again when asked about.
    const files = Object.fromEntries(
      Array.from({ length: 8 }, (_, i) => [`plans/draft-${i}.md`, i % 2 ? ZH_DRAFT : EN_DRAFT]),
    );
    const ws = new Workspace(files);
    const client = await TestClient.start(ws, { pull: true, snippets: true });
    try {
      const first = ws.uri('plans/draft-0.md');
      await client.open(first, EN_DRAFT);
      const diagnostics = await client.pull(first);
      const hard = diagnostics.find((d) => d.code === 'hard-environment')!;
      const hoverAt = {
        textDocument: { uri: first },
        position: { line: hard.range.start.line, character: hard.range.start.character + 1 },
      };
      const hoverBefore = await client.request<Hover | null>('textDocument/hover', hoverAt);
      const lensesBefore = await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: first } });
      for (let i = 1; i < 8; i++) {
        const uri = ws.uri(`plans/draft-${i}.md`);
        await client.open(uri, files[`plans/draft-${i}.md`]!);
        await client.pull(uri);
      }
      assert.deepEqual(await client.request<Hover | null>('textDocument/hover', hoverAt), hoverBefore);
      assert.deepEqual(
        await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: first } }),
        lensesBefore,
      );
      assert.deepEqual(await client.pull(first), diagnostics);
      assert.match((hoverBefore?.contents as MarkupContent | undefined)?.value ?? '', /What it asks/);
    } finally {
      await client.stop();
      ws.dispose();
    }
  });
});
