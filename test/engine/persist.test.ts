/**
 * The persisted index: a restart reads the index and only the corpus files whose stamp changed;
 * inside a changed archive, unchanged articles stay as indexed.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TraceEngine } from '../../server/src/engine';
import { INDEX_FILE, loadIndex, loadIndexAsync, saveIndex, saveIndexAsync } from '../../server/src/index/persist';
import { SEED_CORPUS } from '../helpers';
import { Newsroom } from '../../bench/generate';
import { readArticleText } from '../../server/src/corpus/articleText';

const DRAFT = 'In October, Hegseth said “He confirmed once again that the U.S. is a true ally.” Zelensky said “We need a truce.”\n';
const summary = (e: TraceEngine) => e.corpus.articles().flatMap((a) => e.corpus.quotesOf(a.id).map((q) => `${a.id} ${q.start}-${q.end} ${q.text} — ${e.corpus.speakerName(q)} @${JSON.stringify(e.corpus.rangeIn(a, q.start, q.end))}`)).sort();
const findings = (e: TraceEngine) => e.check(DRAFT).findings.map((f) => [f.text, f.verdict, f.source?.article.id, f.source?.wording, f.attributedTo]);

function copyCorpus(): { dir: string; corpus: string; index: string } {
  const dir = mkdtempSync(join(tmpdir(), 'st-persist-'));
  cpSync(SEED_CORPUS, join(dir, 'corpus'), { recursive: true });
  return { dir, corpus: join(dir, 'corpus'), index: join(dir, '.source-trace', INDEX_FILE) };
}

test('a restart from the persisted index reads no unchanged file and answers exactly as before', async () => {
  const { dir, corpus, index } = copyCorpus();
  const first = await TraceEngine.load([corpus]);
  saveIndex(index, first.persistedForm());
  assert.equal(readFileSync(join(dir, '.source-trace', '.gitignore'), 'utf8'), '*\n');
  const second = await TraceEngine.load([corpus], { persisted: loadIndex(index) });
  assert.deepEqual(second.loadStats, { filesFromIndex: 4, filesAppended: 0, filesRead: 0, articlesRead: 0, extractedOnWorkers: 0, extractedWhileWaiting: 0 });
  assert.equal(second.dirty, false);
  assert.deepEqual(summary(second), summary(first));
  assert.deepEqual(findings(second), findings(first));
  assert.deepEqual(second.corpus.positionChanges().map((c) => [c.person.name, c.sentence]), first.corpus.positionChanges().map((c) => [c.person.name, c.sentence]));
  // The people registry comes back as it was built (not rebuilt): same persons, forms, counts, lookups.
  const people = (e: TraceEngine) => e.corpus.people.persons.map((p) => [p.id, p.name, [...p.forms], p.roles, p.quoteCount]);
  assert.deepEqual(people(second), people(first));
  for (const name of ['Zelenskiy', 'Zelenskyy', 'Pevkur', 'Hanno Pevkur', 'Secretary Hegseth', 'Nobody Here']) assert.equal(second.corpus.people.resolve(name)?.id, first.corpus.people.resolve(name)?.id, name);
});

test('a changed file is re-read alone; a deleted one is dropped; load problems of unchanged files are kept', async () => {
  const { corpus, index } = copyCorpus();
  writeFileSync(join(corpus, 'broken.md'), '---\ntitle: [unclosed\n---\n“Words here that nobody said at all,” said Nobody Known.\n');
  const first = await TraceEngine.load([corpus]);
  assert.ok(first.problems().some((p) => p.path.endsWith('broken.md')));
  saveIndex(index, first.persistedForm());
  const changed = join(corpus, '2025-04-11-hegseth-skips-contact-group.md');
  writeFileSync(changed, readFileSync(changed, 'utf8').replace('“We need a ceasefire,” he said', '“We need a truce,” he said'));
  rmSync(join(corpus, '2025-10-15-hegseth-impose-costs-on-russia.md'));
  const second = await TraceEngine.load([corpus], { persisted: loadIndex(index) });
  assert.deepEqual(second.loadStats, { filesFromIndex: 3, filesAppended: 0, filesRead: 1, articlesRead: 1, extractedOnWorkers: 0, extractedWhileWaiting: 0 });
  assert.ok(second.corpus.quotesOf(changed).some((q) => q.text === 'We need a truce,'));
  assert.ok(!second.corpus.quotesOf(changed).some((q) => q.text === 'We need a ceasefire,'));
  assert.equal(second.corpus.articleCount, 4); // 3 seed articles left + broken.md read without metadata
  assert.ok(second.problems().some((p) => p.path.endsWith('broken.md')), 'the broken file is still reported');
  assert.equal(second.check('“He confirmed once again that the U.S. is a true ally,” Pevkur said.').findings[0].verdict, 'unsourced');
  // Same answers as a fresh load of the changed corpus.
  const fresh = await TraceEngine.load([corpus]);
  assert.deepEqual(summary(second), summary(fresh));
  assert.deepEqual(findings(second), findings(fresh));
  // Saved (asynchronously, as the server does) with the re-read article still in the index's
  // delta and the old one's postings tombstoned, it comes back the same.
  await saveIndexAsync(index, second.persistedForm());
  const third = await TraceEngine.load([corpus], { persisted: loadIndex(index) });
  assert.equal(third.loadStats.filesRead, 0);
  assert.deepEqual(summary(third), summary(fresh));
  assert.deepEqual(findings(third), findings(fresh));
});

test('an archive that grew is read from where it ended; one with a line inserted keeps its articles', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'st-persist-jsonl-'));
  const archive = join(dir, 'archive.jsonl');
  const line = (i: number) => JSON.stringify({ title: `Story ${i}`, date: `2024-01-${String(i + 1).padStart(2, '0')}`, text: `“Harbor fees number ${i} will rise in the spring,” said Mayor Ada Lindqvist-${String.fromCharCode(65 + i)}.` }) + '\n';
  writeFileSync(archive, [0, 1, 2, 3].map(line).join('') + '{not json\n');
  const index = join(dir, INDEX_FILE);
  saveIndex(index, (await TraceEngine.load([archive])).persistedForm());
  appendFileSync(archive, line(4));
  const grown = await TraceEngine.load([archive], { persisted: loadIndex(index) });
  assert.deepEqual(grown.loadStats, { filesFromIndex: 0, filesAppended: 1, filesRead: 0, articlesRead: 1, extractedOnWorkers: 0, extractedWhileWaiting: 0 });
  assert.equal(grown.corpus.quoteCount, 5);
  assert.deepEqual(grown.problems().map((p) => [p.line, p.message.slice(0, 14)]), [[4, 'not valid JSON']], 'the bad line read last time is still reported');
  const appended = grown.corpus.articles().find((a) => a.title === 'Story 4')!;
  assert.equal(appended.id, `${archive}#L6`);
  assert.equal(grown.check('“Harbor fees number 4 will rise in the spring,” Lindqvist-E said.').findings[0].source?.article.line, 5);
  assert.deepEqual(summary(grown), summary(await TraceEngine.load([archive])));
  saveIndex(index, grown.persistedForm());
  // Grown again, as the last save left it: still only the new lines.
  appendFileSync(archive, line(5));
  const again = await TraceEngine.load([archive], { persisted: loadIndex(index) });
  assert.deepEqual([again.loadStats.filesAppended, again.loadStats.articlesRead, again.corpus.quoteCount], [1, 1, 6]);
  saveIndex(index, again.persistedForm());
  // An old line edited (and the file longer): the prefix no longer hashes the same, so it is read whole.
  writeFileSync(archive, readFileSync(archive, 'utf8').replace('number 1 will', 'number 1 will surely') + line(6));
  const edited = await TraceEngine.load([archive], { persisted: loadIndex(index) });
  assert.deepEqual([edited.loadStats.filesAppended, edited.loadStats.filesRead, edited.loadStats.articlesRead], [0, 1, 2]);
  assert.deepEqual(summary(edited), summary(await TraceEngine.load([archive])));
  // Articles after the edited line moved in the file: hovers re-read them at their new offsets.
  for (const a of edited.corpus.articles()) assert.ok(readArticleText(a)?.includes(a.title!.replace('Story ', 'number ')), a.id);
  saveIndex(index, edited.persistedForm());
  // A line inserted at the top moves every article (ids are line numbers): moved, not re-extracted.
  writeFileSync(archive, line(9) + readFileSync(archive, 'utf8'));
  const shifted = await TraceEngine.load([archive], { persisted: loadIndex(index) });
  assert.equal(shifted.corpus.quoteCount, 8);
  const fresh = await TraceEngine.load([archive]);
  assert.deepEqual(summary(shifted), summary(fresh));
  const f = shifted.check('“Harbor fees number 2 will rise in the spring,” Lindqvist-C said.').findings[0];
  assert.equal(f.verdict, 'verified');
  assert.equal(f.source?.article.line, 3);
});

test('an archive line whose date or title alone was edited takes the new metadata (its text, and so its hash, is the same)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'st-persist-meta-'));
  const archive = join(dir, 'archive.jsonl');
  const line = (i: number, date: string) => JSON.stringify({ id: `s${i}`, title: `Story ${i}`, date, text: `“Tide tables number ${i} are printed weekly now,” said Harbormaster Lena Ostrova.` }) + '\n';
  writeFileSync(archive, line(0, '2024-03-01') + line(1, '2024-03-02'));
  const index = join(dir, INDEX_FILE);
  saveIndex(index, (await TraceEngine.load([archive])).persistedForm());
  writeFileSync(archive, line(0, '2024-03-01') + line(1, '2025-07-09').replace('Story 1', 'Story 1, corrected'));
  const restarted = await TraceEngine.load([archive], { persisted: loadIndex(index) });
  const story = restarted.corpus.article(`${archive}#s1`)!;
  assert.deepEqual([story.date, story.title, restarted.loadStats.articlesRead], ['2025-07-09', 'Story 1, corrected', 1]);
  const f = restarted.check('“Tide tables number 1 are printed weekly now,” Ostrova said.').findings[0];
  assert.deepEqual([f.verdict, f.source?.article.date], ['verified', '2025-07-09']);
  // The language server re-reads a changed file the same way.
  writeFileSync(archive, line(0, '2020-01-01') + line(1, '2025-07-09'));
  await restarted.reloadFile(archive);
  assert.deepEqual(restarted.corpus.articles().map((a) => [a.title, a.date]), [['Story 0', '2020-01-01'], ['Story 1', '2025-07-09']]);
});

test('an archive whose last line had no newline is read whole when it grows (line numbers stay right)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'st-persist-nonl-'));
  const archive = join(dir, 'archive.jsonl');
  const line = (i: number) => JSON.stringify({ title: `Story ${i}`, text: `“Ferry number ${i} will run all winter long,” said Captain Ines Alvarado.` });
  writeFileSync(archive, `${line(0)}\n${line(1)}`);
  const index = join(dir, INDEX_FILE);
  saveIndex(index, (await TraceEngine.load([archive])).persistedForm());
  appendFileSync(archive, `\n${line(2)}\n`);
  const grown = await TraceEngine.load([archive], { persisted: loadIndex(index) });
  assert.deepEqual([grown.loadStats.filesAppended, grown.loadStats.filesRead], [0, 1]);
  assert.deepEqual(summary(grown), summary(await TraceEngine.load([archive])));
});

test('an index of another format, a damaged or a missing one is ignored, not misread (both readers)', async () => {
  const { corpus, index } = copyCorpus();
  // Small reads (1 kB) so every column is read in many pieces at once.
  const both = async () => { const sync = loadIndex(index), parallel = await loadIndexAsync(index, 1024); assert.deepEqual(parallel, sync); return sync; };
  assert.equal(await both(), null);
  saveIndex(index, (await TraceEngine.load([corpus])).persistedForm());
  assert.ok(await both(), 'the parallel reader reads what the sequential one reads');
  truncateSync(index, Math.floor(statSync(index).size / 2));
  assert.equal(await both(), null);
  writeFileSync(index, JSON.stringify({ format: 'source-trace-index/1', articles: {} }));
  assert.equal(await both(), null);
  writeFileSync(index, Buffer.from([0x53, 0x54, 0x49, 0x58, 9, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]));
  assert.equal(await both(), null);
});

test('a snapshot taken in slices lets the event loop run and equals the one taken at once', async () => {
  const archive = join(mkdtempSync(join(tmpdir(), 'st-persist-slices-')), 'archive.jsonl');
  await new Newsroom(3, 40).writeCorpus(archive, 150);
  const engine = await TraceEngine.load([archive], { extractWorkers: 0 });
  const whole = engine.corpus.snapshot();
  let turns = 0;
  let ticking = true;
  const tick = () => { if (!ticking) return; turns++; setImmediate(tick); };
  setImmediate(tick);
  // Slices of 0 ms: a pause at every point where the snapshot may pause (every 256 quotations).
  const sliced = await engine.corpus.snapshotInSlices(0);
  ticking = false;
  assert.ok(engine.corpus.quoteCount > 1000 && turns >= Math.floor(engine.corpus.quoteCount / 256) - 1, `${turns} turns for ${engine.corpus.quoteCount} quotations`);
  assert.deepEqual(sliced, whole);
});
