/**
 * What the language server and its clients say to each other beyond standard LSP: settings
 * section, command ids and custom requests, declared once here and imported by both sides (and
 * by the coverage webview). It imports nothing at run time, so any bundle may include it.
 */
import type { FileReport } from '../report/model';

/** The `source` of every diagnostic and the name the server goes by. */
export const DIAGNOSTIC_SOURCE = 'cluster-policy-lint';

/** The settings section the server pulls with `workspace/configuration`. */
export const CONFIG_SECTION = 'clusterPolicyLint';

/** The configuration file names, nearest first in a folder (the CLI discovers the same ones). */
export const CONFIG_FILE_NAMES = [
  '.cluster-policy-lint.yaml',
  '.cluster-policy-lint.yml',
  '.cluster-policy-lint.json',
  '.cluster-policy-lint.jsonc',
] as const;

/**
 * The documentation link of a rule: the pack's own link when it gives one, else the rule's anchor
 * in the `docs/rules.md` that ships with the tool (`bundledDocs`, the URI of that file where the
 * server can name one). Never a page on the internet: government networks often cannot reach one.
 * Anchors are rule ids, which are a public contract.
 */
export function ruleDocsUrl(
  ruleId: string,
  packDocs: string | undefined,
  bundledDocs: string | undefined,
): string | undefined {
  return packDocs ?? (bundledDocs ? `${bundledDocs}#${ruleId}` : undefined);
}

/**
 * What a client may tell the server in `initializationOptions`. `ruleDocs` is the URI of the
 * `docs/rules.md` the client has (the VS Code extension's copy), for diagnostics to link to.
 */
export interface InitializationOptions {
  ruleDocs?: string;
  /**
   * How long one lint may take, in seconds (10 by default), before the server stops it: the
   * editor's choice, never a workspace's.
   */
  timeoutSeconds?: number;
}

/**
 * Commands the server executes (`workspace/executeCommand`), so they work from any editor.
 * VS Code's client registers them as editor commands too, hence a prefix distinct from the
 * extension's own commands.
 */
export const ServerCommands = {
  /** Lints every Markdown draft in the workspace folders, with work-done progress. Args: none. */
  lintWorkspace: 'cluster-policy-lint.lintWorkspace',
  /** Inserts an element's template section into a draft. Args: `[InsertSectionArgs]`. */
  insertSection: 'cluster-policy-lint.insertSection',
  /** Shows a draft's coverage as a message (the code lens' action). Args: `[{ uri }]`. */
  showCoverage: 'cluster-policy-lint.showCoverage',
} as const;

/** The arguments of `ServerCommands.insertSection`. */
export interface InsertSectionArgs {
  uri: string;
  elementId: string;
}

/** What `ServerCommands.lintWorkspace` returns. */
export interface WorkspaceLintResult {
  files: number;
  errors: number;
  warnings: number;
  /** Files that could not be read or linted, with a plain reason. */
  failed: { uri: string; reason: string }[];
}

/** The VS Code extension's commands (contributed in `package.json`). */
export const ClientCommands = {
  lintWorkspace: 'clusterPolicyLint.lintWorkspace',
  checkFile: 'clusterPolicyLint.checkFile',
  stopCheckingFile: 'clusterPolicyLint.stopCheckingFile',
  insertSection: 'clusterPolicyLint.insertSection',
  openRuleDocs: 'clusterPolicyLint.openRuleDocs',
  restartServer: 'clusterPolicyLint.restartServer',
} as const;

/**
 * A custom request: its method name, and its parameter and result types carried as phantom
 * fields so both sides agree at compile time without importing a JSON-RPC library here.
 */
export interface RequestDef<P, R> {
  readonly method: string;
  /** Never set; only carries the parameter type. */
  readonly params?: P;
  /** Never set; only carries the result type. */
  readonly result?: R;
}

function request<P, R>(method: string): RequestDef<P, R> {
  return { method };
}

/** Identifies a draft the server has open (or can read from disk). */
export interface DocumentParams {
  uri: string;
}

/** A text in both message languages, as the pack writes it. */
export interface LocalizedText {
  en: string;
  zh: string;
}

/** One coverage element as a client lists it. */
export interface ElementSummary {
  id: string;
  group: string;
  title: LocalizedText;
  status: 'covered' | 'partial' | 'missing' | 'off';
  /** Facets covered / the number of facets needed for the element to count as covered. */
  coveredFacets: number;
  k: number;
  /** The element's facets with their titles, for a view that lists them (the coverage webview). */
  facets?: { id: string; title: LocalizedText }[];
  /** What the framework asks of a draft for this element, as the pack words it. */
  asks?: LocalizedText;
}

