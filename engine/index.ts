/**
 * The engine's public API: Markdown in, coverage and findings out. It imports no editor, protocol
 * or file-system module, so the CLI, the language server, the tests and a browser worker can all
 * run it; they pass everything from outside in.
 */
export { lint } from './lint';
export { LintCache } from './cache';
export type { LintOptions, LintResult, RuleSetting } from './lint';
export type { RuleOptions, RuleSpec, DraftingRule } from './rules/rule';
export * from './types';
export { builtinPack, builtinPackSource } from './pack/builtin';
export { loadPackText, combinePacks } from './pack/load';
export { patternHazard } from './pack/patternSafety';
export { readYamlText } from './pack/yamlText';
export type { YamlText, YamlTextProblem } from './pack/yamlText';
export type { LoadedPackText } from './pack/load';
export type { Pack, RuleInfo, CompiledElement, CompiledFacet, CompiledGroup } from './pack/compiled';
export type { PackSource } from './pack/schema';
export { DRAFTING_RULE_IDS, DRAFTING_RULE_SPECS, HEADING_RULE_IDS } from './rules';
export { parseDraft } from './markdown/draft';
export type { DraftDocument, Section, Block, Heading } from './markdown/model';
export { LineIndex } from './text/lineIndex';
export { detectLanguage } from './language';
export { readDirectives, DIRECTIVE_PREFIX } from './directives';
export type { Directive, DirectiveKind } from './directives';
export { insertElementTemplate, insertFacetLines, elementAnchor, isElementHeading } from './coverage/fixes';
export { adaptTemplate, headingMatches, insertBlock, lineEnding } from './anchors';
export { chineseNumeral, numberSectionAt } from './sectionNumbers';
