/** The server survives: handler exceptions, cancelled requests, and a long edit/hover session. */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CancellationTokenSource } from 'vscode-jsonrpc/node';
import { LspClient } from './lspClient';
import { SEED_CORPUS } from '../helpers';

let ws: string;
let client: LspClient;
let uri: string;
const TEXT = 'In October, Hegseth said “European leaders are sending a clear message to Russia.”\n';

before(async () => {
  ws = mkdtempSync(join(tmpdir(), 'st-resilience-'));
  cpSync(SEED_CORPUS, join(ws, 'corpus'), { recursive: true });
  // Enough drafts that finding references takes a while: long enough for a cancellation to land.
  mkdirSync(join(ws, 'drafts'));
  for (let i = 0; i < 400; i++) writeFileSync(join(ws, 'drafts', `d${i}.md`), `Draft ${i}. ${TEXT}`.repeat(5));
  client = new LspClient(undefined, ['--expose-gc']);
  await client.initialize(ws);
  uri = pathToFileURL(join(ws, 'draft.md')).toString();
  await client.open(uri, TEXT);
  await client.diagnosticsFor(uri, 1);
});
after(() => client.shutdown());

const hover = (character = 40) => client.connection.sendRequest<{ contents: { value: string } } | null>('textDocument/hover', { textDocument: { uri }, position: { line: 0, character } });

test('an exception in a handler is answered with an LSP error and logged; the server keeps serving', async () => {
  await assert.rejects(client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: null }), (e: { code: number; message: string }) => {
    assert.equal(e.code, -32603);
    assert.match(e.message, /source-trace: hover failed/);
    return true;
  });
  await client.until(() => client.notifications.some((n) => n.method === 'window/logMessage' && /hover failed on file:.*draft\.md/.test((n.params as { message: string }).message)), 'the error logged with the document');
  assert.match((await hover())!.contents.value, /Verified/);
});

test('a cancelled request is answered as cancelled, and the next one is served', async () => {
  const full = await client.connection.sendRequest<unknown[]>('textDocument/references', { textDocument: { uri }, position: { line: 0, character: 40 }, context: { includeDeclaration: true } });
  assert.equal(full.length, 2002, 'the source, this draft, and five in each of 400 others');
  const source = new CancellationTokenSource();
  const pending = client.connection.sendRequest('textDocument/references', { textDocument: { uri }, position: { line: 0, character: 40 }, context: { includeDeclaration: true } }, source.token);
  source.cancel();
  await assert.rejects(pending, (e: { code: number }) => e.code === -32800);
  assert.match((await hover())!.contents.value, /Verified/);
});

test('soak: 10,000 edit/hover cycles leave the heap within 40 MB of where it started', async () => {
  const heap = async () => (await client.connection.sendRequest<{ heapUsed: number }>('sourceTrace/memory')).heapUsed;
  for (let v = 2; v < 200; v++) { await client.change(uri, TEXT + ' '.repeat(v % 5), v); await hover(); }
  const before = await heap();
  for (let v = 200; v < 10_200; v++) {
    await client.change(uri, TEXT + ' '.repeat(v % 5), v);
    if (v % 4 === 0) await hover();
  }
  await client.diagnosticsFor(uri, 10_199);
  const afterHeap = await heap();
  const growth = (afterHeap - before) / 1048576;
  assert.ok(growth < 40, `heap grew ${growth.toFixed(1)} MB`);
});
