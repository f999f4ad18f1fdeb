/**
 * Teach it a person, over real JSON-RPC: on a misattributed quotation whose draft name is the
 * source's speaker under another name, "Same person as …" writes the alias into the corpus's
 * people file; once the watcher reports the file, the quotation is verified. Text invented.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { applyTextEdits, LspClient } from './lspClient';

let ws: string;
let client: LspClient;
const DRAFT = 'At the council, Nana Ruiz said “the sea wall will hold through the whole storm season.”\n';

before(async () => {
  ws = mkdtempSync(join(tmpdir(), 'st-teach-'));
  mkdirSync(join(ws, 'corpus'));
  writeFileSync(join(ws, 'corpus', 'storm.md'), '---\ntitle: Storm season\ndate: 2024-10-01\n---\n“The sea wall will hold through the whole storm season,” Mayor Ana Okonkwo said on Monday.\n');
  client = new LspClient();
  await client.initialize(ws);
});
after(() => client.shutdown());

interface Action { title: string; edit?: { documentChanges: ({ kind: 'create'; uri: string } | { textDocument: { uri: string }; edits: { range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string }[] })[] } }

async function teach(uri: string, version: number): Promise<Action | undefined> {
  const diags = await client.diagnosticsFor(uri, version);
  const mis = diags.find((d) => d.code === 'misattributed');
  assert.ok(mis, JSON.stringify(diags));
  const actions = await client.connection.sendRequest<Action[]>('textDocument/codeAction', { textDocument: { uri }, range: mis.range, context: { diagnostics: [mis] } });
  return actions.find((a) => a.title.startsWith('Same person as'));
}

/** Applies a workspace edit to disk as an editor would, and reports the changed files to the server. */
async function applyToDisk(action: Action) {
  const changed: { uri: string; type: number }[] = [];
  for (const c of action.edit!.documentChanges) {
    if ('kind' in c) { const p = fileURLToPath(c.uri); if (!existsSync(p)) { writeFileSync(p, ''); changed.push({ uri: c.uri, type: 1 }); } continue; }
    const p = fileURLToPath(c.textDocument.uri);
    writeFileSync(p, applyTextEdits(readFileSync(p, 'utf8'), c.edits));
    if (!changed.some((x) => x.uri === c.textDocument.uri)) changed.push({ uri: c.textDocument.uri, type: 2 });
  }
  const before = client.notifications.length;
  await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: changed });
  await client.until(() => client.notifications.slice(before).some((n) => n.method === 'sourceTrace/reindexed'), 'the people file re-read');
}

test('"Same person as …" creates the people file with the alias; the quotation is then verified', async () => {
  const uri = pathToFileURL(join(ws, 'draft.md')).toString();
  await client.open(uri, DRAFT);
  const action = await teach(uri, 1);
  assert.equal(action?.title, 'Same person as Ana Okonkwo: add “Nana Ruiz” to the people file');
  await applyToDisk(action!);
  assert.equal(readFileSync(join(ws, 'corpus', 'people.yml'), 'utf8'), '- name: Ana Okonkwo\n  aliases: [Nana Ruiz]\n');
  await client.change(uri, DRAFT + '\n', 2);
  const after = await client.diagnosticsFor(uri, 2);
  assert.equal(after.filter((d) => d.code === 'misattributed').length, 0, JSON.stringify(after));
});

test('an existing people file gets the alias in place, its comments and other entries untouched', async () => {
  const people = '# Our people.\n- name: Ana Okonkwo\n  aliases: [Nana Ruiz]   # the council calls her that\n  roles: [Mayor]\n';
  writeFileSync(join(ws, 'corpus', 'people.yml'), people);
  const uri = pathToFileURL(join(ws, 'second.md')).toString();
  await client.open(uri, 'Ana Doe said “the sea wall will hold through the whole storm season.”\n');
  const action = await teach(uri, 1);
  assert.ok(action, 'offered');
  await applyToDisk(action!);
  assert.equal(readFileSync(join(ws, 'corpus', 'people.yml'), 'utf8'), people.replace('[Nana Ruiz]', '[Nana Ruiz, Ana Doe]'));
});
