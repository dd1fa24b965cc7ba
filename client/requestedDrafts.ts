import * as vscode from 'vscode';
import type { Middleware } from 'vscode-languageclient';
import { CONFIG_SECTION } from '../common/protocol';
import { withUserPacks } from './packSettings';

/** Where the files the user asked to check are remembered, per workspace. */
const KEY = 'clusterPolicyLint.requestedDrafts';

/**
 * The Markdown files the user asked to check as policy drafts ("Check this file as a policy
 * draft"), remembered for the workspace. The server learns of them through the settings it pulls:
 * the answer for such a file carries `requested: true`.
 */
export class RequestedDrafts {
  constructor(private readonly state: vscode.Memento) {}

  private list(): string[] {
    return this.state.get<string[]>(KEY, []);
  }

  has(uri: string): boolean {
    return this.list().includes(uri);
  }

  async set(uri: string, requested: boolean): Promise<void> {
    const others = this.list().filter((u) => u !== uri);
    await this.state.update(KEY, requested ? [...others, uri] : others);
  }

  /**
   * Adds `requested: true` to the settings the server pulls for a remembered file (and sends the
   * user's own packs apart from the workspace's: `withUserPacks`).
   */
  readonly middleware: Middleware['workspace'] = {
    configuration: async (params, token, next) => {
      const answers = await next(params, token);
      if (!Array.isArray(answers)) return answers;
      return withUserPacks(params, answers).map((value: unknown, i) => {
        const item = params.items[i];
        if (item?.section !== CONFIG_SECTION || !item.scopeUri || !this.has(item.scopeUri)) return value;
        return { ...(typeof value === 'object' && value !== null ? value : {}), requested: true };
      });
    },
  };
}
