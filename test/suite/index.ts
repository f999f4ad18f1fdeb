/**
 * Extension-host tests, the @vscode/test-electron contract: `run()` executes inside a real VS Code
 * with the extension loaded and the examples/ folder open. Run by test/runTest.ts
 * (`runTests`), or by the code-server harness of the end-to-end issue, unchanged.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';

const CODES = ['misattributed', 'misquote', 'outdated', 'unsourced'];

async function until<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, ms = 30000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    // Wait for the next diagnostics change (or a short bound), never a fixed sleep.
    await new Promise<void>((resolve) => { const d = vscode.languages.onDidChangeDiagnostics(() => { d.dispose(); clearTimeout(t); resolve(); }); const t = setTimeout(() => { d.dispose(); resolve(); }, 250); });
  }
}

const tests: [string, () => Promise<void>][] = [];
const it = (name: string, fn: () => Promise<void>) => tests.push([name, fn]);

let doc: vscode.TextDocument;

it('activates on Markdown and publishes every code on the sample draft', async () => {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath ?? path.resolve(__dirname, '../../examples');
  doc = await vscode.workspace.openTextDocument(path.join(folder, 'hegseth-nato-draft.md'));
  await vscode.window.showTextDocument(doc);
  const diags = await until('all four codes', () => {
    const d = vscode.languages.getDiagnostics(doc.uri).filter((x) => x.source === 'source-trace');
    return CODES.every((c) => d.some((x) => (typeof x.code === 'object' ? x.code.value : x.code) === c)) ? d : undefined;
  });
  // Each code links its section of the README in the extension as installed (vsce renames the file).
  const ext = vscode.extensions.getExtension('source-trace.source-trace')!;
  for (const d of diags) {
    assert.ok(typeof d.code === 'object', 'a code with a link');
    const target = (d.code as { value: string; target: vscode.Uri }).target;
    assert.ok(target.fsPath.startsWith(ext.extensionPath), `${target} is inside the extension`);
    const line = Number(/^L(\d+)$/.exec(target.fragment)?.[1]);
    assert.equal(fs.readFileSync(target.fsPath, 'utf8').split('\n')[line - 1], `#### ${(d.code as { value: string }).value}`, target.toString());
  }
});

it('the status bar shows the draft’s tally', async () => {
  const api = vscode.extensions.getExtension('source-trace.source-trace')!.exports as { statusText: () => string };
  await until('the tally in the status bar', () => /^\$\(quote\) 8 quotes 3 \$\(warning\) 1 \$\(question\)$/.test(api.statusText()) || undefined);
});

it('hover on a misattributed quotation names the real speaker and the source', async () => {
  const line = doc.getText().split('\n').findIndex((l) => l.includes('He confirmed once again'));
  const pos = new vscode.Position(line, doc.lineAt(line).text.indexOf('confirmed'));
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, pos);
  const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
  assert.match(text, /Hanno Pevkur/);
  assert.match(text, /2025\\?-10\\?-15/);
});

it('go to definition opens the source article at the quotation', async () => {
  const line = doc.getText().split('\n').findIndex((l) => l.includes('He confirmed once again'));
  const locs = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeDefinitionProvider', doc.uri, new vscode.Position(line, doc.lineAt(line).text.indexOf('confirmed')));
  assert.ok(locs[0].uri.fsPath.endsWith('2025-10-15-hegseth-impose-costs-on-russia.md'));
  // Read-only: the source opens, shows the quotation, and refuses a write.
  assert.equal(locs[0].uri.scheme, 'source-trace-article');
  assert.equal(vscode.workspace.fs.isWritableFileSystem('source-trace-article'), false);
  const source = await vscode.workspace.openTextDocument(locs[0].uri);
  assert.match(source.lineAt(locs[0].range.start.line).text, /He confirmed once again/);
  await assert.rejects(Promise.resolve(vscode.workspace.fs.writeFile(locs[0].uri, new Uint8Array([120]))));
  assert.match(fs.readFileSync(locs[0].uri.fsPath, 'utf8'), /He confirmed once again/);
});

it('the Cite source quick fix edits the draft', async () => {
  const editor = await vscode.window.showTextDocument(doc);
  const line = doc.getText().split('\n').findIndex((l) => l.includes('If there are security guarantees'));
  const range = new vscode.Range(line, 5, line, 5);
  const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, range);
  const cite = actions.find((a) => a.title === 'Cite source');
  assert.ok(cite?.edit);
  assert.ok(await vscode.workspace.applyEdit(cite.edit));
  assert.match(editor.document.getText(), /ground,”\[\^1\]/);
  assert.match(editor.document.getText(), /\n\[\^1\]: Untitled article, outlet unknown, 2025-04-11\n$/);
  await vscode.commands.executeCommand('undo');
});

it('the setting’s link “the corpus format” opens the guide at its section, read-only', async () => {
  const ext = vscode.extensions.getExtension('source-trace.source-trace')!;
  const link = String(ext.packageJSON.contributes.configuration.properties['sourceTrace.corpus'].markdownDescription);
  const m = /\[the corpus format\]\(command:([\w.]+)\?([^)]+)\)/.exec(link);
  assert.ok(m, link);
  await vscode.commands.executeCommand(m[1], ...JSON.parse(decodeURIComponent(m[2])));
  const editor = vscode.window.activeTextEditor!;
  assert.equal(editor.document.uri.scheme, 'source-trace-article');
  assert.equal(editor.document.lineAt(editor.selection.active.line).text, '## The corpus');
  await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
});

it('the Source Trace view: the corpus by outlet and its people; every draft’s findings, filtered by code', async () => {
  type Node = { kind: string; outlet?: string; person?: { name: string; aliases: string[] }; diagnostics?: vscode.Diagnostic[] };
  const api = vscode.extensions.getExtension('source-trace.source-trace')!.exports as { view: { corpus: vscode.TreeDataProvider<Node>; findings: vscode.TreeDataProvider<Node> } };
  const [articles, people] = (await api.view.corpus.getChildren()) as Node[];
  const outlets = (await api.view.corpus.getChildren(articles)) as Node[];
  assert.ok(outlets.some((o) => o.outlet === 'The New Republic'), JSON.stringify(outlets.map((o) => o.outlet)));
  const persons = (await api.view.corpus.getChildren(people)) as Node[];
  const hegseth = persons.find((p) => p.person?.name === 'Pete Hegseth');
  assert.ok(hegseth, 'Pete Hegseth among the people');
  const drafts = (await api.view.findings.getChildren()) as Node[];
  const draft = drafts.find((d) => (d as { uri?: vscode.Uri }).uri?.fsPath.endsWith('hegseth-nato-draft.md'));
  assert.equal(draft?.diagnostics?.length, 4);
  await vscode.commands.executeCommand('sourceTrace.filterFindings', ['misattributed']);
  const filtered = (await api.view.findings.getChildren()) as Node[];
  assert.deepEqual(filtered.flatMap((d) => d.diagnostics ?? []).map((d) => (typeof d.code === 'object' ? d.code.value : d.code)), ['misattributed']);
  await vscode.commands.executeCommand('sourceTrace.filterFindings', ['misattributed', 'misquote', 'outdated', 'unsourced']);
});

it('“Same person as …” is offered on the misattributed quotation and writes the alias into the corpus’s people file', async () => {
  const line = doc.getText().split('\n').findIndex((l) => l.includes('He confirmed once again'));
  const at = doc.lineAt(line).text.indexOf('confirmed');
  const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, new vscode.Range(line, at, line, at));
  const teach = actions.find((a) => a.title.startsWith('Same person as Hanno Pevkur'));
  assert.ok(teach?.edit, actions.map((a) => a.title).join('; '));
  // Not applied here: the sample's corpus is the repository's own (and auto-save would keep it).
  const [[uri, edits]] = teach.edit.entries();
  assert.ok(uri.fsPath.endsWith(path.join('corpus', 'people.yml')), uri.fsPath);
  assert.match(edits.map((e) => e.newText).join(''), /- name: Hanno Pevkur\n {2}aliases: \[Pete Hegseth\]/);
});

it('commands are registered', async () => {
  const all = await vscode.commands.getCommands(true);
  for (const c of ['sourceTrace.reindex', 'sourceTrace.showSources', 'sourceTrace.checkWorkspace', 'sourceTrace.openSource', 'sourceTrace.showQuotations', 'sourceTrace.openDocs']) assert.ok(all.includes(c), c);
});

export async function run(): Promise<void> {
  let failed = 0;
  for (const [name, fn] of tests) {
    try { await fn(); console.log(`ok - ${name}`); } catch (e) { failed++; console.error(`not ok - ${name}\n${(e as Error).stack}`); }
  }
  console.log(`${tests.length - failed} passed, ${failed} failed`);
  if (failed) throw new Error(`${failed} extension-host test(s) failed`);
}
