/**
 * Long drafts are read on a worker thread (the Markdown parse and the extraction cannot be
 * sliced): the report is the same as reading them on the calling thread.
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TraceEngine } from '../../server/src/engine';
import { OFF_THREAD_CHARS, closeScanWorker, offThreadStats } from '../../server/src/check/scanOffThread';

after(closeScanWorker);
import { Newsroom } from '../../bench/generate';

test('a draft past OFF_THREAD_CHARS is read on a worker and checked exactly as on this thread', async () => {
  const archive = join(mkdtempSync(join(tmpdir(), 'st-scan-')), 'archive.jsonl');
  const newsroom = new Newsroom(11, 40);
  const corpus = await newsroom.writeCorpus(archive, 60);
  const engine = await TraceEngine.load([archive], { extractWorkers: 0 });
  const one = newsroom.draft(corpus, 2000, 40).text;
  const long = one.repeat(Math.ceil((OFF_THREAD_CHARS + 1) / one.length));
  const before = offThreadStats.scans;
  const [here, away] = [engine.check(long), await engine.checkAsync(long)];
  assert.equal(offThreadStats.scans, before + 1, 'the long draft went to the worker');
  const rows = (r: typeof here) => r.findings.map((f) => `${f.start}-${f.end} ${f.verdict} ${f.attributedTo} ${f.source?.quote.n}`);
  assert.ok(here.findings.length > 40 && here.findings.some((f) => f.verdict !== 'verified'));
  assert.deepEqual(rows(away), rows(here));
  assert.deepEqual(away.people, here.people);
  // A short draft stays on this thread.
  await engine.checkAsync(one);
  assert.equal(offThreadStats.scans, before + 1);
});
