import type * as Sarif from 'sarif';
import type { RuleInfo, Severity } from '../../engine';
import type { TextEncodingName } from '../../project/decode';
import type { FileReport, Location1 } from '../../report/model';
import type { LintedDraft, RunNotification, TextSink } from './runReport';
import { VERSION } from '../help';

/**
 * `--format sarif`: SARIF 2.1.0, which GitHub code scanning and other dashboards read. Rules carry
 * their help text and the paper paragraph they come from; results carry 1-based regions counted
 * in UTF-16 code units, as the contract's positions are, and the quick fix when there is one.
 *
 * Written as it grows, like the other reports: the rules first, then each draft's results as the
 * draft is linted, and at the end what only the end knows (the files, the run's notifications).
 * A run over thousands of drafts then holds a few words per draft, not every result.
 */
export class SarifWriter {
  private readonly ruleIndex: Map<string, number>;
  private readonly artifacts: Sarif.Artifact[] = [];
  private readonly executionNotifications: Sarif.Notification[] = [];
  private results = 0;

  constructor(
    private readonly sink: TextSink,
    rules: readonly RuleInfo[],
  ) {
    this.ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
    const tool: Sarif.Tool = {
      driver: {
        name: 'cluster-policy-lint',
        version: VERSION,
        semanticVersion: VERSION,
        rules: rules.map(ruleDescriptor),
      },
    };
    sink.write(
      `{\n  "$schema": "https://json.schemastore.org/sarif-2.1.0.json",\n  "version": "2.1.0",\n  "runs": [\n    {\n      "tool": ${indented(tool, 6)},\n      "results": [`,
    );
  }

  /** Writes one file's results (or, for a file that could not be linted, keeps its notification). */
  file(file: FileReport, draft: LintedDraft | undefined, encoding: TextEncodingName | undefined): void {
    const fileIndex = this.artifacts.length;
    const artifact: Sarif.Artifact = { location: { uri: toUri(file.path) }, sourceLanguage: 'markdown' };
    if (encoding) artifact.encoding = encoding;
    this.artifacts.push(artifact);
    const artifactLocation = { uri: toUri(file.path), index: fileIndex };
    if (file.error !== undefined) {
      this.executionNotifications.push({
        level: 'error',
        message: { text: `${file.path}: ${file.error}` },
        locations: [{ physicalLocation: { artifactLocation } }],
      });
      return;
    }
    let text = '';
    file.diagnostics.forEach((d, i) => {
      const result: Sarif.Result = {
        ruleId: d.ruleId,
        level: LEVELS[d.severity],
        message: { text: d.message },
        locations: [{ physicalLocation: { artifactLocation, region: region(d) } }],
      };
      const index = this.ruleIndex.get(d.ruleId);
      if (index !== undefined) result.ruleIndex = index;
      if (d.facet) result.properties = { facet: d.facet };
      const fix = draft?.fixes[i];
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
      text += `${this.results++ ? ',' : ''}\n        ${indented(result, 8)}`;
    });
    if (text) this.sink.write(text);
  }

  /** Writes the end: the files, the run's outcome and its notifications. */
  finish(notifications: readonly RunNotification[], executionSuccessful: boolean): void {
    const invocation: Sarif.Invocation = {
      executionSuccessful,
      toolExecutionNotifications: this.executionNotifications,
      toolConfigurationNotifications: notifications.map(notification),
    };
    this.sink.write(
      `${this.results ? '\n      ' : ''}],\n      "artifacts": ${indented(this.artifacts, 6)},\n      "invocations": ${indented([invocation], 6)},\n      "columnKind": "utf16CodeUnits"\n    }\n  ]\n}\n`,
    );
  }
}

/** A value as indented JSON, its lines after the first indented by `depth` spaces. */
function indented(value: unknown, depth: number): string {
  return JSON.stringify(value, null, 2).replace(/\n/g, `\n${' '.repeat(depth)}`);
}

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
