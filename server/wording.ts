import type { ElementStatus, Evidence, LintResult, MessageLanguage, PassageRole } from '../engine';

/*
 * Sentences the server writes itself (status names, coverage lines), in both message languages.
 * Everything about a rule's substance comes from the pack; this is only the frame around it.
 */

/** Picks the text of the draft's message language. */
export function say(lang: MessageLanguage, en: string, zh: string): string {
  return lang === 'zh' ? zh : en;
}

/** An element's status in words. */
export function statusWord(lang: MessageLanguage, status: ElementStatus): string {
  switch (status) {
    case 'covered':
      return say(lang, 'covered', '已覆盖');
    case 'partial':
      return say(lang, 'partly covered', '部分覆盖');
    case 'missing':
      return say(lang, 'missing', '未覆盖');
    case 'off':
      return say(lang, 'turned off', '已停用');
  }
}

/** Why a piece of evidence counts, in words: its role, and a measures section where it stands. */
export function roleWord(lang: MessageLanguage, evidence: Evidence): string {
  const role = evidence.role ?? 'commitment';
  const words: Record<PassageRole, [string, string]> = {
    commitment: ['a commitment', '承诺措施'],
    statement: ['a description of the cluster', '对集群现状的描述'],
    problem: ['a description of the cluster', '对集群现状的描述'],
    definition: ['a definition that describes the cluster', '描述集群的定义'],
    prohibition: ['a prohibition', '禁止性规定'],
    exclusion: ['an exclusion', '排除性表述'],
    formula: ['a formula', '套语'],
  };
  const [en, zh] = words[role];
  return evidence.inMeasures ? say(lang, `${en} in a measures section`, `措施部分的${zh}`) : say(lang, en, zh);
}

/** Counts of a draft's coverage: elements covered, partly covered, and not off. */
export function coverageCounts(result: LintResult): { covered: number; partial: number; total: number } {
  let covered = 0;
  let partial = 0;
  let total = 0;
  for (const e of result.coverage.elements) {
    if (e.status === 'off') continue;
    total++;
    if (e.status === 'covered') covered++;
    else if (e.status === 'partial') partial++;
  }
  return { covered, partial, total };
}

/** "Coverage 11/15 · 2 partly covered", the line a code lens and a status item show. */
export function coverageLine(result: LintResult): string {
  const lang = result.messageLanguage;
  const { covered, partial, total } = coverageCounts(result);
  const head = say(lang, `Coverage ${covered}/${total}`, `覆盖 ${covered}/${total}`);
  return partial ? `${head} · ${say(lang, `${partial} partly covered`, `${partial} 项部分覆盖`)}` : head;
}

/** One group's coverage, e.g. "The regional innovation environment 2/4". */
export function groupLine(result: LintResult, groupId: string): string | undefined {
  const group = result.coverage.groups.find((g) => g.id === groupId);
  if (!group || group.total === 0) return undefined;
  return `${group.title[result.messageLanguage]} ${group.covered}/${group.total}`;
}

/** Every group's coverage on one line, for a tooltip or a message. */
export function groupsLine(result: LintResult): string {
  return result.coverage.groups
    .map((g) => groupLine(result, g.id))
    .filter((s): s is string => Boolean(s))
    .join(' · ');
}

/**
 * How many elements the draft does not address at all, e.g. "3 missing": the status hover's second
 * part, next to "Coverage 7/15 · 5 partly covered" and its "Insert a section" command. It shows one
 * line, and every group's counts ("The regional innovation environment 2/4 · Networks and
 * collective action 1/3 · …") ran past its edge and hid the command.
 */
export function missingLine(result: LintResult): string {
  const { covered, partial, total } = coverageCounts(result);
  const missing = total - covered - partial;
  const lang = result.messageLanguage;
  const line =
    missing === 0
      ? say(lang, 'none missing', '没有未覆盖的要素')
      : say(lang, `${missing} missing`, `${missing} 项未覆盖`);
  // A draft about something else covers little however it is worded: say so, or it reads as a fault.
  if (!result.coverage.offTopic) return line;
  return `${line} · ${say(lang, 'reads as about another subject', '文本主题不是产业集群')}`;
}

/** Shortens an evidence passage for a hover line. */
export function excerpt(text: string, max = 90): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}
