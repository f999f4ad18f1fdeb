/**
 * Each attribution pattern of news copy, both ways: a case that must find the speaker and a
 * near case that must not. Names, outlets and dates are not the seed articles'.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractQuotes } from '../../server/src/extract/extract';
import { engineFor, HARBOR_CORPUS } from '../helpers';

/** Speaker of each quotation of a text, in order (null for none). */
function speakers(text: string): (string | null)[] {
  return extractQuotes(text).quotes.map((q) => q.speaker?.name ?? null);
}

/** The person (or unnamed person) speaking each quotation: an organisation or a document is no person. */
function persons(text: string): (string | null)[] {
  return extractQuotes(text).quotes.map((q) => (q.speaker && !q.speaker.kind ? q.speaker.name : null));
}

const CASES: { pattern: string; flagged: string; speaker: string; near: string; nearSpeaker: string | null }[] = [
  { pattern: '“…,” X said', flagged: 'Mayor Lotte Brandt opened the session. “The budget is final,” Brandt said.', speaker: 'Lotte Brandt',
    near: 'Mayor Lotte Brandt opened the session. “The budget is final,” the banner read.', nearSpeaker: null },
  { pattern: 'X said: “…”', flagged: 'Senator Amal Haddad said: “We will not vote for this bill.”', speaker: 'Amal Haddad',
    near: 'Senator Amal Haddad’s office posted a sign: “We will not vote for this bill.”', nearSpeaker: null },
  { pattern: 'said X', flagged: '“Rates will fall by summer,” said economist Jonas Weber.', speaker: 'Jonas Weber',
    near: '“Rates will fall by summer,” reads the forecast of Jonas Weber’s bank.', nearSpeaker: null },
  { pattern: 'pronoun', flagged: 'Coach Maria Santos watched the replay. “We lost our shape,” she said.', speaker: 'Maria Santos',
    near: 'Coach Maria Santos watched the replay. “We lost our shape,” I said to her.', nearSpeaker: null },
  { pattern: 'posted Org’s role, Name, on X', flagged: '“The vote was rigged,” posted the Tribune’s politics editor, Hannah Okoye, on X.', speaker: 'Hannah Okoye',
    near: '“The vote was rigged,” the Tribune’s politics editor, Hannah Okoye, quoted a voter as shouting.', nearSpeaker: null },
  { pattern: 'title and role before the name', flagged: '“We are ready,” Chilean Finance Minister Rosa Vidal said in an interview.', speaker: 'Rosa Vidal',
    near: '“We are ready,” reads a banner behind Chilean Finance Minister Rosa Vidal.', nearSpeaker: null },
  { pattern: 'according to X', flagged: 'The bridge is “safe for now,” according to engineer Kwame Mensah.', speaker: 'Kwame Mensah',
    near: 'The bridge is “safe for now,” according to the 2019 inspection report.', nearSpeaker: null },
  { pattern: 'per X', flagged: 'The deal was “dead on arrival,” per Mensah.', speaker: 'Mensah',
    near: 'The deal was “dead on arrival,” permanently.', nearSpeaker: null },
  { pattern: 'X told Outlet', flagged: 'Director Yuki Tanaka told the Herald: “We have six months of cash.”', speaker: 'Yuki Tanaka',
    near: 'Director Yuki Tanaka read the Herald headline: “We have six months of cash.”', nearSpeaker: null },
  { pattern: 'a reporter asked X (the asker speaks)', flagged: '“Will you resign?” a reporter asked Governor Paul Meyer.', speaker: 'a reporter',
    near: '“Will you resign?” Governor Paul Meyer asked a reporter.', nearSpeaker: 'Paul Meyer' },
  { pattern: 'anonymous speaker', flagged: 'A hospital official, who was not authorised to speak, said the ward was “full to the corridors.”', speaker: 'a hospital official',
    near: 'The hospital report said the ward was “full to the corridors.”', nearSpeaker: null },
  { pattern: 'inherits the previous speaker', flagged: '“We tried everything,” Dr. Ana Lima said. “Nothing worked.”', speaker: 'Ana Lima',
    near: '“We tried everything,” Dr. Ana Lima said. The report called it a “systemic failure.”', nearSpeaker: null },
  { pattern: 'a title ending in "of Department" before a lone surname', flagged: '“The border stays open,” Secretary of State Okafor told reporters.', speaker: 'Okafor',
    near: '“The border stays open,” the head of State Security told reporters.', nearSpeaker: 'State Security' },
  { pattern: 'scare quotes have no speaker', flagged: 'Critics of Ruth Olsen call it a “tax on breathing,” Olsen said.', speaker: 'Ruth Olsen',
    near: 'Critics of Ruth Olsen call the plan a “tax on breathing” in private.', nearSpeaker: null },
];

