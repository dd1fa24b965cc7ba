import { documentStructure } from './documentStructure';
import { measures } from './measures';
import { numbering } from './numbering';
import type { DraftingRule, RuleSpec } from './rule';
import { terminology } from './terminology';
import { vagueCommitment } from './vagueCommitment';

/**
 * Every drafting check, in one explicit list (no directory scanning, so the engine bundles and the
 * order of findings is stable). Rule ids, default severities and options are read from here; the
 * rules' words live in the pack. To add a rule, see "How to add a drafting rule" in ARCHITECTURE.md.
 */
export const DRAFTING_RULES: readonly DraftingRule[] = [
  measures,
  vagueCommitment,
  terminology,
  documentStructure,
  numbering,
];

/** Every drafting rule id with its default severity and options, in the order of `DRAFTING_RULES`. */
export const DRAFTING_RULE_SPECS: readonly RuleSpec[] = DRAFTING_RULES.flatMap((rule) => rule.ids);

/** The ids of the drafting rules. */
export const DRAFTING_RULE_IDS: readonly string[] = DRAFTING_RULE_SPECS.map((spec) => spec.id);

/** The ids of the rules that read measures sections by their headings (the `headings` option). */
export const HEADING_RULE_IDS: readonly string[] = DRAFTING_RULE_SPECS.filter((spec) =>
  spec.options?.includes('headings'),
).map((spec) => spec.id);
