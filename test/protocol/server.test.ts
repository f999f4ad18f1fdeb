/** The bundled language server over real JSON-RPC: diagnostics, hover, definition, code actions, completion, re-indexing. */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { INDEX_FILE, loadIndex } from '../../server/src/index/persist';
import { OFF_THREAD_CHARS } from '../../server/src/check/scanOffThread';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { applyTextEdits, LspClient, type Diagnostic } from './lspClient';
import { SEED_CORPUS } from '../helpers';

const DRAFT = [
  '# Draft', '',
  'Hegseth says NATO membership for Ukraine is “off the table.”', '',
  'In October, Hegseth said “He confirmed once again that the U.S. is a true ally.”', '',
  'In April, Hegseth told CBS News: “If there are security guarantees, they will not involve American boots on the ground.”', '',
  'Hegseth said “We will send every tank we have to the front.”', '',
  'In October, Hegseth said “European leaders are sending a clear message to Russia.”', '',
].join('\n');

let ws: string;
let client: LspClient;
let uri: string;

before(async () => {
  ws = mkdtempSync(join(tmpdir(), 'st-lsp-'));
  cpSync(SEED_CORPUS, join(ws, 'corpus'), { recursive: true });
  writeFileSync(join(ws, 'corpus', 'zz-hostile.md'), '---\ntitle: "Click [here](command:workbench.action.terminal.new) <img src=x onerror=alert(1)>"\noutlet: "<script>alert(1)</script>"\ndate: 2020-01-01\n---\n“Trust me, click and bold evil now,” said Mallory Quinn, linking [here](javascript:alert(1)) and <b>bold</b> \u202Eevil https://evil.example.\n');
  client = new LspClient();
  await client.initialize(ws);
  uri = pathToFileURL(join(ws, 'draft.md')).toString();
  await client.open(uri, DRAFT);
});
after(() => client.shutdown());

const lineOf = (needle: string) => DRAFT.split('\n').findIndex((l) => l.includes(needle));

test('diagnostics: every code, with codeDescription, relatedInformation into the source and the finding in data', async () => {
  const diags = await client.diagnosticsFor(uri, 1);
  const byCode = (c: string) => diags.filter((d) => d.code === c);
  assert.deepEqual(diags.map((d) => d.code).sort(), ['misattributed', 'misquote', 'outdated', 'unsourced']);
  for (const d of diags) {
    assert.equal(d.source, 'source-trace');
    // The link opens the README at the code's own section (VS Code reads #L<line> as the line to show).
    const [file, line] = d.codeDescription!.href.split('#L');
    assert.equal(readFileSync(fileURLToPath(file), 'utf8').split('\n')[Number(line) - 1], `#### ${d.code}`);
    assert.ok(d.data, 'finding in data');
  }
  const mis = byCode('misattributed')[0];
  assert.equal(mis.range.start.line, lineOf('He confirmed'));
  assert.match(mis.message, /Hanno Pevkur, not Pete Hegseth/);
  assert.match(mis.relatedInformation![0].location.uri, /2025-10-15-hegseth-impose-costs-on-russia\.md$/);
  const out = byCode('outdated')[0];
  assert.equal(out.relatedInformation!.length, 2, 'source and the later article');
  assert.equal(byCode('unsourced')[0].severity, 3);
  assert.equal((byCode('misquote')[0].data as { source: { wording: string } }).source.wording, 'If there are security guarantees, they will not involve U.S. boots on the ground');
});

