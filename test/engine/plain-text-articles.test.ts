/**
 * Plain `.txt` articles: the headline on the first line is the title, the date comes from the
 * file name or a dateline, front matter wins, and the hover says where each came from. All text
 * here is written for the test.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TraceEngine } from '../../server/src/engine';
import { dateIn, inferPlainMeta } from '../../server/src/corpus/plainText';
import { loadIndex, saveIndex } from '../../server/src/index/persist';
import { quotationHover } from '../../server/src/lsp/hover';

const BODY = '“We will reopen the ferry terminal before the winter storms arrive,” Mayor Ines Okonkwo said on Tuesday.\n';

test('dates as datelines write them, and only real days', () => {
  assert.equal(dateIn('By Ana Ruiz | April 11, 2016'), '2016-04-11');
  assert.equal(dateIn('PORTVILLE, 3 Sept. 2019 —'), '2019-09-03');
  assert.equal(dateIn('Published Dec. 1, 2020, 9:00 a.m.'), '2020-12-01');
  assert.equal(dateIn('2016-04-11T08:00:00Z'), '2016-04-11');
  assert.equal(dateIn('February 30, 2016'), null);
  assert.equal(dateIn('May the ferry run again'), null);
});

test('a headline is a short first line, not the article’s first sentence', () => {
  assert.equal(inferPlainMeta('/c/a.txt', 'Ferry Terminal to Reopen Before Winter\n\n' + BODY, 0).title, 'Ferry Terminal to Reopen Before Winter');
  assert.equal(inferPlainMeta('/c/a.txt', 'The mayor said on Tuesday that the ferry terminal would reopen.\nShe gave no date.\n', 0).title, null);
  assert.equal(inferPlainMeta('/c/a.txt', 'PORTVILLE,\n' + BODY, 0).title, null);
});

test('a .txt article takes its title from the first line and its date from the file name or the dateline; front matter wins; the hover says where they came from; the persisted index keeps it', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'st-txt-'));
  writeFileSync(join(dir, '2016-04-11-ferry.txt'), 'Ferry Terminal to Reopen Before Winter\n\n' + BODY);
  writeFileSync(join(dir, 'storms.txt'), 'Storm Season Arrives Early\nBy Ana Ruiz | October 3, 2017\n\n“The sea wall held better than anyone expected this year,” Mayor Ines Okonkwo said.\n');
  writeFileSync(join(dir, '2015-01-01-harbor.txt'), '---\ntitle: Harbor Plans\ndate: 2018-05-06\n---\nHarbor Plan Headline in the Body\n\n“The harbor plan will be voted on in the spring session,” Mayor Ines Okonkwo said.\n');
  const engine = await TraceEngine.load([dir]);
  const byName = (n: string) => engine.corpus.articles().find((a) => a.path.endsWith(n))!;
  assert.deepEqual([byName('ferry.txt').title, byName('ferry.txt').date, byName('ferry.txt').metaFrom], ['Ferry Terminal to Reopen Before Winter', '2016-04-11', { title: 'first line', date: 'file name' }]);
  assert.deepEqual([byName('storms.txt').title, byName('storms.txt').date, byName('storms.txt').metaFrom], ['Storm Season Arrives Early', '2017-10-03', { title: 'first line', date: 'dateline' }]);
  assert.deepEqual([byName('harbor.txt').title, byName('harbor.txt').date, byName('harbor.txt').metaFrom], ['Harbor Plans', '2018-05-06', undefined]);
  const finding = engine.check('Okonkwo said “We will reopen the ferry terminal before the winter storms arrive.”').findings[0];
  assert.equal(finding.source?.article.date, '2016-04-11');
  assert.match(quotationHover(engine.corpus, finding), /2016\\-04\\-11 _\(title from its first line, date from its file name\)_/);
  // Through the persisted index, unchanged.
  const file = join(dir, 'index.bin');
  saveIndex(file, engine.persistedForm());
  const again = await TraceEngine.load([dir], { persisted: loadIndex(file) });
  assert.deepEqual(again.corpus.articles().find((a) => a.path.endsWith('storms.txt'))!.metaFrom, { title: 'first line', date: 'dateline' });
});
