/** The commands: reindex, show sources, check all drafts, open a source article, list quotations. */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { readonlyArticle } from './readonlyArticles';
import { quoteDescription, quoteLabel, type QuoteSummary } from './labels';

interface ArticleItem { uri: string; line: number; title: string | null; outlet: string | null; date: string | null; quotations: number }

export function registerCommands(context: vscode.ExtensionContext, client: LanguageClient): void {
  const reg = (id: string, fn: (...args: unknown[]) => unknown) => context.subscriptions.push(vscode.commands.registerCommand(id, fn));

  // The settings' links ("the corpus format") open the README the package carries at the section,
  // read-only: a relative link in a setting's description resolves to nothing.
  reg('sourceTrace.openDocs', async (section?: unknown) => {
    const folder = context.extensionUri;
    const names = (await vscode.workspace.fs.readDirectory(folder)).map(([n]) => n);
    const readme = vscode.Uri.joinPath(folder, names.find((n) => n.toLowerCase() === 'readme.md') ?? 'README.md');
    const doc = await vscode.workspace.openTextDocument(readonlyArticle(readme));
    const slug = (h: string) => h.toLowerCase().replace(/[^\p{L}\p{N} -]/gu, '').trim().replace(/ /g, '-');
    const wanted = typeof section === 'string' ? section : '';
    let line = 0;
    for (let i = 0; i < doc.lineCount; i++) {
      const m = /^#{1,6}\s+(.*)$/.exec(doc.lineAt(i).text);
      if (m && slug(m[1]) === wanted) { line = i; break; }
    }
    await vscode.window.showTextDocument(doc, { selection: new vscode.Range(line, 0, line, 0), preview: true });
  });

  reg('sourceTrace.reindex', async () => {
    await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'Source Trace: reindexing' }, () =>
      client.sendRequest('workspace/executeCommand', { command: 'sourceTrace.server.reindex', arguments: [] }));
  });

  reg('sourceTrace.checkWorkspace', async () => {
    const r = await client.sendRequest<{ files: number; findings: number; error?: string }>('workspace/executeCommand', { command: 'sourceTrace.server.checkWorkspace', arguments: [] });
    if (r?.error) { void vscode.window.showErrorMessage(`Source Trace: ${r.error}.`); return; }
    void vscode.window.showInformationMessage(`Source Trace: ${r?.files ?? 0} drafts checked, ${r?.findings ?? 0} quotations need attention.`);
    await vscode.commands.executeCommand('workbench.actions.view.problems');
  });

  reg('sourceTrace.showSources', async () => {
    const editor = vscode.window.activeTextEditor;
    if (!editor) return;
    const locations = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', editor.document.uri, editor.selection.active);
    if (!locations?.length) { void vscode.window.showInformationMessage('Source Trace: no source for the quotation at the cursor.'); return; }
    const locs = locations.map((l) => ('targetUri' in l ? new vscode.Location(l.targetUri, l.targetRange) : l));
    await vscode.commands.executeCommand('editor.action.peekLocations', editor.document.uri, editor.selection.active, locs, 'peek');
  });

  reg('sourceTrace.openSource', async () => {
    const articles = await client.sendRequest<ArticleItem[]>('sourceTrace/articles');
    const pick = await vscode.window.showQuickPick(articles.map((a) => ({
      label: a.title ?? vscode.workspace.asRelativePath(vscode.Uri.parse(a.uri)), description: [a.outlet, a.date].filter(Boolean).join(' · '),
      detail: `${a.quotations} quotations`, article: a,
    })), { placeHolder: 'Open a source article', matchOnDescription: true });
    if (!pick) return;
    const doc = await vscode.workspace.openTextDocument(readonlyArticle(vscode.Uri.parse(pick.article.uri)));
    await vscode.window.showTextDocument(doc, { selection: new vscode.Range(pick.article.line, 0, pick.article.line, 0) });
  });

  reg('sourceTrace.showQuotations', async () => {
    const editor = vscode.window.activeTextEditor;
    if (!editor || editor.document.languageId !== 'markdown') { await vscode.commands.executeCommand('sourceTrace.openSource'); return; }
    const summary = await client.sendRequest<{ quotes: QuoteSummary[] } | null>('sourceTrace/summary', { textDocument: { uri: editor.document.uri.toString() } });
    const pick = await vscode.window.showQuickPick((summary?.quotes ?? []).map((q) => ({
      label: quoteLabel(q), description: quoteDescription(q), q,
    })), { placeHolder: 'Quotations in this draft', matchOnDescription: true });
    if (!pick) return;
    const r = new vscode.Range(pick.q.range.start.line, pick.q.range.start.character, pick.q.range.end.line, pick.q.range.end.character);
    editor.selection = new vscode.Selection(r.start, r.end);
    editor.revealRange(r, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  });
}
