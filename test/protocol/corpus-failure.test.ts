/**
 * A corpus that cannot be read is never published as verdicts: with part of it missing, its
 * quotations would all read as unsourced. The status says what failed; verdicts return with it.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspClient } from './lspClient';
import { SEED_CORPUS } from '../helpers';

let ws: string;
let client: LspClient;
// Pevkur's words given to Hegseth: a misattributed warning while the corpus is loaded.
const TEXT = 'In October, Hegseth said “He confirmed once again that the U.S. is a true ally.”\n';

before(async () => {
  ws = mkdtempSync(join(tmpdir(), 'st-corpus-failure-'));
  cpSync(SEED_CORPUS, join(ws, 'corpus'), { recursive: true });
  client = new LspClient();
  await client.initialize(ws);
});
after(() => client.shutdown());

const reindex = () => client.connection.sendRequest('workspace/executeCommand', { command: 'sourceTrace.server.reindex', arguments: [] });
const lastStatus = () => [...client.notifications].reverse().find((n) => n.method === 'sourceTrace/status')?.params as { state: string; message?: string } | undefined;

test('a corpus path that does not exist withdraws the drafts\u2019 verdicts and says why; fixing it brings them back', async () => {
  const uri = pathToFileURL(join(ws, 'draft.md')).toString();
  await client.open(uri, TEXT);
  assert.deepEqual((await client.diagnosticsFor(uri, 1)).map((d) => d.code), ['misattributed']);

  client.settings = { corpus: ['corpus', 'archive-that-is-not-there'] };
  await reindex();
  await client.until(() => lastStatus()?.state === 'error', 'an error status');
  assert.match(lastStatus()!.message ?? '', /archive-that-is-not-there/);
  assert.deepEqual(await client.diagnosticsFor(uri), [], 'the published warning was withdrawn');
  // An edit meanwhile publishes nothing: the unsourced verdicts a partial corpus would give stay unsaid.
  const published = client.published.length;
  await client.change(uri, TEXT + 'More: “words no article in this corpus has ever carried at all.”\n', 2);
  assert.equal(await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 40 } }), null, 'no verdict in a hover');
  assert.equal(await client.connection.sendRequest('sourceTrace/summary', { textDocument: { uri } }), null, 'no verdict in the quotation list');
  assert.equal(client.published.length, published, 'no diagnostics while the corpus failed');

  client.settings = {};
  await reindex();
  await client.until(() => lastStatus()?.state === 'ready', 'ready again');
  assert.deepEqual((await client.diagnosticsFor(uri, 2)).map((d) => d.code), ['misattributed', 'unsourced']);
});

test('Check All Drafts checks nothing while the corpus failed, and says so', async () => {
  client.settings = { corpus: ['corpus/*.{md'] };
  await reindex();
  await client.until(() => lastStatus()?.state === 'error', 'an error status');
  assert.match(lastStatus()!.message ?? '', /never closes/);
  const r = await client.connection.sendRequest('workspace/executeCommand', { command: 'sourceTrace.server.checkWorkspace', arguments: [] }) as { files: number; error?: string };
  assert.equal(r.files, 0);
  assert.match(r.error ?? '', /did not load/);
  client.settings = {};
  await reindex();
  await client.until(() => lastStatus()?.state === 'ready', 'ready again');
});
