// Preloaded (`node --require`, here through NODE_OPTIONS) into a CLI or language server under test,
// and by Node's default into each of their worker threads. It wraps every way Node code can reach
// the network: sockets (net, tls, dgram), servers, HTTP(S) and HTTP/2 requests, name lookups and
// fetch. A call writes one JSON line to the file named by CPL_NETWORK_LOG and then throws. The
// line is what the test reads: the product may catch the error (the server logs uncaught errors
// and keeps serving), but it cannot unwrite the line.
//
// Standard input and output are not touched: Node builds those streams over pipe handles it
// already holds, without `Socket.prototype.connect` or `listen`, so a stdio session runs as usual.
'use strict';
const { appendFileSync } = require('node:fs');
const { threadId } = require('node:worker_threads');

const LOG = process.env.CPL_NETWORK_LOG;
if (!LOG) throw new Error('noNetwork.cjs needs CPL_NETWORK_LOG, the file to record network calls in.');

const write = (entry) => appendFileSync(LOG, `${JSON.stringify({ pid: process.pid, thread: threadId, ...entry })}\n`);

/**
 * Replaces `owner[name]` with a function that records the call and refuses it: it throws, or, for
 * an API that answers with a promise, returns a rejected one, as the real call would fail.
 */
function refuse(owner, name, label, { promise = false } = {}) {
  if (!owner || typeof owner[name] !== 'function') return;
  owner[name] = function refusedNetworkCall() {
    const stack = (new Error().stack ?? '').split('\n').slice(2, 8).join('\n');
    write({ call: label, stack });
    const error = new Error(`network access refused in a test: ${label}`);
    if (promise) return Promise.reject(error);
    throw error;
  };
}

const net = require('node:net');
refuse(net.Socket.prototype, 'connect', 'net.Socket#connect');
refuse(net.Server.prototype, 'listen', 'net.Server#listen');
refuse(net, 'createServer', 'net.createServer');
refuse(net, 'connect', 'net.connect');
refuse(net, 'createConnection', 'net.createConnection');

const tls = require('node:tls');
refuse(tls, 'connect', 'tls.connect');
refuse(tls, 'createServer', 'tls.createServer');

const dgram = require('node:dgram');
refuse(dgram, 'createSocket', 'dgram.createSocket');

for (const [id, mod] of [
  ['http', require('node:http')],
  ['https', require('node:https')],
]) {
  refuse(mod, 'request', `${id}.request`);
  refuse(mod, 'get', `${id}.get`);
  refuse(mod, 'createServer', `${id}.createServer`);
}

const http2 = require('node:http2');
refuse(http2, 'connect', 'http2.connect');
refuse(http2, 'createServer', 'http2.createServer');
refuse(http2, 'createSecureServer', 'http2.createSecureServer');

const dns = require('node:dns');
for (const name of ['lookup', 'lookupService', 'resolve', 'resolve4', 'resolve6', 'resolveAny']) {
  refuse(dns, name, `dns.${name}`);
  refuse(dns.promises, name, `dns.promises.${name}`, { promise: true });
}

refuse(globalThis, 'fetch', 'fetch', { promise: true });
refuse(globalThis, 'WebSocket', 'WebSocket');

// Written last, so a line saying the guard is armed means every wrapper above is in place.
write({ armed: true });
