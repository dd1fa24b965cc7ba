import type { Formatter } from './runReport';

/** `--format json`: exactly the contract's JSON report, nothing added. */
export const formatJson: Formatter = (report) => `${JSON.stringify(report.json, null, 2)}\n`;
