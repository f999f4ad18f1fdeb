/**
 * Indexing reads ASCII words straight from the text into word ids; everything else goes
 * through foldWord. Both ways must give the ids the general way gives, on any text.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Vocabulary } from '../../server/src/index/vocabulary';
import { eachWord } from '../../server/src/text/normalize';
import { quoteTokens, scanQuote } from '../../server/src/text/quoteTokens';
import { rng } from '../../bench/generate';
import { SEED_CORPUS } from '../helpers';

const PIECES = ['the', 'Harbor', 'don\'t', 'rock\'n\'roll', "dogs'", "'tis", 'U.S.', 'x2', '2024', 'café', 'Zelenskíy', 'that’s', 'it\u02BCs', 'naïve', 'Straße',
  '“', '”', '—', '–', '…', '...', '[Vladimir]', '[', ']', ',', '.', ' ', ' ', '\u00A0', '\n', '-', 'great-power', '«', '»', '¹', 'ª', '\u2028', '`', 'İstanbul', 'ǅ'];

function byBothWays(text: string, from: number, to: number) {
  const fast = new Vocabulary(), slow = new Vocabulary();
  const ids: number[] = [], kinds: number[] = [];
  fast.idsInto(text, from, to, 0, ids, kinds);
  const expected: number[] = [];
  eachWord(text, from, to, (norm) => { expected.push(slow.id(norm)); });
  return { ids, expected, fastWords: ids.map((i) => fast.words[i]), slowWords: expected.map((i) => slow.words[i]) };
}

test('word ids read straight from ASCII text equal the folded words\' ids, on random text', () => {
  const r = rng(11);
  for (let n = 0; n < 3000; n++) {
    const text = Array.from({ length: 1 + r.int(30) }, () => r.pick(PIECES)).join(r.next() < 0.5 ? ' ' : '');
    const from = r.int(text.length), to = from + r.int(text.length - from + 1);
    const { fastWords, slowWords } = byBothWays(text, from, to);
    assert.deepEqual(fastWords, slowWords, JSON.stringify({ text, from, to }));
  }
});

test('a shared vocabulary gives every quotation of the seed articles the ids the general tokeniser gives', () => {
  const vocab = new Vocabulary(), general = new Vocabulary();
  for (const f of readdirSync(SEED_CORPUS).filter((x) => x.endsWith('.md'))) {
    const text = readFileSync(join(SEED_CORPUS, f), 'utf8');
    for (let at = 0; at < text.length; at += 97) {
      const end = Math.min(text.length, at + 180);
      const ids: number[] = [], kinds: number[] = [];
      scanQuote(text, at, end, 'source', (from, to, kind) => vocab.idsInto(text, from, to, kind, ids, kinds));
      const t = quoteTokens(text, at, end, 'source');
      assert.deepEqual(ids.map((i) => vocab.words[i]), t.norms, `${f} @${at}`);
      assert.deepEqual(kinds, t.kinds);
      t.norms.forEach((w) => general.id(w));
    }
  }
  assert.ok(vocab.size > 500 && vocab.size === general.size, `${vocab.size} words`);
  // The table grew many times over; every word is still found from its own spelling.
  for (const w of vocab.words) assert.equal(vocab.lookup(w), vocab.words.indexOf(w));
});