test('hover: verdict, speaker with role, source, the sentence with the words in bold, a link to the source', async () => {
  const line = lineOf('He confirmed');
  const h = await client.connection.sendRequest<{ contents: { value: string } }>('textDocument/hover', { textDocument: { uri }, position: { line, character: 40 } });
  const v = h.contents.value;
  assert.match(v, /Misattributed/);
  assert.match(v, /Hanno Pevkur — Estonian defense minister/);
  // The hover says which rule found the source's speaker.
  assert.match(v, /\*\*Found by:\*\* named with the reporting verb/);
  assert.doesNotMatch(v, /does not establish/);
  assert.match(v, /2025\\-10\\-15/);
  assert.match(v, /\*\*He confirmed once again/);
  assert.match(v, /\[Open the source at the quotation\]\(file:\/\/.*2025-10-15-hegseth-impose-costs-on-russia\.md#L\d+,\d+\)/);
  // It leads with the answer and what to do first; the evidence follows; the diagnostic's text is not repeated.
  const [lead, , first] = v.split('\n');
  assert.match(lead, /^\*\*⚠ Misattributed\*\*: said by \*\*Hanno Pevkur\*\*, not Pete Hegseth/);
  assert.match(first, /^_First:_ _Attribute to Hanno Pevkur_/);
  assert.ok(v.indexOf('**Speaker:**') > v.indexOf('---'), 'the evidence comes after the answer');
  assert.doesNotMatch(v, /the corpus has these words from/);
  const mq = await client.connection.sendRequest<{ contents: { value: string } }>('textDocument/hover', { textDocument: { uri }, position: { line: lineOf('American'), character: 60 } });
  const m = mq.contents.value;
  assert.match(m, /~~American~~ → \*\*U\\\.S\*\*/);
  assert.match(m.split('\n')[0], /Misquoted\*\*: .* with \d+ changes?:/);
  assert.ok(m.indexOf('~~American~~') < m.indexOf('**Speaker:**'), 'the word diff comes near the top');
});

test('hover on a name: who the corpus knows them to be', async () => {
  const h = await client.connection.sendRequest<{ contents: { value: string } }>('textDocument/hover', { textDocument: { uri }, position: { line: lineOf('Hegseth says'), character: 2 } });
  assert.match(h.contents.value, /\*\*Pete Hegseth\*\*/);
  assert.match(h.contents.value, /\d+ quotations in the corpus/);
  // Who the person is: the articles that quote them.
  assert.match(h.contents.value, /\*\*Quoted in:\*\*\n- .*2025\\-02\\-13/);
});

test('hover escapes corpus text: no links, HTML or control characters from an article', async () => {
  const u = pathToFileURL(join(ws, 'hostile.md')).toString();
  await client.open(u, 'In 2020, Mallory Quinn said “Trust me, click and bold evil now.”');
  await client.diagnosticsFor(u);
  const h = await client.connection.sendRequest<{ contents: { value: string } }>('textDocument/hover', { textDocument: { uri: u }, position: { line: 0, character: 35 } });
  const v = h.contents.value;
  assert.doesNotMatch(v, /\]\(command:/);
  assert.doesNotMatch(v, /\]\(javascript:/);
  assert.doesNotMatch(v, /(^|[^\\])<(script|img|b)/, 'HTML tags are escaped');
  assert.doesNotMatch(v, /\u202E/);
  assert.doesNotMatch(v, /https:\/\/evil/, 'bare URLs are escaped so they do not autolink');
  assert.match(v, /\\<script\\>/);
  const links = [...v.matchAll(/\]\(([^)]*)\)/g)].map((m) => m[1]);
  assert.ok(links.every((l) => l.startsWith('file://')), links.join(' '));
});

test('go to definition: the quotation in the source article', async () => {
  const locs = await client.connection.sendRequest<{ uri: string; range: { start: { line: number; character: number } } }[]>('textDocument/definition', { textDocument: { uri }, position: { line: lineOf('European leaders'), character: 40 } });
  assert.equal(locs.length, 1);
  assert.match(locs[0].uri, /2025-10-15-hegseth-impose-costs-on-russia\.md$/);
  const lines = readFileSync(join(ws, 'corpus', '2025-10-15-hegseth-impose-costs-on-russia.md'), 'utf8').split('\n');
  const line = lines.findIndex((l) => l.includes('“European leaders'));
  assert.equal(locs[0].range.start.line, line);
  assert.equal(locs[0].range.start.character, lines[line].indexOf('“European leaders') + 1);
});

