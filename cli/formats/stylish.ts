import type { Severity } from '../../engine';
import type { FileReport } from '../../report/model';
import type { GroupCounts } from './runReport';
import type { StreamFormat } from './runReport';

/** The three levels of the paper's soft environment, by their element ids in the built-in pack. */
const SOFT_LEVELS = ['soft-institutional', 'soft-cultural', 'soft-regulatory'];

/**
 * `--format stylish`, for people: findings grouped by file in aligned columns, then a coverage
 * line per file, then a summary. Colour only when asked for (on a terminal, by default).
 */
export const stylishFormat: StreamFormat = {
  head: () => '',
  file(file, groups, { color, lang }) {
    const paint = painter(color);
    const out = [paint.underline(file.path)];
    if (file.error !== undefined) {
      out.push(`  ${paint.red('error')}  ${file.error}`, '');
      return `${out.join('\n')}\n`;
    }
    // The message comes last and is not padded: pack messages are long, and padding every line
    // to the longest one would push the rule ids off any screen.
    // A finding that stands for several rules (a measure lacking a lead body and a deadline) is
    // one line, under all their ids.
    const rows = file.diagnostics
      .filter((d) => !d.parts || d.parts[0] === d.ruleId)
      .map(
        (d) =>
          [
            `${d.line}:${d.column}`,
            d.severity,
            d.parts ? `${d.ruleId} (+${d.parts.length - 1})` : d.ruleId,
            oneLine(d.message),
          ] as const,
      );
    const widths = [0, 1, 2].map((c) => Math.max(0, ...rows.map((r) => r[c]!.length)));
    for (const [loc, severity, ruleId, message] of rows) {
      out.push(
        `  ${paint.dim(loc.padEnd(widths[0]!))}  ${paint.severity(severity, severity.padEnd(widths[1]!))}  ${paint.dim(ruleId.padEnd(widths[2]!))}  ${message}`,
      );
    }
    const coverage = coverageLine(file, groups, lang);
    if (coverage) out.push(`  ${paint.dim(coverage)}`);
    out.push('');
    return `${out.join('\n')}\n`;
  },
  between: '',
  tail({ summary, failed, notifications }, { color, lang }) {
    const paint = painter(color);
    const words = SUMMARY_WORDS[lang];
    const out: string[] = [];
    const { errors, warnings, information, hints } = summary;
    const problems = errors + warnings + information + hints;
    if (problems === 0 && failed === 0) out.push(paint.green(`✔ ${words.clean(summary.files)}`));
    else
      out.push(
        paint.bold(
          (errors || failed ? paint.red : paint.yellow)(
            `✖ ${words.problems(problems, [errors, warnings, information, hints], summary.files, failed)}`,
          ),
        ),
      );
    const runProblems = notifications.filter((n) => n.level === 'error').length;
    // Problems with the run (a broken pack, an operand that matched nothing) are on standard error.
    if (runProblems) out.push(paint.red(`✖ ${words.runProblems(runProblems)}`));
    return `${out.join('\n')}\n`;
  },
};

/** The summary's sentences in each language. */
const SUMMARY_WORDS: Record<
  'en' | 'zh',
  {
    clean(files: number): string;
    problems(total: number, counts: [number, number, number, number], files: number, failed: number): string;
    runProblems(n: number): string;
  }
> = {
  en: {
    clean: (files) => `${plural(files, 'file')} checked, no problems`,
    problems: (total, [errors, warnings, information, hints], files, failed) =>
      `${plural(total, 'problem')} (${[plural(errors, 'error'), plural(warnings, 'warning'), `${information} information`, plural(hints, 'hint')].join(', ')}) in ${plural(files, 'file')}${failed ? `; ${plural(failed, 'file')} could not be linted` : ''}`,
    runProblems: (n) => `${plural(n, 'problem')} with the configuration or the operands, listed on standard error`,
  },
  zh: {
    clean: (files) => `已检查 ${files} 个文件，没有问题`,
    problems: (total, [errors, warnings, information, hints], files, failed) =>
      `${files} 个文件中有 ${total} 个问题（${errors} 个错误，${warnings} 个警告，${information} 条信息，${hints} 条提示）${failed ? `；${failed} 个文件无法检查` : ''}`,
    runProblems: (n) => `配置或操作对象有 ${n} 个问题，详见标准错误输出`,
  },
};

/**
 * `coverage 73% · soft environment 2/3 levels · groups A 2/3, B 1/4`, or in Chinese
 * `覆盖率 73% · 软环境 2/3 个层次 · 各组 A 2/3，B 1/4`; `--help` explains it.
 */
export function coverageLine(
  file: FileReport,
  groupCounts: GroupCounts | undefined,
  lang: 'en' | 'zh' = 'en',
): string | undefined {
  if (!file.coverage) return undefined;
  const zh = lang === 'zh';
  const score = Math.round(file.coverage.score * 100);
  const parts = [zh ? `覆盖率 ${score}%` : `coverage ${score}%`];
  const soft = file.coverage.elements.filter((e) => SOFT_LEVELS.includes(e.id) && e.status !== 'off');
  if (soft.length) {
    const covered = soft.filter((e) => e.status === 'covered').length;
    const partial = soft.filter((e) => e.status === 'partial').length;
    parts.push(
      zh
        ? `软环境 ${covered}/${soft.length} 个层次${partial ? `（${partial} 个部分覆盖）` : ''}`
        : `soft environment ${covered}/${soft.length} levels${partial ? ` (${partial} partial)` : ''}`,
    );
  }
  const groups = (groupCounts ?? []).filter((g) => g.total > 0).map((g) => `${g.id} ${g.covered}/${g.total}`);
  if (groups.length) parts.push(zh ? `各组 ${groups.join('，')}` : `groups ${groups.join(', ')}`);
  if (file.coverage.offTopic) parts.push(zh ? OFF_TOPIC.zh : OFF_TOPIC.en);
  return parts.join(' · ');
}

/**
 * Why a draft about something else covers little: its passages count only when they name the
 * firms, two for a facet (`CoverageReport.offTopic`).
 */
const OFF_TOPIC = {
  en: 'reads as about another subject: only passages naming the firms count',
  zh: '文本主题不是产业集群：只计点名企业的段落',
};

function oneLine(s: string): string {
  return s.replace(/\s*\r?\n\s*/g, ' ');
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

interface Painter {
  red(s: string): string;
  yellow(s: string): string;
  green(s: string): string;
  dim(s: string): string;
  bold(s: string): string;
  underline(s: string): string;
  severity(severity: Severity, s: string): string;
}

function painter(color: boolean): Painter {
  const sgr = (open: number, close: number) => (s: string) => (color ? `\u001b[${open}m${s}\u001b[${close}m` : s);
  const p = {
    red: sgr(31, 39),
    yellow: sgr(33, 39),
    green: sgr(32, 39),
    cyan: sgr(36, 39),
    dim: sgr(90, 39),
    bold: sgr(1, 22),
    underline: sgr(4, 24),
  };
  const bySeverity: Record<Severity, (s: string) => string> = {
    error: p.red,
    warning: p.yellow,
    information: p.cyan,
    hint: p.dim,
  };
  return { ...p, severity: (severity, s) => bySeverity[severity](s) };
}
