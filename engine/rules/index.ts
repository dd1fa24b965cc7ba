import type { DraftingRule } from './context';
import { documentStructure } from './documentStructure';
import { measureIndicator, measureOwner, measureTimeline } from './measures';
import { terminology } from './terminology';
import { vagueCommitment } from './vagueCommitment';

/**
 * Every drafting rule, in one explicit list (no directory scanning, so the engine bundles and the
 * order of findings is stable). Their words live in the pack; only the checks are code.
 */
export const DRAFTING_RULES: readonly DraftingRule[] = [
  measureOwner,
  measureTimeline,
  measureIndicator,
  vagueCommitment,
  terminology,
  documentStructure,
];