test('find references: the source and the drafts that carry the same words', async () => {
  writeFileSync(join(ws, 'other-draft.md'), 'Earlier: “European leaders are sending a clear message to Russia,” he said in October.\n');
  const refs = await client.connection.sendRequest<{ uri: string }[]>('textDocument/references', { textDocument: { uri }, position: { line: lineOf('European leaders'), character: 40 }, context: { includeDeclaration: true } });
  const uris = refs.map((r) => r.uri.replace(/^.*\//, '')).sort();
  assert.deepEqual(uris, ['2025-10-15-hegseth-impose-costs-on-russia.md', 'draft.md', 'other-draft.md']);
});

async function actions(line: number, diagnostics: Diagnostic[] = [], character = 40) {
  return client.connection.sendRequest<{ title: string; kind: string; isPreferred?: boolean; edit: { documentChanges: { textDocument: { version: number }; edits: never[] }[] } }[]>('textDocument/codeAction', {
    textDocument: { uri }, range: { start: { line, character }, end: { line, character } }, context: { diagnostics },
  });
}

test('code actions: each fix applied to the document gives the exact text', async () => {
  const diags = await client.diagnosticsFor(uri, 1);
  const at = (code: string) => diags.filter((d) => d.code === code);
  const apply = async (line: number, title: RegExp, d: Diagnostic[], character?: number) => {
    const a = (await actions(line, d, character)).find((x) => title.test(x.title));
    assert.ok(a, `action ${title}`);
    assert.equal(a.edit.documentChanges[0].textDocument.version, 1);
    return applyTextEdits(DRAFT, a.edit.documentChanges[0].edits);
  };
  const wording = await apply(lineOf('American'), /exact wording/, at('misquote'));
  assert.equal(wording, DRAFT.replace('American boots', 'U.S. boots'));
  const attribute = await apply(lineOf('He confirmed'), /^Attribute to Hanno Pevkur$/, at('misattributed'));
  assert.equal(attribute, DRAFT.replace('In October, Hegseth said “He confirmed', 'In October, Hanno Pevkur said “He confirmed'));
  const dated = await apply(lineOf('Hegseth says'), /^Date this quotation$/, at('outdated'), 50);
  assert.equal(dated, DRAFT.replace('Hegseth says NATO', 'Hegseth said in February 2025 NATO'));
  const cite = await apply(lineOf('European leaders'), /^Cite source$/, []);
  assert.equal(cite, DRAFT.replace('Russia.”', 'Russia.”[^1]') + '\n[^1]: Untitled article, outlet unknown, 2025-10-15\n');
  const ignore = await apply(lineOf('every tank'), /^Ignore this quotation$/, at('unsourced'));
  assert.equal(ignore, DRAFT.replace('said “We will send', 'said <!-- source-trace-ignore --> “We will send'));
  const preferred = (await actions(lineOf('American'), at('misquote'))).filter((a) => a.isPreferred).map((a) => a.title);
  assert.deepEqual(preferred, ['Use the source’s exact wording']);
});

test('cite all sources is a source action that cites every traced quotation once', async () => {
  const list = await client.connection.sendRequest<{ title: string; kind: string; edit: { documentChanges: { edits: never[] }[] } }[]>('textDocument/codeAction', {
    textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [], only: ['source'] },
  });
  const all = list.find((a) => a.title === 'Cite all sources in this draft')!;
  assert.equal(all.kind, 'source.citeAll.sourceTrace');
  const text = applyTextEdits(DRAFT, all.edit.documentChanges[0].edits);
  assert.equal((text.match(/\[\^\d\]:/g) ?? []).length, 3, 'one footnote per source article (two October quotations share one)');
  assert.equal((text.match(/”\[\^\d\]/g) ?? []).length, 4, 'four traced quotations cited');
});

test('a quick fix for an older version of the document is refused', async () => {
  const diags = await client.diagnosticsFor(uri, 1);
  const stale = diags.map((d) => ({ ...d, data: { ...(d.data as object), version: 0 } }));
  assert.deepEqual(await actions(lineOf('American'), stale.filter((d) => d.code === 'misquote')), []);
});

test('completion inside an opened quotation mark offers corpus quotations with speaker and date', async () => {
  const u = pathToFileURL(join(ws, 'complete.md')).toString();
  const text = 'He said “We need to pre';
  await client.open(u, text);
  const r = await client.connection.sendRequest<{ items: { label: string; detail: string; textEdit: { newText: string } }[] }>('textDocument/completion', { textDocument: { uri: u }, position: { line: 0, character: text.length } });
  assert.equal(r.items.length, 1);
  assert.equal(r.items[0].detail, 'Pete Hegseth, 2025-04-11');
  assert.equal(r.items[0].textEdit.newText, 'We need to prepare for great-power competition,”');
});

test('edits re-check the draft; a corpus change re-indexes just that file and re-checks open drafts', async () => {
  await client.change(uri, DRAFT + '\nIn 2026, Ada Brook said “The new harbor bridge will open in the spring.”\n', 2);
  const v2 = await client.diagnosticsFor(uri, 2);
  assert.equal(v2.filter((d) => d.code === 'unsourced').length, 2);
  const before = client.notifications.filter((n) => n.method === 'sourceTrace/reindexed').length;
  const file = join(ws, 'corpus', '2026-01-01-bridge.md');
  writeFileSync(file, '---\ntitle: Bridge\noutlet: Test Wire\ndate: 2026-01-01\n---\n“The new harbor bridge will open in the spring,” said Ada Brook.\n');
  await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(file).toString(), type: 1 }] });
  await client.until(() => client.notifications.filter((n) => n.method === 'sourceTrace/reindexed').length > before, 'reindexed');
  await client.until(() => (client.diagnostics.get(uri)?.diagnostics ?? []).filter((d) => d.code === 'unsourced').length === 1, 'bridge quotation verified');
  const status = client.notifications.filter((n) => n.method === 'sourceTrace/status').at(-1)!.params as { articles: number };
  assert.equal(status.articles, 6);
});

