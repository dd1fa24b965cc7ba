import type { WorkDoneProgressReporter } from 'vscode-languageserver';
import type { WorkspaceLintResult } from '../common/protocol';
import { ConfigResolver } from '../project/config';
import { decodeDraft } from '../project/decode';
import { confinementProblem } from '../project/confinement';
import { describeFsError } from '../project/fsError';
import { DEFAULT_MAX_DRAFT_BYTES } from '../project/limits';
import { expandOperands } from '../project/files';
import { diagnosticsOf, type DiagnosticsDelivery } from './diagnostics';
import type { ServerFiles } from './files';
import type { DraftLinter } from './linting';
import { isBelow, lastSegment } from './uris';

/**
 * The Markdown files of the workspace folders, as URIs, found exactly as the command line finds
 * them in a folder: `.gitignore` files and the configuration's `ignores` are honoured, and
 * `node_modules` is never entered.
 */
export async function workspaceDrafts(roots: readonly string[], files: ServerFiles): Promise<string[]> {
  const out: string[] = [];
  for (const root of roots) {
    const cwd = files.pathOf(root);
    if (cwd === undefined) continue;
    const config = new ConfigResolver(files.fs, cwd);
    const { drafts } = await expandOperands([], { fs: files.fs, cwd, config });
    out.push(...drafts.map((d) => files.uriOf(d.absolute)));
  }
  return out;
}

/**
 * A closed draft's text as the command line reads it (UTF-8, UTF-16, GBK/GB18030), or why it
 * cannot be read: only a regular file inside a workspace folder (and not in `.git`, through links
 * too), within the draft size limit. A request may name any URI; a workspace's files may not make
 * the server read beyond its folders.
 */
export async function readDraft(
  files: ServerFiles,
  uri: string,
  roots: readonly string[],
): Promise<{ text: string } | { reason: string } | undefined> {
  const path = files.pathOf(uri);
  if (path === undefined) return undefined;
  const root = roots.find((r) => isBelow(r, uri));
  const rootPath = root === undefined ? undefined : files.pathOf(root);
  if (rootPath === undefined) return { reason: 'it is outside the workspace folders' };
  const outside = await confinementProblem(files.fs, path, rootPath);
  if (outside) return { reason: `it ${outside}` };
  let bytes: Uint8Array;
  try {
    bytes = await files.fs.readFile(path, DEFAULT_MAX_DRAFT_BYTES);
  } catch (error) {
    return { reason: describeFsError(error) };
  }
  const decoded = decodeDraft(bytes);
  return decoded.ok ? { text: decoded.text } : { reason: decoded.reason };
}

/**
 * Lints every draft in the workspace folders with work-done progress, pushing the diagnostics of
 * drafts that are not open (open ones are kept current by the editor's own flow). A Markdown file
 * is a draft here as in the editor: when a configuration, its front matter, the user or a setting
 * says so.
 */
export async function lintWorkspace(
  roots: readonly string[],
  files: ServerFiles,
  linter: DraftLinter,
  delivery: DiagnosticsDelivery,
  isOpen: (uri: string) => boolean,
  progress: WorkDoneProgressReporter,
  cancelled: () => boolean,
): Promise<WorkspaceLintResult> {
  const summary: WorkspaceLintResult = { files: 0, errors: 0, warnings: 0, failed: [] };
  progress.begin('Cluster Policy Lint', 0, '…', true);
  try {
    const uris = await workspaceDrafts(roots, files);
    for (const [i, uri] of uris.entries()) {
      if (cancelled()) break;
      progress.report(Math.round((i / Math.max(1, uris.length)) * 100), lastSegment(uri));
      const read = await readDraft(files, uri, roots);
      if (!read) continue;
      if ('reason' in read) {
        summary.failed.push({ uri, reason: read.reason });
        continue;
      }
      const lint = await linter.get({ uri, text: read.text });
      if (!lint) continue;
      summary.files++;
      for (const f of lint.result.findings) {
        if (f.severity === 'error') summary.errors++;
        else if (f.severity === 'warning') summary.warnings++;
      }
      if (!isOpen(uri)) delivery.pushClosed(uri, diagnosticsOf(lint));
    }
  } finally {
    progress.done();
  }
  return summary;
}
