/**
 * Extraction on worker threads builds the same index as extraction on the loading thread:
 * same quotations, same order (quotation numbers), same speakers, same verdicts.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { POOL_AFTER, TraceEngine } from '../../server/src/engine';
import { Newsroom } from '../../bench/generate';

test('a load with extraction workers indexes exactly what a single-threaded load does', async () => {
  const archive = join(mkdtempSync(join(tmpdir(), 'st-pool-')), 'archive.jsonl');
  const newsroom = new Newsroom(7, 60);
  const corpus = await newsroom.writeCorpus(archive, POOL_AFTER * 3);
  const draft = newsroom.draft(corpus, 1000, 20);
  const [single, pooled] = await Promise.all([TraceEngine.load([archive], { extractWorkers: 0 }), TraceEngine.load([archive], { extractWorkers: 2 })]);
  const rows = (e: TraceEngine) => e.corpus.quotes.map((q) => q && `${q.n} ${q.article.id} ${q.start}-${q.end} ${e.corpus.speakerName(q)} ${q.speakerMention?.text}`);
  assert.ok(single.corpus.quoteCount > POOL_AFTER);
  assert.equal(single.loadStats.extractedOnWorkers, 0);
  // Every article after the first POOL_AFTER - 1 went to a worker, or was extracted here while waiting for one.
  const { extractedOnWorkers, extractedWhileWaiting } = pooled.loadStats;
  assert.ok(extractedOnWorkers > 0, JSON.stringify(pooled.loadStats));
  assert.equal(extractedOnWorkers + extractedWhileWaiting, POOL_AFTER * 3 - POOL_AFTER + 1, JSON.stringify(pooled.loadStats));
  assert.deepEqual(rows(pooled), rows(single));
  assert.deepEqual(pooled.check(draft.text).findings.map((f) => [f.text, f.verdict, f.source?.quote.n]), single.check(draft.text).findings.map((f) => [f.text, f.verdict, f.source?.quote.n]));
  // Changes of position found on the workers are the ones found here.
  const changes = (e: TraceEngine) => e.corpus.positionChanges().map((c) => `${c.article.id} ${c.person.name}: ${c.sentence}`);
  assert.ok(changes(single).length > 3, `the archive reports changes of position: ${changes(single).length}`);
  assert.deepEqual(changes(pooled), changes(single));
});