test('a broken corpus file gets a diagnostic on that file', async () => {
  const file = join(ws, 'corpus', 'broken.md');
  writeFileSync(file, '---\ntitle: [oops\n---\nBody.\n');
  await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(file).toString(), type: 1 }] });
  const d = await client.diagnosticsFor(pathToFileURL(file).toString());
  assert.equal(d[0].code, 'corpus-file');
  assert.match(d[0].message, /front matter/);
});

test('a hover answers while a long check is still running', async () => {
  const u = pathToFileURL(join(ws, 'long.md')).toString();
  const para = 'In April, Hegseth said “We need to prepare for great-power competition.” Hegseth said “We will send every tank we have to the front.” ' +
    'The council met again on Tuesday to weigh the budget for the coming year. No vote is expected before the recess, and members said little.\n\n';
  // Past OFF_THREAD_CHARS: the bundled server reads it on its scan worker.
  const text = para.repeat(1000);
  assert.ok(text.length > OFF_THREAD_CHARS);
  let hoverDone = false;
  let diagnosticsBeforeHover = false;
  const seen = () => { if (client.diagnostics.has(u) && !hoverDone) diagnosticsBeforeHover = true; };
  const timer = setInterval(seen, 1);
  await client.open(u, text);
  const h = await client.connection.sendRequest<{ contents: { value: string } }>('textDocument/hover', { textDocument: { uri: u }, position: { line: 0, character: 30 } });
  hoverDone = true;
  clearInterval(timer);
  assert.match(h.contents.value, /Verified/);
  assert.equal(diagnosticsBeforeHover, false, 'the hover did not wait for the full check');
  const d = await client.diagnosticsFor(u);
  assert.equal(d.filter((x) => x.code === "unsourced").length, 1000);
});

