/**
 * Extension-host tests, the @vscode/test-electron contract: `run()` executes inside a real VS Code
 * with the extension loaded and the examples/ folder open. Run by test/runTest.ts
 * (`runTests`), or by the code-server harness of the end-to-end issue, unchanged.
 */
import * as assert from 'node:assert/strict';
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
  for (const d of diags) assert.ok(typeof d.code === 'object' && d.code.target.toString().includes('README.md#'), 'codeDescription links the README');
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

it('commands are registered', async () => {
  const all = await vscode.commands.getCommands(true);
  for (const c of ['sourceTrace.reindex', 'sourceTrace.showSources', 'sourceTrace.checkWorkspace', 'sourceTrace.openSource', 'sourceTrace.showQuotations']) assert.ok(all.includes(c), c);
});

export async function run(): Promise<void> {
  let failed = 0;
  for (const [name, fn] of tests) {
    try { await fn(); console.log(`ok - ${name}`); } catch (e) { failed++; console.error(`not ok - ${name}\n${(e as Error).stack}`); }
  }
  console.log(`${tests.length - failed} passed, ${failed} failed`);
  if (failed) throw new Error(`${failed} extension-host test(s) failed`);
}
