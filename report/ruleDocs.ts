import type { Pack } from '../engine';

/**
 * The rule documentation (`docs/rules.md`) rendered from a pack's own data, so the page every
 * diagnostic links to cannot drift from what the linter checks. A test keeps the committed page
 * equal to this rendering.
 */
export function renderRuleDocs(pack: Pack): string {
  const out: string[] = [
    '# Rules of the `sme-cluster` pack',
    '',
    '<!-- Generated from packs/sme-cluster.yaml by report/ruleDocs.ts; do not edit by hand.',
    '     After changing the pack: UPDATE_SNAPSHOTS=1 npm test, then review the diff. -->',
    '',
    'Every rule id below is stable: configuration files, inline directives and the JSON report use',
    'them. Coverage elements come from the paper in `../shared/paper/`; each names the paragraph it',
    'comes from. 每条规则都注明其在论文中的出处。',
    '',
  ];
  for (const group of pack.groups) {
    out.push(`## ${group.id}. ${group.title.en} · ${group.title.zh}`, '');
    if (group.paper)
      out.push(
        `Paper: *${group.paper.section}*${group.paper.paragraph ? `, paragraph ${group.paper.paragraph}` : ''}.`,
        '',
      );
    for (const rule of pack.rules.filter((r) => r.kind === 'coverage' && r.group === group.id)) {
      out.push(`### ${rule.id}`, '', `**${rule.title.en}** · ${rule.title.zh}`, '');
      out.push(
        `- Kind: coverage element · default severity: ${rule.severity} · covered when at least ${rule.k} of its ${rule.facets?.length} facets are`,
      );
      if (rule.paper) {
        out.push(
          `- Paper: *${rule.paper.section}*${rule.paper.paragraph ? `, paragraph ${rule.paper.paragraph}` : ''}`,
        );
        out.push(`  - ${rule.paper.says.en}`, `  - ${rule.paper.says.zh}`);
      }
      out.push(`- What it asks: ${rule.asks.en}`, `  - ${rule.asks.zh}`, '- Facets:');
      for (const facet of rule.facets ?? []) out.push(`  - \`${facet.id}\`: ${facet.title.en} · ${facet.title.zh}`);
      out.push('');
    }
  }
  out.push('## Drafting rules · 起草质量规则', '');
  for (const rule of pack.rules.filter((r) => r.kind === 'drafting')) {
    out.push(
      `### ${rule.id}`,
      '',
      `**${rule.title.en}** · ${rule.title.zh}`,
      '',
      `- Kind: drafting · default severity: ${rule.severity}`,
    );
    if (rule.paper) {
      out.push(`- Paper: *${rule.paper.section}*${rule.paper.paragraph ? `, paragraph ${rule.paper.paragraph}` : ''}`);
      out.push(`  - ${rule.paper.says.en}`, `  - ${rule.paper.says.zh}`);
    }
    out.push(`- What it asks: ${rule.asks.en}`, `  - ${rule.asks.zh}`, '');
  }
  out.push(
    '## Turning rules off',
    '',
    'In a configuration file (`rules: { joint-action: off }`), or in the draft with an HTML comment:',
    '`<!-- cluster-policy-lint-disable-file joint-action -->`, `disable` / `enable`, `disable-line`,',
    '`disable-next-line`. A coverage element that is turned off is reported as `off`, not missing.',
    '',
  );
  return out.join('\n');
}

/** One rule's entry in the editor's `clusterPolicyLint.rules` setting. */
export interface RuleSettingSchema {
  type: 'string';
  enum: string[];
  markdownDescription: string;
}

/**
 * The per-rule entries of the VS Code setting `clusterPolicyLint.rules`, from a pack's rules, so
 * that a rule added to the pack appears in the settings editor. A test keeps package.json equal
 * to this rendering.
 */
export function renderRuleSettings(pack: Pack): Record<string, RuleSettingSchema> {
  const levels = ['error', 'warning', 'information', 'hint', 'off'];
  const out: Record<string, RuleSettingSchema> = {};
  for (const rule of pack.rules) {
    // In both languages: the pack holds both titles, and a settings description has one text.
    const markdownDescription =
      rule.kind === 'coverage'
        ? `Coverage element: ${rule.title.en} · 覆盖要素：${rule.title.zh} (default \`${rule.severity}\`).`
        : `Drafting rule: ${rule.title.en} · 起草规则：${rule.title.zh} (default \`${rule.severity}\`).`;
    out[rule.id] = { type: 'string', enum: levels, markdownDescription };
  }
  return out;
}
