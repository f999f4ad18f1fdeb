/** Bad input gets a clear message naming the file and line, or a correct result; never a crash. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TraceEngine } from '../../server/src/engine';
import { extractQuotes } from '../../server/src/extract/extract';
import { engineFor, SEED_CORPUS } from '../helpers';

const GOOD = '---\ntitle: Fine\noutlet: Test Wire\ndate: 2022-05-01\n---\n“The bridge opens in June,” engineer Kwame Mensah said.\n';

function corpusWith(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(join(tmpdir(), 'st-bad-'));
  for (const [name, content] of Object.entries(files)) { mkdirSync(join(dir, name, '..'), { recursive: true }); writeFileSync(join(dir, name), content); }
  return dir;
}

test('broken corpus files are reported once each with path and line; the rest is indexed', async () => {
  const dir = corpusWith({
    'good.md': GOOD,
    'empty.md': '',
    'binary.md': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1, 2, 3]),
    'broken-front-matter.md': '---\ntitle: [unclosed\noutlet: X\n---\n“Body text still loads here fine,” Ana Lima said.\n',
    'never-closed.md': '---\ntitle: x\nBody without a closing fence.\n',
    'bad-date.md': '---\ntitle: Dated\ndate: next Tuesday\n---\n“A line from someone,” Ana Lima said.\n',
    'latin1.txt': Buffer.from('\u201cCaf\u00e9 owners are worried,\u201d said Jos\u00e9 Ortega.'.replace(/[\u201c\u201d]/g, '"'), 'latin1'),
    'utf16.txt': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('“Sixteen bits are fine,” said Ida Berg.', 'utf16le')]),
    'duplicate.md': GOOD,
    'archive.jsonl': [
      JSON.stringify({ id: 'a1', title: 'Wire one', outlet: 'Wire', date: '2021-01-02', text: '“Archives stream line by line,” Lena Fischer said.' }),
      '{not json',
      JSON.stringify({ id: 'a2', title: 'no text' }),
      JSON.stringify({ __proto__: { polluted: true }, text: '“Prototype keys are just keys,” Lena Fischer said.', date: '2021-01-03' }),
      '[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]',
      '',
    ].join('\n'),
  });
  const engine = await TraceEngine.load([dir]);
  const problems = engine.problems().map((p) => `${p.path.slice(dir.length + 1)}:${p.line}: ${p.message}`);
  const find = (re: RegExp) => problems.filter((p) => re.test(p));
  if (process.env.DEBUG_PROBLEMS) console.log(problems);
  assert.equal(find(/^empty\.md:0: empty file/).length, 1, problems.join('\n'));
  assert.equal(find(/^binary\.md:0: binary file/).length, 1);
  assert.equal(find(/^broken-front-matter\.md:\d+: front matter/).length, 1);
  assert.equal(find(/^never-closed\.md:0: front matter opened with --- is never closed/).length, 1);
  assert.equal(find(/^bad-date\.md:2: date "next Tuesday" is not an ISO date/).length, 1);
  assert.equal(find(/^latin1\.txt:0: not valid UTF-8; read as Latin-1/).length, 1);
  assert.equal(find(/^(duplicate|good)\.md:0: duplicate of .*(good|duplicate)\.md; skipped/).length, 1);
  assert.equal(find(/^archive\.jsonl:1: not valid JSON/).length, 1);
  assert.equal(find(/^archive\.jsonl:2: no "text" string/).length, 1);
  assert.equal(find(/^archive\.jsonl:4: (not valid JSON|line is not a JSON object)/).length, 1);
  assert.equal(({} as Record<string, unknown>).polluted, undefined, 'no prototype pollution');
  const speakers = engine.corpus.articles().flatMap((a) => engine.corpus.quotesOf(a.id)).map((q) => engine.corpus.speakerName(q)).sort();
  assert.deepEqual(speakers, ['Ana Lima', 'Ana Lima', 'Ida Berg', 'José Ortega', 'Kwame Mensah', 'Lena Fischer', 'Lena Fischer']);
});

test('a JSONL line over the limit is skipped without holding it', async () => {
  const dir = corpusWith({ 'big.jsonl': JSON.stringify({ text: 'x'.repeat(3000) }) + '\n' + JSON.stringify({ text: '“Small lines still load,” Ana Lima said.' }) + '\n' });
  const engine = await TraceEngine.load([dir], { maxLineBytes: 1000 });
  assert.match(engine.problems()[0].message, /line longer than/);
  assert.equal(engine.corpus.quoteCount, 1);
});

test('a file over the size limit is reported and skipped', async () => {
  const dir = corpusWith({ 'huge.md': 'a'.repeat(2000), 'good.md': GOOD });
  const engine = await TraceEngine.load([dir], { maxFileBytes: 1000 });
  assert.match(engine.problems()[0].message, /too large/);
  assert.equal(engine.corpus.articleCount, 1);
});

test('a symlink loop in the corpus is read once and reported', async () => {
  const dir = corpusWith({ 'sub/good.md': GOOD });
  symlinkSync(dir, join(dir, 'sub', 'loop'));
  const engine = await TraceEngine.load([dir]);
  assert.equal(engine.corpus.articleCount, 1);
  assert.ok(engine.problems().some((p) => /symlink loop/.test(p.message)));
});

test('an untrusted workspace reads nothing outside its folders, symlinks included', async () => {
  const outside = corpusWith({ 'secret.md': GOOD });
  const inside = corpusWith({ 'own.md': GOOD.replace('June', 'July') });
  symlinkSync(outside, join(inside, 'escape'));
  const engine = await TraceEngine.load([inside, outside], { confineTo: [inside] });
  assert.equal(engine.corpus.articleCount, 1);
  assert.ok(engine.problems().some((p) => /outside the workspace/.test(p.message)));
});

test('a missing corpus path is a clear problem, not a crash', async () => {
  const engine = await TraceEngine.load(['/no/such/corpus']);
  assert.equal(engine.corpus.articleCount, 0);
  assert.match(engine.problems()[0].message, /does not exist/);
});

test('drafts: empty, binary-ish, unclosed, one long line, 5 MB: results, never a crash', async () => {
  const engine = await engineFor(SEED_CORPUS);
  assert.deepEqual(engine.check('').findings, []);
  assert.deepEqual(engine.check('\u0000\u0001\u0002“').findings, []);
  const unclosed = engine.check('Hegseth said “We need to prepare for great-power competition\n\nNext paragraph.');
  assert.equal(unclosed.findings[0]?.text, 'We need to prepare for great-power competition');
  const sentence = 'In April, Hegseth said “We need to prepare for great-power competition.” ';
  const longLine = sentence.repeat(3000);
  const r1 = engine.check(longLine, { maxQuotes: 100000 });
  assert.equal(r1.findings.length, 3000);
  assert.ok(r1.findings.every((f) => f.verdict === 'verified'));
  const big = (sentence + '\n\n').repeat(Math.ceil(5_000_000 / (sentence.length + 2)));
  const r2 = engine.check(big, { maxQuotes: 500 });
  assert.equal(r2.findings.length, 500);
  assert.ok(r2.capped > 60000, 'the rest is counted as capped');
});

test('a 1 MB article without a newline extracts in one piece', () => {
  const text = ('“Words,” said Ida Berg. ').repeat(40000);
  const x = extractQuotes(text);
  assert.equal(x.quotes.length, 40000);
  assert.equal(x.quotes[39999].speaker?.name, 'Ida Berg');
});

test('8,000 nested blockquotes are walked without overflowing the stack, and their quotation is found', async () => {
  const { scanDraft } = await import('../../server/src/check/draftScan');
  const scan = scanDraft('>'.repeat(8000) + ' “deep quotation words here”\n');
  assert.deepEqual(scan.quotes.map((q) => q.text), ['deep quotation words here']);
});

test('one bad corpus entry never takes the load down: a FIFO named .md, a link to /dev/zero, 130,000 broken JSONL lines', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'st-bad-entries-'));
  cpSync(SEED_CORPUS, join(dir, 'corpus'), { recursive: true });
  assert.equal(spawnSync('mkfifo', [join(dir, 'corpus', 'pipe.md')]).status, 0, 'mkfifo works here');
  symlinkSync('/dev/zero', join(dir, 'corpus', 'zero.md'));
  writeFileSync(join(dir, 'corpus', 'broken.jsonl'), 'not json\n'.repeat(130_000));
  const engine = await TraceEngine.load([join(dir, 'corpus')]);
  assert.equal(engine.corpus.articleCount, 4, 'the seed articles are all indexed');
  const problems = engine.problems().map((p) => `${p.path.split('/').pop()}: ${p.message}`);
  assert.ok(problems.some((p) => p.startsWith('pipe.md: not a regular file')), problems.join('\n'));
  assert.ok(problems.some((p) => p.startsWith('zero.md: not a regular file')), problems.join('\n'));
  const broken = problems.filter((p) => p.startsWith('broken.jsonl'));
  assert.equal(broken.length, 101, 'capped at 100 and one line counting the rest');
  assert.match(broken[100], /and 129900 more problems in this file/);
});

test('a YAML alias bomb in an article’s front matter or in the people file is reported for that file; the load goes on', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'st-alias-bomb-'));
  cpSync(SEED_CORPUS, join(dir, 'corpus'), { recursive: true });
  const lines = ['a: &a [x, x, x, x, x, x, x, x, x]'];
  for (let i = 0; i < 8; i++) { const p = String.fromCharCode(97 + i), c = String.fromCharCode(98 + i); lines.push(`${c}: &${c} [${Array(9).fill('*' + p).join(', ')}]`); }
  writeFileSync(join(dir, 'corpus', 'people.yml'), lines.join('\n'));
  writeFileSync(join(dir, 'corpus', 'bomb.md'), `---\n${lines.join('\n')}\n---\nBody \u201Cwith a quotation of five words\u201D said Ana Ruizal.\n`);
  const engine = await TraceEngine.load([join(dir, 'corpus')]);
  assert.equal(engine.corpus.articleCount, 5);
  const problems = engine.problems().map((p) => `${p.path.split('/').pop()}: ${p.message}`);
  assert.ok(problems.some((p) => /^people\.yml: people file: Excessive alias count/.test(p)), problems.join('\n'));
  assert.ok(problems.some((p) => /^bomb\.md: front matter: Excessive alias count/.test(p)), problems.join('\n'));
  assert.equal(engine.check('In October, Hegseth said \u201CEuropean leaders are sending a clear message to Russia.\u201D').findings[0].verdict, 'verified');
});

test('a corpus glob that cannot be parsed is a clear problem, not an endless loop', async () => {
  const engine = await TraceEngine.load(['corpus/*.{md', SEED_CORPUS]);
  assert.equal(engine.corpus.articleCount, 4);
  assert.ok(engine.problems().some((p) => /opens \{ at \d+ and never closes it; not read/.test(p.message)), engine.problems().map((p) => p.message).join('\n'));
});

test('two JSONL lines with the same id are both kept, and the second is reported', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'st-dup-id-'));
  writeFileSync(join(dir, 'a.jsonl'), [
    JSON.stringify({ id: 'x1', title: 'One', date: '2024-01-01', text: '“The harbor will stay public forever,” said Councillor Ana Ruizal.' }),
    JSON.stringify({ id: 'x1', title: 'Two', date: '2024-01-02', text: '“The toll bridge must come down this year,” said Mayor Ines Okonkwo.' }),
  ].join('\n') + '\n');
  const engine = await TraceEngine.load([dir]);
  assert.equal(engine.corpus.articleCount, 2);
  assert.ok(engine.problems().some((p) => /duplicate id "x1" \(first on line 1\); kept as a separate article/.test(p.message) && p.line === 1));
  assert.equal(engine.check('“The harbor will stay public forever,” Ana Ruizal said.').findings[0].verdict, 'verified');
});
