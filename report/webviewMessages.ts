/**
 * The messages between the report's page and the VS Code extension when the report is shown in a
 * webview. The page only ever names a file by its index in the report's `files` and a place by the
 * report's 1-based location, so the extension (which knows the documents) decides what to open.
 */

/** A place in a draft, as the report writes it. */
export interface ReportPlace {
  file: number;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** From the page to the extension. */
export type ReportToHostMessage =
  /** Show this passage (an evidence excerpt or a finding) in the draft. */
  | ({ type: 'reveal' } & ReportPlace)
  /** An element was chosen: show its evidence, or offer its template when it has none. */
  | { type: 'element'; file: number; element: string }
  /** Insert the element's template (the fix of its coverage finding). */
  | { type: 'insertTemplate'; file: number; element: string };

/** From the extension to the page. */
export type HostToReportMessage =
  /** Replace the report's body, keeping the page (and so its scroll position and open details). */
  { type: 'update'; body: string };
