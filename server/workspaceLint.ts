import { promises as fs } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { WorkDoneProgressReporter } from 'vscode-languageserver';
import type { WorkspaceLintResult } from '../common/protocol';
import { diagnosticsOf, type DiagnosticsDelivery } from './diagnostics';
import type { DraftLinter } from './linting';

// Folders that never hold drafts and can be huge.
const SKIPPED_FOLDERS = new Set(['node_modules', 'dist', 'out']);

/** Every Markdown file under the folders, skipping dependency, build and hidden folders. */
export async function markdownFiles(roots: string[]): Promise<string[]> {
  const out: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    let entries;
    try {
      entries = await fs.readdir(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory() && !SKIPPED_FOLDERS.has(entry.name)) await walk(full);
      else if (entry.isFile() && /\.(md|markdown)$/i.test(entry.name)) out.push(full);
    }
  };
  for (const root of roots) await walk(root);
  return out.sort();
}

/**
 * Lints every draft in the workspace folders with work-done progress, pushing the diagnostics of
 * drafts that are not open (open ones are kept current by the editor's own flow).
 */
export async function lintWorkspace(
  roots: string[],
  linter: DraftLinter,
  delivery: DiagnosticsDelivery,
  isOpen: (uri: string) => boolean,
  progress: WorkDoneProgressReporter,
  cancelled: () => boolean,
): Promise<WorkspaceLintResult> {
  const summary: WorkspaceLintResult = { files: 0, errors: 0, warnings: 0, failed: [] };
  progress.begin('Cluster Policy Lint', 0, 'Looking for drafts…', true);
  try {
    const files = await markdownFiles(roots);
    for (const [i, file] of files.entries()) {
      if (cancelled()) break;
      progress.report(Math.round((i / Math.max(1, files.length)) * 100), path.basename(file));
      const uri = pathToFileURL(file).toString();
      let text: string;
      try {
        text = await fs.readFile(file, 'utf8');
      } catch (error) {
        summary.failed.push({
          uri,
          reason: `the file cannot be read (${(error as { code?: string }).code ?? (error as Error).message})`,
        });
        continue;
      }
      const lint = await linter.get({ uri, text });
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
