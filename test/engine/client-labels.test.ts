/** What the client shows for a draft's quotations: the quick pick's lines and the status bar's tally. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { draftText, quoteDescription, quoteLabel, VERDICT_ICON, type QuoteSummary } from '../../client/src/labels';

const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } };
const q = (text: string, verdict: string, draftSpeaker: string | null, sourceSpeaker: string | null): QuoteSummary => ({ text, verdict, speaker: sourceSpeaker ?? draftSpeaker, draftSpeaker, sourceSpeaker, range });

test('a quotation is one line in the list, cut at a word, with an icon of its own verdict', () => {
  const long = q('We will not\nlet this stand, and we will\r\n  say so at every meeting of the alliance until it changes course', 'misquote', 'Ana Ruiz', 'Ana Ruiz');
  const label = quoteLabel(long);
  assert.doesNotMatch(label, /[\n\r]/);
  assert.match(label, /^\$\(diff\) “We will not let this stand, and we will say so at every meeting of…”$/);
  assert.equal(new Set(Object.values(VERDICT_ICON)).size, 5, 'five verdicts, five icons');
  assert.equal(quoteLabel(q('Short and whole', 'verified', null, null)), '$(pass) “Short and whole”');
});

test('the list puts the draft’s speaker beside the source’s when they differ', () => {
  assert.equal(quoteDescription(q('x', 'misattributed', 'Pete Hegseth', 'Hanno Pevkur')), 'misattributed · draft: Pete Hegseth · source: Hanno Pevkur');
  assert.equal(quoteDescription(q('x', 'verified', 'Ana Ruiz', 'Ana Ruiz')), 'verified · Ana Ruiz');
  assert.equal(quoteDescription(q('x', 'unsourced', 'Ana Ruiz', null)), 'unsourced · Ana Ruiz');
  assert.equal(quoteDescription(q('x', 'unsourced', null, null)), 'unsourced');
});

test('the status bar counts what needs a look in the draft', () => {
  assert.equal(draftText({ verified: 4, misquote: 1, misattributed: 1, outdated: 1, unsourced: 1 }), '$(quote) 8 quotes 3 $(warning) 1 $(question)');
  assert.equal(draftText({ verified: 1, misquote: 0, misattributed: 0, outdated: 0, unsourced: 0 }), '$(quote) 1 quote $(check)');
  assert.equal(draftText({ verified: 0, misquote: 0, misattributed: 0, outdated: 0, unsourced: 0 }), '$(quote) 0 quotes');
});
