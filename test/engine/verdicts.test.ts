/** Every verdict both ways, on the seed corpus and on the harbor corpus written for the tests. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check, engineFor, findingFor, HARBOR_CORPUS, SEED_CORPUS } from '../helpers';

const seed = (draft: string) => check(draft, SEED_CORPUS);
const harbor = (draft: string) => check(draft, HARBOR_CORPUS);

test('verified: exact words, same speaker; also partial, elided, bracketed, case and punctuation changes', async () => {
  const f = await seed(`In October, Hegseth said “European leaders are sending a clear message to Russia.”

In April, he told CBS News that “if there are security guarantees, they will NOT involve U.S. boots on the ground.”

In February 2025 a reporter asked: “What concessions will [Vladimir] Putin be asked to make?”

In April 2025, Hegseth said “We need to prepare … competition.”

In October 2025, the alliance had “seen no sign of reduced sharing from the U.S. side,” a NATO official said.`);
  for (const x of f) assert.deepEqual([x.text, x.verdict, x.codes], [x.text, 'verified', []]);
  assert.equal(f.length, 5);
});

test('misquote: a changed word is flagged with the source wording and the word diff; a faithful partial quote is not', async () => {
  const [bad] = await seed('In April, Hegseth told CBS News: “If there are security guarantees, they will not involve American boots on the ground.”');
  assert.equal(bad.verdict, 'misquote');
  assert.deepEqual(bad.codes, ['misquote']);
  assert.equal(bad.source?.wording, 'If there are security guarantees, they will not involve U.S. boots on the ground');
  assert.deepEqual(bad.source?.changes.map((c) => [c.op, c.draft, c.source]), [['replace', 'American', 'U.S']]);
  const [ok] = await seed('In April, Hegseth told CBS News: “they will not involve U.S. boots on the ground.”');
  assert.equal(ok.verdict, 'verified');
});

test('misquote: dropped and added words are named', async () => {
  const [f] = await seed('In October, Hegseth said “the United States will take steps necessary to impose costs on Russia for its aggression.”');
  assert.equal(f.verdict, 'misquote');
  assert.deepEqual(f.source?.changes.map((c) => [c.op, c.source]), [['delete', 'along with our allies'], ['delete', 'continued']]);
});

test('misattributed: words of one person given to another; the same words given to their speaker are not', async () => {
  const [bad] = await seed('In October, Hegseth said “He confirmed once again that the U.S. is a true ally.”');
  assert.equal(bad.verdict, 'misattributed');
  assert.equal(bad.source?.speaker, 'Hanno Pevkur');
  assert.equal(bad.attributedTo, 'Pete Hegseth');
  const [ok] = await seed('In October, Pevkur said “He confirmed once again that the U.S. is a true ally.”');
  assert.equal(ok.verdict, 'verified');
  const [anon] = await seed('In October, one official said “He confirmed once again that the U.S. is a true ally.”');
  assert.equal(anon.verdict, 'verified', 'an unnamed attribution hides who, it does not change who');
});

test('misattributed and misquoted at once: the verdict is misattributed, both codes are carried', async () => {
  const [f] = await seed('In October, Pistorius said “If there is no path to peace in the short term then the United States will take steps.”');
  assert.equal(f.verdict, 'misattributed');
  assert.deepEqual(f.codes, ['misattributed', 'misquote']);
});

test('outdated: a superseded position presented as current; dated or past-framed with a date is not', async () => {
  const [now] = await seed('Hegseth says NATO membership for Ukraine is “off the table.”');
  assert.equal(now.verdict, 'outdated');
  assert.equal(now.outdated?.change.article.date, '2025-10-15');
  assert.match(now.outdated!.change.sentence, /^His comments are an about-face/);
  assert.equal(now.outdated?.verb, 'says');
  // The change is on the same subject: NATO, Russia, the alliance.
  assert.ok(now.outdated!.overlap.includes('nato') && now.outdated!.overlap.includes('russia'), now.outdated!.overlap.join(','));
  for (const dated of [
    'In February, Hegseth said NATO membership for Ukraine was “off the table.”',
    'Hegseth said on Feb. 13 that NATO membership was “off the table.”',
    'Back in the winter of 2025 things looked different. At the time, Hegseth said NATO membership was “off the table.”',
  ]) assert.equal((await seed(dated))[0].verdict, 'verified', dated);
  // April's words on China share only "Russia" with the about-face on Europe: not the same subject.
  assert.equal((await seed('Hegseth says “We need to prepare for great-power competition.”'))[0].verdict, 'verified');
  // The latest statement is never outdated.
  assert.equal((await seed('Hegseth says “European leaders are sending a clear message to Russia.”'))[0].verdict, 'verified');
});

test('unsourced: long invented quotations are flagged; short ones that match nothing are left alone', async () => {
  const f = await seed('Hegseth said “We will send every tank we have to the front.” Critics call it a “tank gambit.”');
  assert.deepEqual(f.map((x) => [x.verdict, x.text]), [['unsourced', 'We will send every tank we have to the front.']]);
});

test('blockquotes with an attribution line are quotations; code, HTML and link targets are not', async () => {
  const f = await seed([
    '---', 'title: "a “front matter” title that is no quotation at all here"', '---', '',
    '> “If there are security guarantees, they will not involve U.S. boots on the ground.”',
    '> — Pete Hegseth, to CBS News in April 2025', '',
    '> We need a ceasefire right now.', '> — Pete Hegseth', '',
    '`“We will send every tank we have to the front,” he said`', '',
    '```', '“We will send every tank we have to the front,” he said', '```', '',
    '<span title="“We will send every tank we have to the front”">x</span>', '',
    '[a link](https://example.com/“We-will-send-every-tank-we-have”)',
  ].join('\n'));
  assert.deepEqual(f.map((x) => [x.verdict, x.attributedTo]), [['verified', 'Pete Hegseth'], ['misquote', 'Pete Hegseth']]);
});

test('harbor corpus: outdated by a U-turn reported later; misattributed between two councillors; misquote', async () => {
  const [outdated] = await harbor('Mayor Ines Calderón insists the city “will not raise the port levy this year.”');
  assert.equal(outdated.verdict, 'outdated');
  assert.equal(outdated.outdated?.change.article.outlet, 'Coastline Daily');
  const [dated] = await harbor('In March 2023, Mayor Ines Calderón said the city “will not raise the port levy this year.”');
  assert.equal(dated.verdict, 'verified');
  const [mis] = await harbor('Treasurer Ruth Adebayo-Lind said “The numbers do not add up, and everybody in this chamber knows it.”');
  assert.equal(mis.verdict, 'misattributed');
  assert.equal(mis.source?.speaker, 'Tomás Okafor');
  const [okafor] = await harbor('Councillor Tomas Okafor said in 2023: “The numbers do not add up, and everybody in this chamber knows it.”');
  assert.equal(okafor.verdict, 'verified', 'diacritics in the draft’s name fold');
  const [changed] = await harbor('In 2023, Adebayo-Lind told the Gazette: “There is no money left in the emergency fund.”');
  assert.equal(changed.verdict, 'misquote');
  assert.deepEqual(changed.source?.changes.map((c) => [c.draft, c.source]), [['emergency', 'reserve']]);
});

test('two articles carrying the same words: the earliest is the source, the others are listed', async () => {
  const [f] = await harbor('In May, a port official said “The first dredger arrives in May.”');
  assert.equal(f.verdict, 'verified');
  assert.equal(f.source?.article.date, '2023-03-02');
  assert.equal(f.alsoIn.length, 1);
  assert.equal(f.alsoIn[0].article.date, '2024-01-15');
  const [mayor] = await harbor('In January, the mayor said “The first dredger arrives in May.”');
  assert.equal(mayor.verdict, 'verified', 'the source whose speaker matches the draft wins');
  assert.equal(mayor.source?.article.date, '2024-01-15');
});

test('ignore comments, disabled regions and front matter off are honoured', async () => {
  const q = '“We will send every tank we have to the front,” Hegseth said.';
  assert.equal((await seed(`<!-- source-trace-ignore --> ${q}`)).length, 0);
  assert.equal((await seed(`<!-- source-trace-disable -->\n\n${q}\n\n<!-- source-trace-enable -->\n\n${q}`)).length, 1);
  assert.equal((await seed(`---\nsource-trace: off\n---\n\n${q}`)).length, 0);
  assert.equal((await seed(q)).length, 1);
});

test('minQuoteWords sets the unsourced threshold', async () => {
  const engine = await engineFor(SEED_CORPUS);
  const draft = 'Hegseth called it “a bold new plan.”';
  assert.equal(engine.check(draft, { minQuoteWords: 4 }).findings.length, 1);
  assert.equal(engine.check(draft, { minQuoteWords: 5 }).findings.length, 0);
});

test('a role names a person the corpus knows: “Germany’s defense minister”, “the Estonian defense minister”', async () => {
  const [f] = await seed('In October, “I would read into that a kind of change of perspective and approach,” Germany’s defense minister said.');
  assert.equal(f.attributedTo, 'Boris Pistorius');
  assert.equal(f.verdict, 'verified');
  const [g] = await seed('In October, “I would read into that a kind of change of perspective and approach,” the Estonian defense minister said.');
  assert.equal(g.attributedTo, 'Hanno Pevkur');
  assert.equal(g.verdict, 'misattributed');
});
