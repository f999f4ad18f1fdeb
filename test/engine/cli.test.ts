/** The command line, run as a user runs it: the bundled bin, real files, exit codes. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../helpers';

const run = (...args: string[]) => spawnSync(process.execPath, [join(ROOT, 'bin', 'source-trace.js'), ...args], { cwd: ROOT, encoding: 'utf8' });

function draft(text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'st-cli-'));
  writeFileSync(join(dir, 'draft.md'), text);
  return join(dir, 'draft.md');
}

test('check --format json follows the contract (LSP positions, source, diagnostics)', () => {
  const file = draft('# Draft\n\nIn October, Hegseth said “He confirmed once again that the U.S. is a true ally.”\n');
  const r = run('check', '--format', 'json', file);
  assert.equal(r.status, 1, r.stderr);
  const json = JSON.parse(r.stdout);
  const q = json.files[0].quotes[0];
  assert.equal(q.text, 'He confirmed once again that the U.S. is a true ally.');
  assert.deepEqual(q.range, { start: { line: 2, character: 26 }, end: { line: 2, character: 79 } });
  assert.equal(q.attributedTo, 'Pete Hegseth');
  assert.equal(q.verdict, 'misattributed');
  assert.equal(q.source.path, 'corpus/2025-10-15-hegseth-impose-costs-on-russia.md');
  assert.equal(q.source.date, '2025-10-15');
  assert.equal(q.source.speaker, 'Hanno Pevkur');
  // The evidence a misattributed verdict rests on travels with it, as in the editor's diagnostic data.
  assert.equal(q.source.speakerEvidence.kind, 'person');
  assert.equal(q.source.speakerEvidence.confident, true);
  assert.match(q.source.speakerEvidence.how, /Pevkur/);
  assert.equal(q.source.outlet, null);
  assert.match(q.source.quote, /^He confirmed once again/);
  assert.equal(typeof q.source.range.start.line, 'number');
  assert.deepEqual(q.diagnostics.map((d: { code: string; severity: string }) => [d.code, d.severity]), [['misattributed', 'warning']]);
});

test('check text format: path:line:col: severity code: message; exit 0 when clean, 1 with findings', () => {
  const clean = draft('In October, Hegseth said “European leaders are sending a clear message to Russia.”\n');
  const ok = run('check', '--corpus', 'corpus', clean);
  assert.equal(ok.status, 0, ok.stderr);
  assert.equal(ok.stdout, '');
  const bad = draft('Hegseth says NATO membership for Ukraine is “off the table.”\n');
  const r = run('check', bad);
  assert.equal(r.status, 1);
  assert.match(r.stdout, /draft\.md:1:46: warning outdated: Outdated: Pete Hegseth said this in February 2025/);
});

test('check --format sarif is SARIF 2.1.0 with rules and locations', () => {
  const r = run('check', '--format=sarif', 'examples');
  assert.equal(r.status, 1);
  const sarif = JSON.parse(r.stdout);
  assert.equal(sarif.version, '2.1.0');
  const ids = new Set(sarif.runs[0].results.map((x: { ruleId: string }) => x.ruleId));
  for (const code of ['misquote', 'misattributed', 'outdated', 'unsourced']) assert.ok(ids.has(code), code);
  assert.match(sarif.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri, /examples\/.*\.md$/);
  // What code scanning shows: the tool's version, each rule's help and default level, and no link to a path on this machine.
  const driver = sarif.runs[0].tool.driver;
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  assert.equal(driver.version, pkg.version);
  for (const rule of driver.rules) {
    assert.ok(rule.help.text.length > 40 && rule.shortDescription.text && rule.fullDescription.text, rule.id);
    assert.ok(['warning', 'note', 'error'].includes(rule.defaultConfiguration.level), rule.id);
  }
  assert.equal(driver.rules.find((x: { id: string }) => x.id === 'unsourced').defaultConfiguration.level, 'note');
  assert.doesNotMatch(r.stdout, /file:\/\//);
  // The package names no homepage, so no link is made up (see the README's "The package").
  assert.equal(pkg.homepage, undefined);
  assert.ok(!('informationUri' in driver) && driver.rules.every((x: object) => !('helpUri' in x)));
});

test('text output: colour only when asked or on a terminal without NO_COLOR; a one-line summary by verdict', () => {
  const ansi = /\u001b\[/;
  const always = run('check', '--color', 'always', 'examples');
  assert.match(always.stdout, /\u001b\[33mwarning misattributed\u001b\[0m/);
  assert.doesNotMatch(run('check', '--color=never', 'examples').stdout, ansi);
  const piped = run('check', 'examples');
  assert.doesNotMatch(piped.stdout, ansi, 'a pipe is no terminal');
  assert.equal(piped.stderr.trim().split('\n').at(-1), '1 draft, 8 quotations (4 verified, 1 misquote, 1 misattributed, 1 outdated, 1 unsourced): 4 findings; corpus: 4 articles, 37 quotations');
  assert.match(run('check', '--color', 'sometimes', 'examples').stderr, /--color must be auto, always or never/);
  // On a terminal (a pseudo-terminal from util-linux's script): colour, unless NO_COLOR is set.
  const onTty = (env: Record<string, string>) => spawnSync('script', ['-qec', `${JSON.stringify(process.execPath)} bin/source-trace.js check examples`, '/dev/null'], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, ...env } });
  const tty = onTty({});
  assert.equal(tty.error, undefined, 'script(1) runs here');
  assert.match(tty.stdout, /\u001b\[33mwarning outdated/);
  const noColor = onTty({ NO_COLOR: '1' });
  assert.match(noColor.stdout, /warning outdated/);
  assert.doesNotMatch(noColor.stdout, ansi);
});

test('the demo draft in examples/ shows every verdict', () => {
  const r = run('check', '--format', 'json', 'examples');
  const verdicts = new Set(JSON.parse(r.stdout).files.flatMap((f: { quotes: { verdict: string }[] }) => f.quotes.map((q) => q.verdict)));
  assert.deepEqual([...verdicts].sort(), ['misattributed', 'misquote', 'outdated', 'unsourced', 'verified']);
});

test('usage and input errors exit 2 with a clear message', () => {
  assert.equal(run().status, 2);
  const unknown = run('check', '--bogus', 'x.md');
  assert.equal(unknown.status, 2);
  assert.match(unknown.stderr, /unknown option --bogus/);
  const missing = run('check', 'no-such-draft.md');
  assert.equal(missing.status, 2);
  assert.match(missing.stderr, /no such file or folder: no-such-draft\.md/);
  const format = run('check', '--format', 'xml', 'examples');
  assert.equal(format.status, 2);
  assert.match(format.stderr, /--format must be text, json or sarif/);
  const noCorpus = run('check', '--corpus', '/no/such/dir', 'examples');
  assert.equal(noCorpus.status, 2);
  assert.match(noCorpus.stderr, /does not exist/);
});

test('extract prints quotations with offsets, speakers and mentions', () => {
  const r = run('extract', 'corpus/2025-10-15-hegseth-impose-costs-on-russia.md');
  assert.equal(r.status, 0, r.stderr);
  const a = JSON.parse(r.stdout).articles[0];
  const pistorius = a.quotes.find((q: { text: string }) => q.text.startsWith('I would read'));
  assert.equal(pistorius.speaker, 'Boris Pistorius');
  assert.deepEqual(Object.keys(pistorius.speakerMention), ['text', 'start', 'end']);
  assert.equal(pistorius.speakerMention.text, 'German Defense Minister Boris Pistorius');
  const he = a.quotes.find((q: { text: string }) => q.text.startsWith('European leaders'));
  assert.equal(he.speakerMention.text, 'he');
  const text = run('extract', '--format', 'text', 'corpus/2025-10-15-hegseth-impose-costs-on-russia.md');
  assert.match(text.stdout, /Hanno Pevkur: “He confirmed once again/);
});

test('check --index: the first run writes the index, the next reads no unchanged corpus file and answers the same', () => {
  const dir = mkdtempSync(join(tmpdir(), 'st-cli-index-'));
  cpSync(join(ROOT, 'corpus'), join(dir, 'corpus'), { recursive: true });
  const index = join(dir, 'cache', 'source-trace.index');
  const file = draft('In October, Hegseth said “He confirmed once again that the U.S. is a true ally.”\n');
  const first = run('check', '--corpus', join(dir, 'corpus'), '--index', index, '--format', 'json', file);
  assert.equal(first.status, 1, first.stderr);
  assert.ok(existsSync(index), 'index written');
  const written = statSync(index).mtimeMs;
  // Blank every article, keeping its size and time: a run that read them would find nothing.
  // (The people file is small and always read.)
  for (const f of readdirSync(join(dir, 'corpus')).filter((x) => x.endsWith('.md'))) {
    const path = join(dir, 'corpus', f);
    const st = statSync(path);
    writeFileSync(path, ' '.repeat(st.size));
    utimesSync(path, st.atimeMs / 1000, st.mtimeMs / 1000);
  }
  const second = run('check', '--corpus', join(dir, 'corpus'), '--index', index, '--format', 'json', file);
  assert.equal(second.status, 1, second.stderr);
  assert.doesNotMatch(second.stderr, /empty file/, 'no article was read again');
  assert.deepEqual(JSON.parse(second.stdout), JSON.parse(first.stdout));
  assert.equal(statSync(index).mtimeMs, written, 'nothing changed: the index is not rewritten');
});

test('check keeps its index in .source-trace/ of the current folder by default; --no-cache neither reads nor writes one', () => {
  const dir = mkdtempSync(join(tmpdir(), 'st-cli-cache-'));
  cpSync(join(ROOT, 'corpus'), join(dir, 'corpus'), { recursive: true });
  const file = draft('In October, Hegseth said “He confirmed once again that the U.S. is a true ally.”\n');
  const inDir = (...args: string[]) => spawnSync(process.execPath, [join(ROOT, 'bin', 'source-trace.js'), ...args], { cwd: dir, encoding: 'utf8' });
  const first = inDir('check', '--format', 'json', file);
  assert.equal(first.status, 1, first.stderr);
  const index = join(dir, '.source-trace', readdirSync(join(dir, '.source-trace')).find((f) => /^index-v\d+\.bin$/.test(f))!);
  assert.equal(readFileSync(join(dir, '.source-trace', '.gitignore'), 'utf8'), '*\n', 'the folder the tool made is ignored by git');
  for (const f of readdirSync(join(dir, 'corpus')).filter((x) => x.endsWith('.md'))) {
    const path = join(dir, 'corpus', f);
    const st = statSync(path);
    writeFileSync(path, ' '.repeat(st.size));
    utimesSync(path, st.atimeMs / 1000, st.mtimeMs / 1000);
  }
  const second = inDir('check', '--format', 'json', file);
  assert.doesNotMatch(second.stderr, /empty file/, 'the second run read no unchanged article');
  assert.deepEqual(JSON.parse(second.stdout), JSON.parse(first.stdout));
  // --no-cache indexes afresh (and so sees the blanked articles) and leaves the index alone.
  const written = statSync(index).mtimeMs;
  const fresh = inDir('check', '--no-cache', '--format', 'json', file);
  assert.match(fresh.stderr, /empty file/);
  assert.equal(statSync(index).mtimeMs, written);
  const elsewhere = mkdtempSync(join(tmpdir(), 'st-cli-nocache-'));
  spawnSync(process.execPath, [join(ROOT, 'bin', 'source-trace.js'), 'check', '--no-cache', '--corpus', join(ROOT, 'corpus'), file], { cwd: elsewhere });
  assert.deepEqual(readdirSync(elsewhere), [], '--no-cache writes nothing');
  assert.match(inDir('check', '--no-cache', '--index', index, file).stderr, /--index and --no-cache contradict each other/);
});

test('check --index never destroys or hides anything: a FIFO, a file that is no index, a drafts folder, stale temporaries', () => {
  const dir = mkdtempSync(join(tmpdir(), 'st-cli-guard-'));
  cpSync(join(ROOT, 'corpus'), join(dir, 'corpus'), { recursive: true });
  const file = draft('In October, Hegseth said “He confirmed once again that the U.S. is a true ally.”\n');
  const check = (index: string) => spawnSync(process.execPath, [join(ROOT, 'bin', 'source-trace.js'), 'check', '--corpus', join(dir, 'corpus'), '--index', index, file], { cwd: ROOT, encoding: 'utf8', timeout: 20_000 });
  // A FIFO is neither read (it would block) nor replaced.
  const fifo = join(dir, 'pipe.bin');
  assert.equal(spawnSync('mkfifo', [fifo]).status, 0, 'mkfifo works here');
  const onFifo = check(fifo);
  assert.equal(onFifo.signal, null, 'no hang');
  assert.equal(onFifo.status, 1, onFifo.stderr);
  assert.match(onFifo.stderr, /not a regular file/);
  assert.ok(lstatSync(fifo).isFIFO(), 'the FIFO is still there');
  // A file that is not one of our indexes is left as it was.
  const notes = join(dir, 'notes.bin');
  writeFileSync(notes, 'my notes, not an index');
  const onNotes = check(notes);
  assert.match(onNotes.stderr, /refusing to write the index over .*notes\.bin: it is not a Source Trace index/);
  assert.equal(readFileSync(notes, 'utf8'), 'my notes, not an index');
  // An index in a folder that already exists writes no .gitignore there (new drafts stay visible to git).
  mkdirSync(join(dir, 'drafts'));
  const inDrafts = join(dir, 'drafts', 'x.bin');
  writeFileSync(`${inDrafts}.999999.tmp`, 'left by a killed save');
  assert.equal(check(inDrafts).status, 1);
  assert.ok(existsSync(inDrafts), 'the index is written');
  assert.ok(!existsSync(join(dir, 'drafts', '.gitignore')), 'no .gitignore in a folder the tool did not create');
  assert.ok(!existsSync(`${inDrafts}.999999.tmp`), 'a stale temporary of ours is removed');
  // A folder the tool creates for its index gets one.
  check(join(dir, 'cache', 'x.bin'));
  assert.equal(readFileSync(join(dir, 'cache', '.gitignore'), 'utf8'), '*\n');
  // Missing parents are not created silently.
  const deep = check(join(dir, 'no', 'such', 'x.bin'));
  assert.match(deep.stderr, /cannot create the folder/);
});

test('a corpus path that cannot be read gives no verdicts: exit 2 and why, even beside one that can', () => {
  const file = draft('In October, Hegseth said “European leaders are sending a clear message to Russia.”\n');
  const r = run('check', '--corpus', 'corpus', '--corpus', 'no-such-archive', '--format', 'json', file);
  assert.equal(r.status, 2);
  assert.equal(r.stdout, '', 'no report from a partial corpus');
  assert.match(r.stderr, /the corpus no-such-archive could not be read: .*no-such-archive does not exist/);
  const glob = run('check', '--corpus', 'corpus/*.{md', file);
  assert.equal(glob.status, 2);
  assert.match(glob.stderr, /never closes it/);
});

test('help and version: --help, -h, help, help check, check --help, --version; lsp without a transport says so', () => {
  for (const args of [['--help'], ['-h'], ['help']]) {
    const r = run(...args);
    assert.equal(r.status, 0, args.join(' '));
    assert.match(r.stdout, /source-trace check \[options\]/);
    assert.match(r.stdout, /--version/);
  }
  for (const args of [['help', 'check'], ['check', '--help'], ['check', '-h']]) {
    const r = run(...args);
    assert.equal(r.status, 0, args.join(' '));
    // Every option of check is described.
    for (const option of ['--corpus', '--index', '--format', '--min-quote-words', '--help']) assert.match(r.stdout, new RegExp(option), `${args.join(' ')}: ${option}`);
    assert.match(r.stdout, /exit status/);
  }
  assert.match(run('help', 'extract').stdout, /--format json\|text/);
  assert.equal(run('help', 'nonsense').status, 2);
  const version = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version;
  for (const flag of ['--version', '-V']) assert.equal(run(flag).stdout.trim(), `source-trace ${version}`);
  const lsp = spawnSync(process.execPath, [join(ROOT, 'bin', 'source-trace.js'), 'lsp'], { cwd: ROOT, encoding: 'utf8', input: '' });
  assert.equal(lsp.status, 2);
  assert.match(lsp.stderr, /lsp needs a transport: source-trace lsp --stdio/);
  assert.doesNotMatch(lsp.stderr, /at .*\.js:\d+/, 'no stack trace');
});

test('check of a folder leaves out the corpus articles; a single article file is a corpus; a folder problem has no line number', () => {
  const dir = mkdtempSync(join(tmpdir(), 'st-cli-tree-'));
  cpSync(join(ROOT, 'corpus'), join(dir, 'corpus'), { recursive: true });
  writeFileSync(join(dir, 'draft.md'), '# Draft\n\nHegseth said “He confirmed once again that the U.S. is a true ally.”\n');
  const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'source-trace.js'), 'check', '--format', 'json', '.'], { cwd: dir, encoding: 'utf8' });
  const paths = JSON.parse(r.stdout).files.map((f: { path: string }) => f.path);
  assert.deepEqual(paths, ['draft.md']);
  // A corpus article named on the command line is still checked: the user asked for it.
  const named = spawnSync(process.execPath, [join(ROOT, 'bin', 'source-trace.js'), 'check', '--format', 'json', join('corpus', readdirSync(join(dir, 'corpus')).find((f) => f.endsWith('.md'))!)], { cwd: dir, encoding: 'utf8' });
  assert.equal(JSON.parse(named.stdout).files.length, 1);
  const single = run('check', '--corpus', 'corpus/2025-10-15-hegseth-impose-costs-on-russia.md', '--format', 'json', join(dir, 'draft.md'));
  assert.equal(JSON.parse(single.stdout).files[0].quotes[0].source.path, 'corpus/2025-10-15-hegseth-impose-costs-on-russia.md');
  // A symlink loop is a problem of a folder: reported without a line number.
  const loop = mkdtempSync(join(tmpdir(), 'st-cli-loop-'));
  cpSync(join(ROOT, 'corpus'), join(loop, 'corpus'), { recursive: true });
  symlinkSync(join(loop, 'corpus'), join(loop, 'corpus', 'again'));
  const folder = run('check', '--corpus', join(loop, 'corpus'), join(dir, 'draft.md'));
  const line = folder.stderr.split('\n').find((l) => /symlink loop/.test(l));
  assert.ok(line, folder.stderr);
  assert.match(line!, /again: warning: symlink loop/);
});
