import { VERSION } from '../help';
import type { StreamFormat } from './runReport';

/**
 * `--format json`: exactly the contract's JSON report, nothing added, indented by two spaces. It
 * is written file by file, and the text is the same as `JSON.stringify(report, null, 2)`.
 */
export const jsonFormat: StreamFormat = {
  head: () =>
    `{\n  "tool": ${indent(JSON.stringify({ name: 'cluster-policy-lint', version: VERSION }, null, 2), 2)},\n  "files": [`,
  // Stringified inside an array inside an object, a file's lines come indented as they stand in
  // the report; only the wrapper's first and last lines are cut off.
  file: (file) => JSON.stringify({ files: [file] }, null, 2).slice(FILE_START.length - 1, -FILE_END.length),
  between: ',',
  tail: (end) =>
    `${end.summary.files ? '\n  ' : ''}],\n  "summary": ${indent(JSON.stringify(end.summary, null, 2), 2)}\n}\n`,
};

const FILE_START = '{\n  "files": [\n';
const FILE_END = '\n  ]\n}';

/** Nests pretty-printed JSON `by` spaces deeper: every line but the first gains the indent. */
function indent(json: string, by: number): string {
  return json.replace(/\n/g, `\n${' '.repeat(by)}`);
}
