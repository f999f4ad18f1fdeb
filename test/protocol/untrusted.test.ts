/** An untrusted workspace: a symlink out of it is refused when the file watcher reports it, as at load. */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspClient } from './lspClient';
import { SEED_CORPUS } from '../helpers';

let client: LspClient;
after(() => client?.shutdown());

test('a watched-file change that leads out of an untrusted workspace is not read: its words stay unsourced', async () => {
  const ws = mkdtempSync(join(tmpdir(), 'st-untrusted-'));
  const outside = mkdtempSync(join(tmpdir(), 'st-outside-'));
  cpSync(SEED_CORPUS, join(ws, 'corpus'), { recursive: true });
  mkdirSync(join(outside, 'secret'));
  writeFileSync(join(outside, 'secret', 'diary.md'), '“The combination to the harbor safe is four seven two nine,” said Mayor Ines Okonkwo.\n');
  client = new LspClient();
  await client.initialize(ws, { initializationOptions: { trusted: false } });
  symlinkSync(join(outside, 'secret', 'diary.md'), join(ws, 'corpus', 'diary.md'));
  const reindexed = client.notifications.length;
  await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(join(ws, 'corpus', 'diary.md')).toString(), type: 1 }] });
  await client.until(() => client.notifications.slice(reindexed).some((n) => n.method === 'window/logMessage' && /leads outside the workspace/.test((n.params as { message: string }).message)), 'the refusal logged');
  const uri = pathToFileURL(join(ws, 'draft.md')).toString();
  await client.open(uri, 'Okonkwo said “The combination to the harbor safe is four seven two nine.”\n');
  const diags = await client.diagnosticsFor(uri, 1);
  assert.deepEqual(diags.map((d) => d.code), ['unsourced']);
});
