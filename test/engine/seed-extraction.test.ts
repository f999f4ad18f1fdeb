/** Every quotation of the four seed articles, with the speaker a careful reader would name. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { engineFor, SEED_CORPUS } from '../helpers';
import { readArticleText } from '../../server/src/corpus/articleText';
import { quoteTokens } from '../../server/src/text/quoteTokens';

const EXPECTED: Record<string, [string, string | null][]> = {
  '2025-02-12-hegseth-first-nato-visit.md': [
    ['an attack on one is an attack on all', null], // a principle, not anyone's words
  ],
  '2025-10-15-hegseth-impose-costs-on-russia.md': [
    ['impose costs on Russia', 'Pete Hegseth'],
    ['If there is no path to peace', 'Pete Hegseth'],
    ['clear-eyed about the fact', 'Pete Hegseth'],
    ['He confirmed once again', 'Hanno Pevkur'],
    ['I would read into that', 'Boris Pistorius'],
    ['I can’t interpret, really', 'Boris Pistorius'],
    ['European leaders are sending', 'Pete Hegseth'],
    ['Now is the time to end', 'Pete Hegseth'],
    ['seen no sign of reduced', 'a NATO official'],
    ['to providing significant intelligence', 'a NATO official'],
  ],
  '2025-04-11-hegseth-skips-contact-group.md': [
    ['We need a ceasefire', 'Pete Hegseth'],
    ['not realistic', 'Pete Hegseth'],
    ['not the outcome', 'Pete Hegseth'],
    ['If there are security guarantees', 'Pete Hegseth'],
    ['We need to prepare for great-power', 'Pete Hegseth'],
    ['drain our readiness', 'Pete Hegseth'],
  ],
  '2025-02-13-hegseth-crumbles-russia-concessions.md': [
    ['You have focused on what Ukraine is giving up. What concessions will [Vladimir]', 'a reporter'],
    ['Um, well that’s', 'Pete Hegseth'],
    ['There’s a reason why negotiations', 'Pete Hegseth'],
    ['President Putin responds to strength', 'Pete Hegseth'],
    ['You have focused on what Ukraine is giving up. What concessions will Putin', 'a reporter'],
    ['Um. I would start by saying', 'Pete Hegseth'],
    ['he’ll get more out of it', 'John Bolton'],
    ['And he’s absolutely right', 'John Bolton'],
    ['off the table', 'Pete Hegseth'],
    ['unrealistic', 'Pete Hegseth'],
    ['written in the Kremlin', 'John Bolton'],
    ['everything is on the table', 'Pete Hegseth'],
    ['What he decides to allow', 'Pete Hegseth'],
    ['I’m not going to stand at this podium', 'Pete Hegseth'],
    ['reciprocal tariff', null], // scare quotes
    ['pretty accurate', 'Donald Trump'],
    ['Hegseth’s lack of experience', 'Shashank Joshi'],
    ['Publicly makes a series', 'Shashank Joshi'],
    ['This was a huge fuckup', 'Tommy Vietor'],
    ['There’s no walking back', 'Tommy Vietor'],
  ],
};

test('every seed quotation is extracted, in order, with its speaker', async () => {
  const engine = await engineFor(SEED_CORPUS);
  for (const [file, expected] of Object.entries(EXPECTED)) {
    const article = engine.corpus.articles().find((a) => a.path.endsWith(file));
    assert.ok(article, `article ${file} loaded`);
    const quotes = engine.corpus.quotesOf(article.id);
    assert.deepEqual(quotes.map((q) => [q.text.slice(0, 200), engine.corpus.speakerName(q)]).map(([t, s], i) => [expected[i] && (t as string).startsWith(expected[i][0]) ? expected[i][0] : t, s]), expected, file);
  }
});

test('quotation ranges point at the words between the marks in the file', async () => {
  const engine = await engineFor(SEED_CORPUS);
  for (const a of engine.corpus.articles()) {
    // The index keeps no article text: it is re-read from the file (and checked against its hash).
    const text = readArticleText(a);
    assert.ok(text !== null, a.path);
    for (const q of engine.corpus.quotesOf(a.id)) {
      assert.equal(text.slice(q.start, q.end), q.text);
      if (q.speakerMention) assert.equal(text.slice(q.speakerMention.start, q.speakerMention.end), q.speakerMention.text);
      // Word offsets are not stored: re-tokenising the quotation alone must give the article's.
      const inArticle = quoteTokens(text, q.start, q.end, 'source');
      assert.deepEqual(engine.corpus.offsetsOf(q), { starts: inArticle.starts, ends: inArticle.ends });
      assert.equal(engine.corpus.tokensOf(q).ids.length, inArticle.norms.length);
    }
  }
});

test('the speaker mention is the pronoun when a pronoun is the cue, and titles are kept as roles', async () => {
  const engine = await engineFor(SEED_CORPUS);
  const all = engine.corpus.articles().flatMap((a) => engine.corpus.quotesOf(a.id));
  const ceasefire = all.find((q) => q.text.startsWith('We need a ceasefire'))!;
  assert.equal(ceasefire.speakerMention?.text, 'he');
  const pistorius = all.find((q) => q.text.startsWith('I would read'))!;
  assert.equal(pistorius.speakerMention?.text, 'German Defense Minister Boris Pistorius');
  assert.ok(pistorius.person?.roles.includes('German Defense Minister'));
});

test('Zelenskyy, Zelenskiy and Zelensky are one person; diacritics fold', async () => {
  const engine = await engineFor(SEED_CORPUS);
  const people = engine.corpus.people;
  const a = people.resolve('Volodymyr Zelenskyy'), b = people.resolve('Zelenskiy'), c = people.resolve('Zelensky'), d = people.resolve('Volodymyr Zelenskíy');
  assert.ok(a);
  assert.equal(b?.id, a.id);
  assert.equal(c?.id, a.id);
  assert.equal(d?.id, a.id);
  assert.equal(people.resolve('Hegseth')?.name, 'Pete Hegseth');
  assert.equal(people.resolve('Boris Pistorius')?.id, people.resolve('Pistorius')?.id);
  assert.equal(people.resolve('Shashank Joshi')?.id === people.resolve('Hegseth')?.id, false);
});

test('the about-face in the October article is a change of Hegseth’s position', async () => {
  const engine = await engineFor(SEED_CORPUS);
  const changes = engine.corpus.positionChanges().filter((c) => c.person.name === 'Pete Hegseth' && c.article.date === '2025-10-15');
  assert.ok(changes.some((c) => c.sentence.startsWith('His comments are an about-face')));
});
