import type { RuleInfo } from '../../engine';

/**
 * `--list-rules`: one aligned line per rule: id, kind, default severity, source paragraph, title,
 * with the header, kinds and titles in English or Chinese (ids and severities are what a
 * configuration file writes, so they stay as they are).
 */
export function formatRuleList(rules: readonly RuleInfo[], lang: 'en' | 'zh' = 'en'): string {
  const zh = lang === 'zh';
  const kind = (r: RuleInfo) => (zh ? (r.kind === 'coverage' ? '覆盖要素' : '起草规则') : r.kind);
  const rows = rules.map((r) => [r.id, kind(r), r.severity, citation(r), r.title[lang] || r.title.en]);
  const header = zh ? ['规则', '类别', '严重程度', '论文出处', '标题'] : ['rule', 'kind', 'severity', 'paper', 'title'];
  const widths = header.map((h, c) => Math.max(width(h), ...rows.map((r) => width(r[c]!))));
  const line = (cells: string[]) =>
    cells
      .map((cell, c) => (c === cells.length - 1 ? cell : cell + ' '.repeat(widths[c]! - width(cell))))
      .join('  ')
      .trimEnd();
  return `${[line(header), ...rows.map(line)].join('\n')}\n`;
}

/** `--list-rules --format json`: the rules as data. */
export function formatRuleListJson(rules: readonly RuleInfo[]): string {
  const out = rules.map((r) => ({
    id: r.id,
    kind: r.kind,
    severity: r.severity,
    title: r.title,
    ...(r.paper ? { paper: r.paper } : {}),
    ...(r.docs ? { docs: r.docs } : {}),
  }));
  return `${JSON.stringify(out, null, 2)}\n`;
}

function citation(rule: RuleInfo): string {
  if (!rule.paper) return '—';
  return rule.paper.paragraph !== undefined ? `${rule.paper.section} ¶${rule.paper.paragraph}` : rule.paper.section;
}

/** The columns a text takes in a terminal: Chinese characters take two. */
function width(text: string): number {
  let n = 0;
  for (const ch of text)
    n += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch)
      ? 2
      : 1;
  return n;
}
