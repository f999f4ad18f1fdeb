/** The persisted index: unchanged articles come from it, a changed article is extracted alone. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TraceEngine } from '../../server/src/engine';
import { loadIndex, parseIndex, saveIndex, serializeIndex } from '../../server/src/index/persist';
import { SEED_CORPUS } from '../helpers';

test('save and load round-trip every extraction', async () => {
  const engine = await TraceEngine.load([SEED_CORPUS]);
  const extracts = engine.corpus.extracts();
  const back = parseIndex(serializeIndex(extracts));
  assert.equal(back.size, 4);
  for (const [hash, x] of extracts) assert.deepEqual(back.get(hash)!.quotes.map((q) => [q.start, q.end, q.speaker, q.speakerMention]), x.quotes.map((q) => [q.start, q.end, q.speaker, q.speakerMention]));
  const fromCache = await TraceEngine.load([SEED_CORPUS], { cache: back });
  const texts = (e: TraceEngine) => e.corpus.articles().flatMap((a) => e.corpus.quotesOf(a.id).map((q) => `${q.text} — ${e.corpus.speakerName(q)}`));
  assert.deepEqual(texts(fromCache), texts(engine));
});

test('a restart takes unchanged articles from the index and re-extracts only the changed one', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'st-persist-'));
  cpSync(SEED_CORPUS, join(dir, 'corpus'), { recursive: true });
  const first = await TraceEngine.load([join(dir, 'corpus')]);
  const path = join(dir, '.source-trace', 'index-v1.json');
  saveIndex(path, first.corpus.extracts());
  assert.equal(readFileSync(join(dir, '.source-trace', '.gitignore'), 'utf8'), '*\n');
  const cache = loadIndex(path);
  // Mark every cached extraction, so the test can see which articles came from the index.
  for (const x of cache.values()) for (const q of x.quotes) if (q.speaker) q.speaker = { ...q.speaker, name: `cached:${q.speaker.name}` };
  const changed = join(dir, 'corpus', '2025-04-11-hegseth-skips-contact-group.md');
  writeFileSync(changed, readFileSync(changed, 'utf8').replace('“We need a ceasefire,” he said', '“We need a truce,” he said'));
  const second = await TraceEngine.load([join(dir, 'corpus')], { cache });
  for (const a of second.corpus.articles()) {
    const names = second.corpus.quotesOf(a.id).map((q) => q.speaker?.name ?? '').filter(Boolean);
    if (a.path === changed) assert.ok(names.every((n) => !n.startsWith('cached:')), 'changed article re-extracted');
    else assert.ok(names.every((n) => n.startsWith('cached:')), `${a.path} came from the index`);
  }
  assert.ok(second.corpus.quotesOf(changed).some((q) => q.text === 'We need a truce,'));
});

test('an index of another format is ignored, not misread', () => {
  assert.equal(parseIndex(JSON.stringify({ format: 'source-trace-index/0', articles: { x: {} } })).size, 0);
  assert.equal(loadIndex('/no/such/index.json').size, 0);
});
