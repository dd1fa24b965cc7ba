import type { Severity } from '../../engine';
import type { StreamFormat } from './runReport';

/**
 * `--format github`: workflow commands that GitHub Actions turns into annotations on the pull
 * request, one per finding: `::warning file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message`.
 */
export const githubFormat: StreamFormat = {
  head: () => '',
  file(file) {
    if (file.error !== undefined)
      return `${command('error', { file: file.path, title: 'not linted' }, `${file.path}: ${file.error}`)}\n`;
    let out = '';
    for (const d of file.diagnostics) {
      const where = {
        file: file.path,
        line: d.line,
        col: d.column,
        endLine: d.endLine,
        endColumn: d.endColumn,
        title: d.ruleId,
      };
      out += `${command(LEVELS[d.severity], where, d.message)}\n`;
    }
    return out;
  },
  between: '',
  tail({ notifications }) {
    let out = '';
    for (const n of notifications) {
      const properties: Record<string, string | number> = { title: 'cluster-policy-lint' };
      if (n.file !== undefined) properties.file = n.file;
      if (n.line !== undefined) properties.line = n.line;
      if (n.column !== undefined) properties.col = n.column;
      out += `${command(n.level === 'note' ? 'notice' : n.level, properties, n.message)}\n`;
    }
    return out;
  },
};

/** GitHub has three annotation levels; information and hints are notices. */
const LEVELS: Record<Severity, 'error' | 'warning' | 'notice'> = {
  error: 'error',
  warning: 'warning',
  information: 'notice',
  hint: 'notice',
};

/** One workflow command, escaped as the runner expects: data and properties differ. */
export function command(name: string, properties: Record<string, string | number>, message: string): string {
  const props = Object.entries(properties)
    .map(([k, v]) => `${k}=${escapeProperty(String(v))}`)
    .join(',');
  return `::${name}${props ? ` ${props}` : ''}::${escapeData(message)}`;
}

function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
