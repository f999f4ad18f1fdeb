/**
 * The bundled server on a corpus large enough for extraction workers (a JSONL archive): the
 * workers shipped next to dist/server.js are used, hovers re-read the source line from the
 * archive, and a restarted server reads only what was appended to the archive.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appendFileSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Newsroom } from '../../bench/generate';
import { POOL_AFTER } from '../../server/src/engine';
import { LspClient } from './lspClient';

type Ready = { state: string; articles: number; fromIndex?: number; filesRead?: number; extractedOnWorkers?: number };
const readyOf = (c: LspClient) => c.notifications.map((n) => n.params as Ready).filter((p) => p.state === 'ready').at(-1)!;

test('a JSONL archive: extraction on the bundled workers, hovers from the archive line, an appended restart reads only the new line', async () => {
  const ws = mkdtempSync(join(tmpdir(), 'st-lsp-archive-'));
  mkdirSync(join(ws, 'corpus'));
  const archive = join(ws, 'corpus', 'archive.jsonl');
  const newsroom = new Newsroom(11, 40);
  const corpus = await newsroom.writeCorpus(archive, POOL_AFTER * 2);
  const quote = corpus.quotes.find((q) => q.text.split(' ').length >= 12)!;
  const draft = `In March 2021, ${quote.speaker} said “${quote.text}.”\n`;
  const uri = pathToFileURL(join(ws, 'draft.md')).toString();

  const first = new LspClient();
  try {
    await first.initialize(ws);
    const ready = readyOf(first);
    assert.equal(ready.articles, POOL_AFTER * 2);
    assert.ok(ready.extractedOnWorkers! > 0, `workers used: ${JSON.stringify(ready)}`);
    await first.open(uri, draft);
    assert.deepEqual(await first.diagnosticsFor(uri), []);
    const hover = await first.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: draft.indexOf('“') + 3 } }) as { contents: { value: string } };
    assert.match(hover.contents.value, /Verified/);
    assert.match(hover.contents.value, /^> /m, 'the source sentence, re-read from the archive line');
    assert.doesNotMatch(hover.contents.value, /changed since it was indexed/);
  } finally {
    await first.shutdown(); // writes the index
  }

  appendFileSync(archive, JSON.stringify({ title: 'Late', date: '2026-02-01', text: '“The ferry timetable changes on Monday morning,” said Harbor Master Ines Alvarado.' }) + '\n');
  const second = new LspClient();
  try {
    await second.initialize(ws);
    const ready = readyOf(second);
    assert.deepEqual([ready.articles, ready.filesRead, ready.extractedOnWorkers], [POOL_AFTER * 2 + 1, 0, 0], JSON.stringify(ready));
    await second.open(uri, draft + '\nAlvarado said “The ferry timetable changes on Monday morning.”\n');
    assert.deepEqual(await second.diagnosticsFor(uri), []);
  } finally {
    await second.shutdown();
  }
});
