/** The quick fixes' edits, applied and checked to the character. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findingData } from '../../server/src/check/findingData';
import { applyEdits, attributeEdit, citeEdits, dateEdit, exactWordingEdit, ignoreEdit } from '../../server/src/fix/quickFixes';
import { engineFor, SEED_CORPUS, HARBOR_CORPUS } from '../helpers';

async function dataFor(draft: string, corpus = SEED_CORPUS) {
  const engine = await engineFor(corpus);
  return engine.check(draft).findings.map((f) => findingData(engine.corpus, f, 1));
}

test('cite source (footnote): marker after the closing mark, definition at the end, numbering continues, same source reuses its note', async () => {
  const draft = 'Intro.[^1]\n\nIn October, Hegseth said “European leaders are sending a clear message to Russia.”\n\n[^1]: An earlier note.\n';
  const [f] = await dataFor(draft);
  const once = applyEdits(draft, citeEdits(draft, [f], 'footnote'));
  assert.equal(once, 'Intro.[^1]\n\nIn October, Hegseth said “European leaders are sending a clear message to Russia.”[^2]\n\n[^1]: An earlier note.\n\n[^2]: Untitled article, outlet unknown, 2025-10-15\n');
  // Citing again adds nothing.
  const [again] = await dataFor(once);
  assert.deepEqual(citeEdits(once, [again], 'footnote'), []);
  // A second quotation from the same source reuses [^2].
  const more = once.replace('\n\n[^1]', ' Later, “Now is the time to end this tragic war,” he said.\n\n[^1]');
  const fs = await dataFor(more);
  const cited = applyEdits(more, citeEdits(more, fs, 'footnote'));
  assert.match(cited, /“Now is the time to end this tragic war,”\[\^2\] he said/);
  assert.equal(cited.match(/^\[\^2\]:/gm)?.length, 1);
});

test('cite source (link and pandoc styles) with the article’s URL and a derived key', async () => {
  const draft = 'In 2023, Okafor said “The numbers do not add up.”';
  const [f] = await dataFor(draft, HARBOR_CORPUS);
  assert.equal(applyEdits(draft, citeEdits(draft, [f], 'link')), 'In 2023, Okafor said “The numbers do not add up.” ([Harbor Gazette, 2023-03-02](https://gazette.example/harbor/dredging))');
  assert.equal(applyEdits(draft, citeEdits(draft, [f], 'pandoc')), 'In 2023, Okafor said “The numbers do not add up.” [@council-approves-2023]');
});

test('use the source’s exact wording replaces only the words', async () => {
  const draft = 'In April, Hegseth told CBS News: “If there are security guarantees, they will not involve American boots on the ground,” he said.';
  const [f] = await dataFor(draft);
  const e = exactWordingEdit(f)!;
  assert.equal(applyEdits(draft, [e]), 'In April, Hegseth told CBS News: “If there are security guarantees, they will not involve U.S. boots on the ground,” he said.');
});

test('attribute to the real speaker replaces the name mention only', async () => {
  const draft = '“He confirmed once again that the U.S. is a true ally,” German Defense Minister Boris Pistorius said in October.';
  const [f] = await dataFor(draft);
  assert.equal(applyEdits(draft, [attributeEdit(f)!]), '“He confirmed once again that the U.S. is a true ally,” Hanno Pevkur said in October.');
});

test('date this quotation: past tense and the month after the reporting verb', async () => {
  const draft = 'Hegseth says NATO membership for Ukraine is “off the table.”';
  const [f] = await dataFor(draft);
  assert.equal(applyEdits(draft, [dateEdit(f)!]), 'Hegseth said in February 2025 NATO membership for Ukraine is “off the table.”');
  const after = await dataFor('NATO membership for Ukraine is “off the table,” Hegseth argued.');
  assert.equal(applyEdits('NATO membership for Ukraine is “off the table,” Hegseth argued.', [dateEdit(after[0])!]), 'NATO membership for Ukraine is “off the table,” Hegseth argued in February 2025.');
});

test('ignore this quotation inserts the comment before the opening mark, and the quotation is then ignored', async () => {
  const draft = 'Hegseth said “We will send every tank we have to the front.”';
  const [f] = await dataFor(draft);
  const ignored = applyEdits(draft, [ignoreEdit(f)]);
  assert.equal(ignored, 'Hegseth said <!-- source-trace-ignore --> “We will send every tank we have to the front.”');
  assert.deepEqual(await dataFor(ignored), []);
});

test('a changed last word is a substitution, and the exact-wording fix restores the source words in full', async () => {
  const draft = 'Hegseth said “President Putin responds to weakness.”';
  const [f] = await dataFor(draft);
  assert.equal(f.verdict, 'misquote');
  assert.deepEqual(f.changes, [{ op: 'replace', draft: 'weakness', source: 'strength' }]);
  assert.equal(applyEdits(draft, [exactWordingEdit(f)!]), 'Hegseth said “President Putin responds to strength.”');
});

test('a cited draft: the footnote a citation writes is no quotation of its own', async () => {
  const engine = await engineFor(SEED_CORPUS);
  const draft = 'In October, Hegseth said “European leaders are sending a clear message to Russia.”';
  const [f] = await dataFor(draft);
  const cited = applyEdits(draft, citeEdits(draft, [f], 'footnote'));
  // The marker stays right after the quotation even when the draft ends there.
  assert.equal(cited, `${draft}[^1]\n\n[^1]: Untitled article, outlet unknown, 2025-10-15\n`);
  const findings = engine.check(cited + '[^2]: “A Title In Quotes That Nobody Said Here”, Outlet, 2025-10-15\n').findings;
  assert.deepEqual(findings.map((x) => x.verdict), ['verified']);
});

test('an ignore comment hides exactly the next quotation, whatever the line ends', async () => {
  const engine = await engineFor(SEED_CORPUS);
  for (const eol of ['\n', '\r\n']) {
    const draft = ['First paragraph.', '', '<!-- source-trace-ignore -->', '“We will never negotiate with anyone about anything,” he said.', '', '“We will never surrender any inch of the harbor to anyone at all,” she said.', ''].join(eol);
    const r = engine.check(draft);
    assert.equal(r.ignored, 1, JSON.stringify(eol));
    assert.deepEqual(r.findings.map((x) => x.text.slice(0, 23)), ['We will never surrender'], JSON.stringify(eol));
    // A comment whose own paragraph holds no quotation covers nothing in the next one.
    const apart = ['<!-- source-trace-ignore -->', 'A paragraph with no quotation in it.', '', '“We will never surrender any inch of the harbor to anyone at all,” she said.', ''].join(eol);
    assert.equal(engine.check(apart).ignored, 0, JSON.stringify(eol));
  }
});