for (const c of CASES) {
  test(`pattern ${c.pattern}: found`, () => {
    assert.equal(speakers(c.flagged).at(-1), c.speaker, c.flagged);
  });
  test(`pattern ${c.pattern}: near case`, () => {
    assert.equal(persons(c.near).at(-1), c.nearSpeaker, c.near);
  });
}

test('a title ending in "of the Department" keeps the surname alone; an organisation of title words stays whole', () => {
  assert.deepEqual(speakers('“We will appeal,” Minister of the Interior Faeser said.'), ['Faeser']);
  assert.deepEqual(speakers('“No comment,” the White House said.'), ['White House']);
  assert.deepEqual(speakers('“We will not close,” the Harbor Gazette said.'), ['Harbor Gazette']);
});

test('transcript lines: NAME: words', () => {
  const x = extractQuotes('Mayor Lotte Brandt took questions.\nBRANDT: The budget is final and it stays final.\nREPORTER: Even for schools?\n');
  assert.deepEqual(x.quotes.map((q) => [q.text, q.speaker?.name]), [['The budget is final and it stays final.', 'Lotte Brandt'], ['Even for schools?', 'a reporter']]);
  // A colon mid-sentence is not a transcript line.
  assert.equal(extractQuotes('The rule is simple: pay on time.').quotes.length, 0);
});

test('a quotation continued across paragraphs keeps its speaker; a plain unclosed one is reported, not fatal', () => {
  const text = '“The first part runs on,\n\n“and the second closes it,” Lima said.\n\nLater she wrote “this never closes\n\nNew paragraph.';
  const x = extractQuotes(text);
  assert.deepEqual(x.quotes.map((q) => q.speaker?.name ?? null), ['Lima', 'Lima', null]);
  assert.equal(x.problems.length, 1);
  assert.match(x.problems[0].message, /unclosed/);
  assert.equal(x.problems[0].offset, text.indexOf('“this'));
});

test('a pronoun is never resolved to I or we, and curly, straight and nested quotes all work', () => {
  assert.deepEqual(speakers('"We are done," we said.'), [null]);
  const x = extractQuotes('Judge Ida Berg said: "The witness told me \'I saw nothing,\' and I believe her."');
  assert.equal(x.quotes.length, 1);
  assert.equal(x.quotes[0].text, 'The witness told me \'I saw nothing,\' and I believe her.');
  assert.equal(x.quotes[0].speaker?.name, 'Ida Berg');
});

test('harbor corpus: role mentions, anonymous follow-ups, transcripts and diacritics join one person', async () => {
  const engine = await engineFor(HARBOR_CORPUS);
  const quotes = engine.corpus.articles().flatMap((a) => engine.corpus.quotesOf(a.id));
  const by = (prefix: string, article?: string) => engine.corpus.speakerName(quotes.find((q) => q.text.startsWith(prefix) && (!article || q.article.path.includes(article)))!);
  assert.equal(by('The first dredger', '2023'), 'a port official');
  assert.equal(by('The first dredger', '2024-01'), 'Ines Calderón'); // "the mayor said"
  assert.equal(by('We will look at the numbers'), 'Ines Calderón'); // CALDERÓN:
  assert.equal(by('And the fishermen'), 'an interviewer');
  assert.equal(by('all but signed'), 'a port official');
  assert.equal(by('harbor tax'), null);
  assert.equal(by('the same silting problem'), 'Mark Harbers');
  assert.equal(engine.corpus.people.resolve('Calderon')?.name, 'Ines Calderón');
});
