import { MessageType, type Connection, type Diagnostic } from 'vscode-languageserver';
import type { ConfigProblem } from '../engine';
import { problemToDiagnostic } from './convert';

/**
 * Tells the drafter about problems that are not in the draft: a broken configuration file or
 * pack gets diagnostics on that file; a bad setting, or a problem with no file to point at, gets
 * one message. Nothing here ever stops linting.
 */
export class ProblemReporter {
  private readonly published = new Map<string, string>();
  private readonly shown = new Set<string>();

  /** `uriOf` gives the URI of a configuration or pack file's path, to publish its diagnostics on. */
  constructor(
    private readonly connection: Connection,
    private readonly uriOf: (path: string) => string,
  ) {}

  /**
   * Reports the problems found while preparing one lint. `files` are the configuration and pack
   * files that lint read: each gets its current list, so a fixed file is cleared.
   */
  report(files: string[], problems: ConfigProblem[], messages: string[]): void {
    const byFile = new Map<string, Diagnostic[]>(files.map((f) => [f, []]));
    for (const problem of problems) {
      // A problem about no file that can be shown (a setting, a missing pack) is a message.
      if (problem.source.startsWith('<')) {
        messages.push(problem.message);
        continue;
      }
      const list = byFile.get(problem.source) ?? [];
      list.push(problemToDiagnostic(problem));
      byFile.set(problem.source, list);
    }
    for (const [file, diagnostics] of byFile) {
      const uri = this.uriOf(file);
      const key = JSON.stringify(diagnostics);
      if ((this.published.get(uri) ?? '[]') === key) continue;
      this.published.set(uri, key);
      void this.connection.sendDiagnostics({ uri, diagnostics }).catch(() => undefined);
    }
    for (const message of messages) {
      if (this.shown.has(message)) continue;
      this.shown.add(message);
      void this.connection.sendNotification('window/showMessage', {
        type: MessageType.Warning,
        message: `Cluster Policy Lint: ${message}`,
      });
    }
  }

  /** Called when settings change: a message about a setting may be shown again if still wrong. */
  reset(): void {
    this.shown.clear();
  }
}
