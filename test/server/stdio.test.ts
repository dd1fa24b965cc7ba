import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import { describe, test } from 'node:test';
import { StreamMessageReader, type Message, type RemoteConsole } from 'vscode-languageserver/node';
import { consoleToClient, OneWriteMessageWriter } from '../../server/stdio';

const SERVER = path.resolve(__dirname, '../../dist/server.js');

/** A stream that keeps each write apart, as the pipe to an editor receives them. */
class Recorder extends Writable {
  readonly writes: Buffer[] = [];
  override _write(chunk: Buffer, _encoding: BufferEncoding, done: (error?: Error | null) => void): void {
    this.writes.push(chunk);
    done();
  }
}

/** The messages an editor's reader takes from these bytes. */
async function readBack(chunks: Buffer[], count: number): Promise<Message[]> {
  const input = new PassThrough();
  const reader = new StreamMessageReader(input);
  const messages: Message[] = [];
  const done = new Promise<void>((resolve) => {
    reader.listen((message) => {
      messages.push(message);
      if (messages.length === count) resolve();
    });
  });
  for (const chunk of chunks) input.write(chunk);
  await done;
  reader.dispose();
  return messages;
}

/**
 * Starts the server over stdio, sends `requests`, closes its input once every one is answered (so
 * the test does not race the server's start) and resolves with its exit code.
 */
function exitCodeAfter(requests: { id: number; method: string; params?: unknown }[]): Promise<number | null> {
  const child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  const waiting = new Set(requests.map((r) => r.id));
  let output = '';
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (text: string) => {
    output += text;
    for (const match of output.matchAll(/"id":(\d+),"(?:result|error)"/g)) waiting.delete(Number(match[1]));
    if (waiting.size === 0 && child.stdin.writable) child.stdin.end();
  });
  const exited = new Promise<number | null>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error(`the server did not end within 15 s (unanswered: ${[...waiting].join(', ') || 'none'})`));
    }, 15000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve(code);
    });
  });
  for (const request of requests) {
    const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...request }), 'utf8');
    child.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
    child.stdin.write(body);
  }
  return exited;
}

describe('the server over standard input and output', () => {
  test('writes each message in one piece, with the length of its UTF-8 bytes, in order', async () => {
    const out = new Recorder();
    const writer = new OneWriteMessageWriter(out);
    const sent: Message[] = [
      { jsonrpc: '2.0', id: 1, result: { items: [{ message: '“鼓励”是无法检验的笼统承诺' }] } } as Message,
      { jsonrpc: '2.0', method: 'window/logMessage', params: { type: 3, message: 'Coverage 7/15 – 3 missing' } } as Message,
    ];
    await writer.write(sent[0]!);
    await writer.write(sent[1]!);
    assert.equal(out.writes.length, 2, 'one write per message, header and body together');
    const first = out.writes[0]!.toString('utf8');
    const header = /^Content-Length: (\d+)\r\n\r\n/.exec(first);
    assert.ok(header, first.slice(0, 40));
    assert.equal(Number(header[1]), out.writes[0]!.length - header[0].length, 'the length counts bytes, not characters');
    assert.deepEqual(await readBack(out.writes, 2), sent, 'an editor reads back the same messages');
  });

  test('a failed write rejects and is reported, so the connection learns of it', async () => {
    const broken = new Writable({ write: (_chunk, _encoding, done) => done(new Error('EPIPE')) });
    broken.on('error', () => undefined);
    const writer = new OneWriteMessageWriter(broken);
    const reported: Error[] = [];
    writer.onError(([error]) => reported.push(error));
    await assert.rejects(writer.write({ jsonrpc: '2.0', method: 'x' } as Message), /EPIPE/);
    assert.ok(reported.some((e) => /EPIPE/.test(e.message)));
  });

  test("what the process logs with console goes to the editor's log, never to the protocol's stream", () => {
    const saved = { ...console };
    const logged: string[] = [];
    const remote = { log: (m: string) => logged.push(`log ${m}`), info: (m: string) => logged.push(`info ${m}`), warn: (m: string) => logged.push(`warn ${m}`), error: (m: string) => logged.push(`error ${m}`) } as unknown as RemoteConsole;
    try {
      consoleToClient(remote);
      console.log('%d drafts', 3);
      console.warn('pack', { id: 'sme-cluster' });
      console.error('failed');
    } finally {
      Object.assign(console, saved);
    }
    assert.deepEqual(logged, ['log 3 drafts', "warn pack { id: 'sme-cluster' }", 'error failed']);
  });

  test('ends when the editor closes its input: 0 after a shutdown request, 1 without', async () => {
    const initialize = { id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } };
    assert.equal(await exitCodeAfter([initialize, { id: 2, method: 'shutdown' }]), 0);
    assert.equal(await exitCodeAfter([initialize]), 1);
  });
});
