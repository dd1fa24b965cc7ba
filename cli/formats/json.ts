import { VERSION } from '../help';
import type { StreamFormat } from './runReport';

/**
 * `--format json`: exactly the contract's JSON report, nothing added, indented by two spaces. It
 * is written file by file, and the text is the same as `JSON.stringify(report, null, 2)`.
 */
export const jsonFormat: StreamFormat = {
  head: () => `{\n  "tool": ${indent(JSON.stringify({ name: 'cluster-policy-lint', version: VERSION }, null, 2), 2)},\n  "files": [`,
  file: (file) => `\n    ${indent(JSON.stringify(file, null, 2), 4)}`,
  between: ',',
  tail: (end) => `${end.summary.files ? '\n  ' : ''}],\n  "summary": ${indent(JSON.stringify(end.summary, null, 2), 2)}\n}\n`,
};

/** Nests pretty-printed JSON `by` spaces deeper: every line but the first gains the indent. */
function indent(json: string, by: number): string {
  return json.replace(/\n/g, `\n${' '.repeat(by)}`);
}
