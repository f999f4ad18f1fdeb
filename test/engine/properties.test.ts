/**
 * Property-based tests (fast-check) over the scanner, the extractor, the aligner and the quick
 * fixes, on random and adversarial text: nothing throws, ranges stay inside the text and on
 * UTF-16 boundaries, extraction is deterministic, verbatim copies verify, fixes touch only their range.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { extractQuotes } from '../../server/src/extract/extract';
import { scanDraft } from '../../server/src/check/draftScan';
import { align } from '../../server/src/check/align';
import { findingData } from '../../server/src/check/findingData';
import { applyEdits, attributeEdit, citeEdits, dateEdit, exactWordingEdit, ignoreEdit, IGNORE_COMMENT, type OffsetEdit } from '../../server/src/fix/quickFixes';
import { engineFor, SEED_CORPUS } from '../helpers';
import { readArticleText } from '../../server/src/corpus/articleText';

const RUNS = Number(process.env.FC_RUNS ?? 150);

/** Adversarial pieces: quote marks of every kind, nesting, emoji, combining marks, RTL, CR/CRLF, NUL. */
const piece = fc.oneof(
  fc.constantFrom('“', '”', '"', '‘', '’', "'", '«', '»', '„', '[', ']', '…', '...', '—', ' ', '\n', '\r\n', '\r', '\n\n', '\u0000', '😀', '👩‍👩‍👧', 'e\u0301', '\u202E', 'שלום', 'مرحبا', '>', '`', '<!--', '-->', '---', ':', ',', '.', '?'),
  fc.constantFrom('Hegseth said', 'he said', 'a reporter asked', 'according to', 'per', 'HEGSETH:', 'Boris Pistorius told reporters', 'We need a ceasefire', 'the person said'),
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'grapheme', maxLength: 8 }),
);
const adversarial = fc.array(piece, { maxLength: 60 }).map((xs) => xs.join(''));
const nested = fc.integer({ min: 1, max: 10 }).map((n) => '“'.repeat(n) + 'deep words here' + '”'.repeat(n) + ' Ida Berg said.');

function splitsSurrogate(text: string, offset: number): boolean {
  const c = text.charCodeAt(offset);
  return offset > 0 && offset < text.length && c >= 0xdc00 && c <= 0xdfff && (text.charCodeAt(offset - 1) & 0xfc00) === 0xd800;
}

function assertRange(text: string, start: number, end: number) {
  assert.ok(Number.isInteger(start) && Number.isInteger(end) && start >= 0 && start <= end && end <= text.length, `range ${start}-${end} in ${text.length}`);
  assert.ok(!splitsSurrogate(text, start) && !splitsSurrogate(text, end), 'range on UTF-16 boundaries');
}

test('extraction never throws, keeps ranges inside the text on code-point boundaries, and is deterministic', () => {
  fc.assert(fc.property(fc.oneof(adversarial, nested), (text) => {
    const a = extractQuotes(text);
    for (const q of a.quotes) {
      assertRange(text, q.start, q.end);
      assertRange(text, q.open, q.close);
      assert.equal(text.slice(q.start, q.end), q.text);
      if (q.speakerMention) assertRange(text, q.speakerMention.start, q.speakerMention.end);
    }
    for (const p of a.problems) assertRange(text, p.offset, p.offset);
    const b = extractQuotes(text);
    assert.deepEqual(b.quotes.map((q) => [q.start, q.end, q.speaker?.name]), a.quotes.map((q) => [q.start, q.end, q.speaker?.name]));
  }), { numRuns: RUNS });
});

test('the Markdown draft scanner never throws and keeps the text’s length', () => {
  fc.assert(fc.property(adversarial, (text) => {
    const scan = scanDraft(text);
    assert.equal(scan.prose.length, text.length);
    for (const q of scan.quotes) assertRange(text, q.start, q.end);
  }), { numRuns: RUNS });
});

test('a megabyte without a newline, and CR-only line ends, are read', () => {
  const big = 'x“y” '.repeat(200_000);
  assert.equal(extractQuotes(big).quotes.length, 200_000);
  const cr = '“First line here,” Ida Berg said.\r“Second line there,” she said.\r';
  assert.deepEqual(extractQuotes(cr).quotes.map((q) => q.speaker?.name), ['Ida Berg', 'Ida Berg']);
});

