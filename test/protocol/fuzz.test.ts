/**
 * The language server never exits because of input: the malformed messages an attacker or an
 * unlucky client sends, then a bounded stream of random ones, and a hover still answers after.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspClient } from './lspClient';
import { SEED_CORPUS } from '../helpers';

let ws: string;
let client: LspClient;
let uri: string;
let exited: number | null = null;
const TEXT = 'In October, Hegseth said “European leaders are sending a clear message to Russia.”\n';

before(async () => {
  ws = mkdtempSync(join(tmpdir(), 'st-fuzz-'));
  cpSync(SEED_CORPUS, join(ws, 'corpus'), { recursive: true });
  writeFileSync(join(ws, 'corpus', 'bomb.md'), 'a: &a ["x","x","x","x","x","x","x","x","x"]\n');
  client = new LspClient();
  client.process.on('exit', (code) => { exited = code ?? -1; });
  await client.initialize(ws);
  uri = pathToFileURL(join(ws, 'draft.md')).toString();
  await client.open(uri, TEXT);
  await client.diagnosticsFor(uri, 1);
});
after(() => client.shutdown());

const alive = async () => {
  assert.equal(exited, null, `the server exited (status ${exited}); stderr: ${client.stderr.slice(-1500)}`);
  const h = await client.connection.sendRequest<{ contents: { value: string } } | null>('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 40 } });
  assert.match(h!.contents.value, /Verified/);
};

/** Sends a notification or a request whose answer may be an error; either way nothing may end the server. */
async function send(method: string, params: unknown, request = false) {
  if (request) await client.connection.sendRequest(method, params).catch(() => undefined);
  else await client.connection.sendNotification(method, params);
}

test('malformed documents and URIs: a host in a file URI, an encoded slash, a number for text, deep nesting', async () => {
  const bomb = ['a: &a [x, x, x, x, x, x, x, x, x]'];
  for (let i = 0; i < 8; i++) bomb.push(`${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [*${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}]`);
  writeFileSync(join(ws, 'corpus', 'bomb.md'), `---\n${bomb.join('\n')}\n---\nBody.\n`);
  const docs: [string, unknown][] = [
    ['file://fileserver/share/draft.md', TEXT],
    [pathToFileURL(join(ws, 'a%2Fb.md')).toString().replace('a%252Fb', 'a%2Fb'), TEXT],
    [pathToFileURL(join(ws, 'number.md')).toString(), 12345],
    [pathToFileURL(join(ws, 'null.md')).toString(), null],
    [pathToFileURL(join(ws, 'deep.md')).toString(), '>'.repeat(8000) + ' “deep quotation words here”\n'],
    ['untitled:Untitled-1', '“an unsaved draft with a quotation”'],
    ['javascript:alert(1)', TEXT],
  ];
  for (const [u, text] of docs) await send('textDocument/didOpen', { textDocument: { uri: u, languageId: 'markdown', version: 1, text } });
  await send('workspace/didChangeWatchedFiles', { changes: 'not an array' });
  await send('workspace/didChangeWatchedFiles', { changes: [{ uri: 42, type: 'x' }, null, { uri: 'file://host/x.md', type: 1 }] });
  await send('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(join(ws, 'corpus', 'bomb.md')).toString(), type: 2 }] });
  await send('workspace/didChangeWatchedFiles', null);
  await send('textDocument/didChange', { textDocument: { uri: 'file:///never/opened.md', version: 2 }, contentChanges: [{ text: 'x' }] });
  await send('textDocument/didClose', { textDocument: null });
  // Wait for the re-index of the watched file to report (or not) and for the opened drafts' checks.
  await client.until(() => client.notifications.some((n) => n.method === 'sourceTrace/reindexed' || (n.method === 'window/logMessage' && /watchedFiles failed/.test((n.params as { message: string }).message))), 'the watched-file change handled');
  // The check of the draft whose text is a number failed in the background: logged with its document, not fatal.
  await client.until(() => client.notifications.some((n) => n.method === 'window/logMessage' && /validation failed on file:.*number\.md/.test((n.params as { message: string }).message)), 'the failed check logged with its document');
  await alive();
});

test('a bounded stream of random messages leaves the server answering', async () => {
  let seed = 7;
  const rand = (n: number) => { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return seed % n; };
  const values = (depth = 0): unknown => {
    switch (depth > 2 ? rand(3) : rand(9)) {
      case 0: return null;
      case 1: return rand(1000) - 500;
      case 2: return 'x'.repeat(rand(3) * 5000);
      case 3: return [values(depth + 1), values(depth + 1)];
      case 4: return { uri: ['file://h/x.md', uri, 'file:///%00', ':::', 'untitled:x'][rand(5)], line: values(depth + 1) };
      case 5: return { textDocument: { uri: [uri, 'file:///nope.md', 42, 'file://host/a'][rand(4)] }, position: { line: rand(5) - 1, character: values(depth + 1) } };
      case 6: return true;
      case 7: return { __proto__: { polluted: true }, constructor: 'x' };
      default: return { changes: [values(depth + 1)], contentChanges: values(depth + 1), range: values(depth + 1), context: values(depth + 1), command: values(depth + 1), arguments: values(depth + 1) };
    }
  };
  const requests = ['textDocument/hover', 'textDocument/definition', 'textDocument/references', 'textDocument/codeAction', 'textDocument/completion', 'sourceTrace/summary', 'workspace/executeCommand', 'sourceTrace/articles', 'no/suchMethod'];
  const notifications = ['textDocument/didOpen', 'textDocument/didChange', 'textDocument/didClose', 'textDocument/didSave', 'workspace/didChangeWatchedFiles', 'workspace/didChangeConfiguration', '$/cancelRequest', 'no/suchNotification'];
  const deadline = Date.now() + 4000;
  for (let i = 0; i < 400 && Date.now() < deadline; i++) {
    if (rand(2)) await send(requests[rand(requests.length)], values(), true);
    else await send(notifications[rand(notifications.length)], values());
  }
  // Random edits may have closed or garbled the draft: open it afresh, as an editor would.
  await send('textDocument/didClose', { textDocument: { uri } });
  await client.open(uri, TEXT, 99);
  await client.diagnosticsFor(uri, 99);
  await alive();
});
