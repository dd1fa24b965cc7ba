import * as vscode from 'vscode';
import type { ConfigurationParams } from 'vscode-languageclient';
import { CONFIG_SECTION } from '../common/protocol';

/**
 * A workspace's settings are its own files, as untrusted as its configuration: the server reads
 * the packs they name (`packs`) only inside the project. The packs of the user's own settings go
 * apart, as `userPacks`, which the server reads wherever they are. Filled here from where each
 * value was set, so a workspace cannot pass its packs off as the user's.
 */
export function withUserPacks(params: ConfigurationParams, answers: unknown[]): unknown[] {
  return answers.map((value, i) => {
    const item = params.items[i];
    if (item?.section !== CONFIG_SECTION || typeof value !== 'object' || value === null) return value;
    const scope = item.scopeUri ? vscode.Uri.parse(item.scopeUri) : undefined;
    const packs = vscode.workspace.getConfiguration(CONFIG_SECTION, scope).inspect<string[]>('packs');
    return {
      ...value,
      packs: packs?.workspaceFolderValue ?? packs?.workspaceValue ?? [],
      userPacks: packs?.globalValue ?? [],
    };
  });
}