/** One group of elements with its counts. */
export interface GroupSummary {
  id: string;
  title: LocalizedText;
  covered: number;
  partial: number;
  missing: number;
  total: number;
}

/**
 * `clusterPolicyLint/fileReport`: the draft's report in the CLI contract's JSON shape, with the
 * titles and groups a coverage view needs to show it. `null` when the server cannot lint the
 * document (not Markdown, disabled, ignored by configuration).
 */
export const FileReportRequest = request<DocumentParams, FileReportResult | null>('clusterPolicyLint/fileReport');

/** The result of `FileReportRequest`. */
export interface FileReportResult {
  report: FileReport;
  /** The language the server writes messages in for this draft. */
  messageLanguage: 'en' | 'zh';
  elements: ElementSummary[];
  groups: GroupSummary[];
}

/**
 * `clusterPolicyLint/coverageSummary`: a short coverage line for a status item. `null` when the
 * document is not linted.
 */
export const CoverageSummaryRequest = request<DocumentParams, CoverageSummary | null>(
  'clusterPolicyLint/coverageSummary',
);

/** The result of `CoverageSummaryRequest`. */
export interface CoverageSummary {
  covered: number;
  partial: number;
  total: number;
  /** From 0 to 1, as in the JSON report. */
  score: number;
  /** "Coverage 11/15" in the draft's message language. */
  text: string;
  /** The status hover's second part: how many elements are missing ("3 missing"). */
  detail: string;
}

/**
 * `clusterPolicyLint/elements`: the draft's coverage elements for a picker, elements the draft
 * does not yet cover first, with titles in the draft's message language.
 */
export const ElementsRequest = request<DocumentParams, ElementChoice[]>('clusterPolicyLint/elements');

/** One entry of `ElementsRequest`'s list. */
export interface ElementChoice {
  id: string;
  /** The element's title in the draft's message language. */
  label: string;
  /** Its status and group, in the draft's message language. */
  detail: string;
  status: ElementSummary['status'];
}

/** `clusterPolicyLint/rules`: every rule of the pack that applies to a draft, with its link. */
export const RulesRequest = request<Partial<DocumentParams>, RuleChoice[]>('clusterPolicyLint/rules');

/** One entry of `RulesRequest`'s list. */
export interface RuleChoice {
  id: string;
  kind: 'coverage' | 'drafting';
  title: string;
  /** The rule's documentation link, when there is one. */
  docs?: string;
}

/**
 * `clusterPolicyLint/draftStatus`: whether the server checks a document as a policy draft, and
 * why, for a status item that says so and offers to turn checking on.
 */
export const DraftStatusRequest = request<DocumentParams, DraftStatus>('clusterPolicyLint/draftStatus');

/** The result of `DraftStatusRequest`. */
export interface DraftStatus {
  checked: boolean;
  /**
   * Why: `requested` (the user asked), `front-matter` (it says `cluster-policy-lint: true`),
   * `configuration` (a configuration file applies), `setting` (`clusterPolicyLint.include` names
   * it); or why not: `disabled`, `front-matter-off`, `ignored` (by a configuration's `ignores`),
   * `no-configuration` (nothing says it is a draft).
   */
  reason:
    | 'requested'
    | 'front-matter'
    | 'configuration'
    | 'setting'
    | 'disabled'
    | 'front-matter-off'
    | 'ignored'
    | 'no-configuration';
}

/**
 * `clusterPolicyLint/workspaceDrafts`: the Markdown files of the workspace folders, found as the
 * command line finds them (`.gitignore`, the configuration's `ignores`), as URIs.
 */
export const WorkspaceDraftsRequest = request<Record<string, never>, string[]>('clusterPolicyLint/workspaceDrafts');

/**
 * Requests the server sends the client to read files it cannot read itself (in a browser worker,
 * or on a virtual file system). Each takes `{ uri }`; the answer is `null` when there is nothing
 * to read there. `readFile` answers the bytes in base64, `stat` a `ClientFileType`, and
 * `readDirectory` a list of `[name, type]`.
 */
export const ClientFileRequests = {
  readFile: 'clusterPolicyLint/readFile',
  stat: 'clusterPolicyLint/stat',
  readDirectory: 'clusterPolicyLint/readDirectory',
} as const;

/** What is at a URI, for `ClientFileRequests`. */
export type ClientFileType = 'file' | 'directory' | 'other';
