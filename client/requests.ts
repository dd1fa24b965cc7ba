import type { BaseLanguageClient } from 'vscode-languageclient';
import type { RequestDef } from '../common/protocol';

/** What sending a custom request needs of a language client. */
export type RequestClient = Pick<BaseLanguageClient, 'sendRequest'>;

/** Sends one of the custom requests of `common/protocol.ts`, typed by its declaration. */
export function sendRequest<P, R>(client: RequestClient, def: RequestDef<P, R>, params: P): Promise<R> {
  return client.sendRequest<R>(def.method, params);
}
