import type * as Sarif from 'sarif';
import type { RuleInfo, Severity } from '../../engine';
import type { Location1 } from '../../report/model';
import type { Formatter, RunNotification } from './runReport';
import { VERSION } from '../help';

/**
 * `--format sarif`: SARIF 2.1.0, which GitHub code scanning and other dashboards read. Rules carry
 * their help text and the paper paragraph they come from; results carry 1-based regions counted
 * in UTF-16 code units, as the contract's positions are, and the quick fix when there is one.
 */
export const formatSarif: Formatter = (report) => {
  const rules = report.rules;
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
  const artifacts: Sarif.Artifact[] = report.json.files.map((file, i) => {
    const artifact: Sarif.Artifact = { location: { uri: toUri(file.path) }, sourceLanguage: 'markdown' };
    const encoding = report.encodings[i];
    if (encoding) artifact.encoding = encoding;
    return artifact;
  });
  const results: Sarif.Result[] = [];
  const executionNotifications: Sarif.Notification[] = [];
  report.json.files.forEach((file, fileIndex) => {
    const artifactLocation = { uri: toUri(file.path), index: fileIndex };
    if (file.error !== undefined) {
      executionNotifications.push({
        level: 'error',
        message: { text: `${file.path}: ${file.error}` },
        locations: [{ physicalLocation: { artifactLocation } }],
      });
      return;
    }
    file.diagnostics.forEach((d, i) => {
      const result: Sarif.Result = {
        ruleId: d.ruleId,
        level: LEVELS[d.severity],
        message: { text: d.message },
        locations: [{ physicalLocation: { artifactLocation, region: region(d) } }],
      };
      const index = ruleIndex.get(d.ruleId);
      if (index !== undefined) result.ruleIndex = index;
      if (d.facet) result.properties = { facet: d.facet };
      const fix = report.drafts[fileIndex]?.fixes[i];
      if (fix) {
        result.fixes = [
          {
            description: { text: fix.title },
            artifactChanges: [
              {
                artifactLocation,
                replacements: fix.edits.map((e) => ({ deletedRegion: region(e), insertedContent: { text: e.text } })),
              },
            ],
          },
        ];
      }
      results.push(result);
    });
  });

  const log: Sarif.Log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'cluster-policy-lint',
            version: VERSION,
            semanticVersion: VERSION,
            rules: rules.map(ruleDescriptor),
          },
        },
        invocations: [
          {
            executionSuccessful: report.executionSuccessful,
            toolExecutionNotifications: executionNotifications,
            toolConfigurationNotifications: report.notifications.map(notification),
          },
        ],
        artifacts,
        results,
        columnKind: 'utf16CodeUnits',
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
};

const LEVELS: Record<Severity, Sarif.Result.level> = {
  error: 'error',
  warning: 'warning',
  information: 'note',
  hint: 'note',
};

function ruleDescriptor(rule: RuleInfo): Sarif.ReportingDescriptor {
  const asks = rule.asks.en || rule.title.en;
  const citation = rule.paper
    ? `${rule.paper.section}${rule.paper.paragraph !== undefined ? `, paragraph ${rule.paper.paragraph}` : ''}: ${rule.paper.says.en}`
    : undefined;
  const descriptor: Sarif.ReportingDescriptor = {
    id: rule.id,
    name: rule.id.replace(/(^|-)([a-z0-9])/g, (_, _dash: string, c: string) => c.toUpperCase()),
    shortDescription: { text: rule.title.en },
    fullDescription: { text: asks },
    help: {
      text: citation ? `${asks}\n\nFrom the paper (${citation})` : asks,
      markdown: citation ? `${asks}\n\n**From the paper** (${citation})` : asks,
    },
    defaultConfiguration: { level: LEVELS[rule.severity] },
    properties: {
      tags: [rule.kind],
      kind: rule.kind,
      title: rule.title,
      ...(rule.group !== undefined ? { group: rule.group } : {}),
      ...(rule.paper ? { paper: rule.paper } : {}),
    },
  };
  if (rule.docs) descriptor.helpUri = rule.docs;
  return descriptor;
}

function region(l: Location1): Sarif.Region {
  return { startLine: l.line, startColumn: l.column, endLine: l.endLine, endColumn: l.endColumn };
}

function notification(n: RunNotification): Sarif.Notification {
  const out: Sarif.Notification = { level: n.level, message: { text: n.message } };
  if (n.file !== undefined) {
    const physicalLocation: Sarif.PhysicalLocation = { artifactLocation: { uri: toUri(n.file) } };
    if (n.line !== undefined)
      physicalLocation.region = { startLine: n.line, ...(n.column !== undefined ? { startColumn: n.column } : {}) };
    out.locations = [{ physicalLocation }];
  }
  return out;
}

/** A relative path as a URI reference: each segment percent-encoded (spaces, Chinese names). */
function toUri(p: string): string {
  return p
    .split('/')
    .map((s) => (s === '..' || s === '.' ? s : encodeURIComponent(s)))
    .join('/');
}
