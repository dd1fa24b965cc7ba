/**
 * Whether a Markdown document is a policy draft the server checks. A drafter's README, notes and
 * meeting minutes are Markdown too, so a document is checked only when something says it is a
 * draft: the user asked for it, its front matter says so, a configuration file applies to it, or
 * the `clusterPolicyLint.include` setting names it.
 */

import type { DraftStatus } from '../common/protocol';

/** Whether a document is checked, and why (the client words the reason in the user's language). */
export type DraftScope = DraftStatus;

/** What is known about a document when deciding. */
export interface ScopeFacts {
  /** `clusterPolicyLint.enable`. */
  enabled: boolean;
  /** The user ran "Check this file as a policy draft" on it. */
  requested: boolean;
  /** The value of `cluster-policy-lint:` in its front matter, if it has one. */
  frontMatter: boolean | undefined;
  /** A configuration file applies to it. */
  configured: boolean;
  /** A configuration's `ignores` cover it. */
  ignored: boolean;
  /** A glob of `clusterPolicyLint.include` matches it. */
  included: boolean;
}

/**
 * Decides. The front matter speaks for the document itself, so it wins over a configuration; a
 * request the user made in the editor wins over both, and the `enable` setting over everything.
 */
export function draftScope(facts: ScopeFacts): DraftScope {
  if (!facts.enabled) return { checked: false, reason: 'disabled' };
  if (facts.requested) return { checked: true, reason: 'requested' };
  if (facts.frontMatter === true) return { checked: true, reason: 'front-matter' };
  if (facts.frontMatter === false) return { checked: false, reason: 'front-matter-off' };
  if (facts.ignored) return { checked: false, reason: 'ignored' };
  if (facts.configured) return { checked: true, reason: 'configuration' };
  if (facts.included) return { checked: true, reason: 'setting' };
  return { checked: false, reason: 'no-configuration' };
}

const FRONT_MATTER = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/;
const SWITCH = /^cluster-policy-lint[ \t]*:[ \t]*(["']?)(true|false|yes|no|on|off)\1[ \t]*(?:#.*)?$/im;

/** The `cluster-policy-lint: true|false` line of a draft's YAML front matter, if there is one. */
export function frontMatterSwitch(text: string): boolean | undefined {
  const block = FRONT_MATTER.exec(text.slice(0, 4096));
  const line = block ? SWITCH.exec(block[1]!) : null;
  if (!line) return undefined;
  return ['true', 'yes', 'on'].includes(line[2]!.toLowerCase());
}
