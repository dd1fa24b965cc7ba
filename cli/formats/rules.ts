import type { RuleInfo } from '../../engine';

/** `--list-rules`: one aligned line per rule: id, kind, default severity, source paragraph, title. */
export function formatRuleList(rules: readonly RuleInfo[]): string {
  const rows = rules.map((r) => [r.id, r.kind, r.severity, citation(r), r.title.en]);
  const header = ['rule', 'kind', 'severity', 'paper', 'title'];
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, c) => (c === cells.length - 1 ? cell : cell.padEnd(widths[c]!)))
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