test('the aligner: never throws; identical sequences align with no errors; errors never exceed the words', () => {
  fc.assert(fc.property(fc.array(fc.integer({ min: 0, max: 20 }), { minLength: 1, maxLength: 40 }), fc.array(fc.integer({ min: 0, max: 20 }), { minLength: 1, maxLength: 60 }), (d, s) => {
    const kinds = (n: number) => new Uint8Array(n);
    const self = align({ ids: d, kinds: kinds(d.length) }, { ids: d, kinds: kinds(d.length) })!;
    assert.equal(self.errors, 0);
    assert.equal(self.matched, d.length);
    const a = align({ ids: d, kinds: kinds(d.length) }, { ids: s, kinds: kinds(s.length) })!;
    assert.ok(a.sourceFrom >= 0 && a.sourceFrom <= a.sourceTo && a.sourceTo <= s.length);
    assert.ok(a.matched <= d.length);
  }), { numRuns: RUNS * 3 });
});

test('a paragraph copied verbatim from an article into a draft is verified (or, undated, at most outdated)', async () => {
  const engine = await engineFor(SEED_CORPUS);
  const quotes = engine.corpus.articles().flatMap((a) => engine.corpus.quotesOf(a.id)).filter((q) => q.text.split(/\s+/).length >= 3);
  await fc.assert(fc.asyncProperty(fc.constantFrom(...quotes), fc.constantFrom('', 'Intro paragraph.\n\n', '> '), async (q, prefix) => {
    const text = readArticleText(q.article)!;
    // The quotation with its own sentence, as the article has it (marks, cue and all).
    const para = text.slice(text.lastIndexOf('\n', q.start) + 1, (text.indexOf('\n', q.end) + 1 || text.length + 1) - 1);
    const r = engine.check(prefix + para);
    const f = r.findings.find((x) => x.text === q.text || x.text.includes(q.text.slice(0, 20)));
    assert.ok(f, `found “${q.text.slice(0, 40)}” in the draft`);
    // The words and the speaker are right; only currency may be in question when the copy is undated.
    assert.ok(f.verdict === 'verified' || f.verdict === 'outdated', `“${q.text.slice(0, 60)}” — ${f.codes.join(',')} attributed to ${f.attributedTo}`);
  }), { numRuns: 60 });
});

test('every offered fix changes only its range; citing twice adds no second citation', async () => {
  const engine = await engineFor(SEED_CORPUS);
  const sources = engine.corpus.articles().flatMap((a) => engine.corpus.quotesOf(a.id)).filter((q) => q.text.split(/\s+/).length >= 4 && engine.corpus.speakerName(q));
  const quoteLine = fc.record({
    q: fc.constantFrom(...sources),
    who: fc.constantFrom('Hegseth', 'Pistorius', 'he', 'a NATO official', 'Shashank Joshi'),
    verb: fc.constantFrom('says', 'said', 'insists', 'told reporters'),
    change: fc.boolean(),
    noise: fc.string({ unit: 'grapheme', maxLength: 20 }).map((s) => s.replace(/[“”"\[\]`<>]/g, '')),
  }).map(({ q, who, verb, change, noise }) => `${noise} ${who} ${verb} “${change ? q.text.replace(/\b(\w+)\b/, 'Zzyzx') : q.text}” ${noise}`);
  await fc.assert(fc.asyncProperty(fc.array(quoteLine, { minLength: 1, maxLength: 4 }), fc.constantFrom('footnote', 'link', 'pandoc') as fc.Arbitrary<'footnote' | 'link' | 'pandoc'>, async (lines, style) => {
    const draft = lines.join('\n\n') + '\n';
    const findings = engine.check(draft).findings.map((f) => findingData(engine.corpus, f, 1));
    for (const f of findings) {
      const single: OffsetEdit[] = [exactWordingEdit(f), attributeEdit(f), dateEdit(f), ignoreEdit(f)].filter((e): e is OffsetEdit => !!e);
      for (const e of single) {
        const after = applyEdits(draft, [e]);
        assert.equal(after.slice(0, e.start), draft.slice(0, e.start), 'text before the edit unchanged');
        assert.equal(after.slice(e.start + e.newText.length), draft.slice(e.end), 'text after the edit unchanged');
      }
      if (!f.source) continue;
      const cite = citeEdits(draft, [f], style);
      const cited = applyEdits(draft, cite);
      // Only insertions: every character of the draft survives, in order.
      let i = 0;
      for (let k = 0; k < cited.length; k++) if (i < draft.length && cited[k] === draft[i]) i++;
      assert.equal(i, draft.length, 'citing only inserts');
      const again = engine.check(cited).findings.map((x) => findingData(engine.corpus, x, 2)).find((x) => x.open === f.open && x.source);
      if (again) assert.deepEqual(citeEdits(cited, [again], style), [], 'second citation of the same source adds nothing');
    }
    assert.ok(!draft.includes(IGNORE_COMMENT));
  }), { numRuns: 40 });
});