test('a storm of edits ends with diagnostics for the final text only', async () => {
  const u = pathToFileURL(join(ws, 'storm.md')).toString();
  await client.open(u, 'Draft.');
  let text = '';
  for (let v = 2; v <= 400; v++) {
    text = v % 2 ? 'Hegseth said “We will send every tank we have to the front.”' : 'In April, Hegseth said “We need to prepare for great-power competition.”';
    await client.change(u, text + ' '.repeat(v % 7), v);
    if (v % 50 === 0) await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: u }, position: { line: 0, character: 30 } });
  }
  const d = await client.diagnosticsFor(u, 400);
  assert.deepEqual(d, [], 'version 400 is the verified April quotation');
  const published = client.published.filter((p) => p.uri === u);
  assert.ok(published.length < 20, `stale checks were dropped (published ${published.length} times for 399 edits)`);
});

test('the server persists its index in .source-trace/ (gitignored); a restarted server reads no unchanged file', async () => {
  const path = join(ws, '.source-trace', INDEX_FILE);
  // Reindex rebuilds from the files and writes the index right after; each answered request is a point to look.
  const { articles } = await client.connection.sendRequest('workspace/executeCommand', { command: 'sourceTrace.server.reindex', arguments: [] }) as { articles: number };
  const current = () => loadIndex(path)?.corpus.articles.length === articles;
  for (let i = 0; i < 200 && !current(); i++) await client.connection.sendRequest('sourceTrace/articles');
  assert.ok(current(), 'index file written with every article');
  assert.equal(readFileSync(join(ws, '.source-trace', '.gitignore'), 'utf8'), '*\n');
  const second = new LspClient();
  try {
    await second.initialize(ws);
    const ready = second.notifications.map((n) => n.params as { state: string; fromIndex?: number; filesRead?: number; articles?: number }).find((p) => p.state === 'ready');
    assert.deepEqual({ ...ready, ms: 0 }, { ...ready, ms: 0, articles, filesRead: 0 });
    assert.ok(ready!.fromIndex! >= 5);
    const u = pathToFileURL(join(ws, 'restarted.md')).toString();
    await second.open(u, 'In October, Hegseth said “He confirmed once again that the U.S. is a true ally.”');
    assert.deepEqual((await second.diagnosticsFor(u)).map((d) => d.code), ['misattributed']);
    // A corpus file changes: re-indexed at once, written to the index at shutdown at the latest.
    const added = join(ws, 'corpus', 'zz-added.md');
    writeFileSync(added, '---\ndate: 2026-01-05\n---\n“The harbor stays open all winter,” said Mayor Ada Lindqvist.\n');
    await second.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(added).toString(), type: 1 }] });
    await second.until(() => second.notifications.some((n) => n.method === 'sourceTrace/reindexed'), 'reindexed');
  } finally {
    await second.shutdown();
  }
  assert.ok(loadIndex(path)!.files.some((f) => f.path === join(ws, 'corpus', 'zz-added.md')), 'saved at shutdown');
});

test('a draft with more quotations than maxQuotes is checked up to the cap and says so', async () => {
  client.settings = { maxQuotes: 3 };
  const u = pathToFileURL(join(ws, 'capped.md')).toString();
  await client.open(u, 'Hegseth said “We will send every tank we have to the front.”\n\n'.repeat(10));
  const d = await client.diagnosticsFor(u);
  client.settings = {};
  assert.equal(d.filter((x) => x.code === 'unsourced').length, 3);
  const capped = d.find((x) => x.code === 'capped');
  assert.match(capped!.message, /Only the first 3 quotations were checked; 7 more were not/);
});
