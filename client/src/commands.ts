/** The commands: reindex, show sources, check all drafts, open a source article, list quotations. */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';

interface QuoteSummary { text: string; verdict: string; speaker: string | null; range: { start: { line: number; character: number }; end: { line: number; character: number } } }
interface ArticleItem { uri: string; line: number; title: string | null; outlet: string | null; date: string | null; quotations: number }

const ICON: Record<string, string> = { verified: '$(pass)', misquote: '$(warning)', misattributed: '$(warning)', outdated: '$(history)', unsourced: '$(question)' };

export function registerCommands(context: vscode.ExtensionContext, client: LanguageClient): void {
  const reg = (id: string, fn: (...args: unknown[]) => unknown) => context.subscriptions.push(vscode.commands.registerCommand(id, fn));

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
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(pick.article.uri));
    await vscode.window.showTextDocument(doc, { selection: new vscode.Range(pick.article.line, 0, pick.article.line, 0) });
  });

  reg('sourceTrace.showQuotations', async () => {
    const editor = vscode.window.activeTextEditor;
    if (!editor || editor.document.languageId !== 'markdown') { await vscode.commands.executeCommand('sourceTrace.openSource'); return; }
    const summary = await client.sendRequest<{ quotes: QuoteSummary[] } | null>('sourceTrace/summary', { textDocument: { uri: editor.document.uri.toString() } });
    const pick = await vscode.window.showQuickPick((summary?.quotes ?? []).map((q) => ({
      label: `${ICON[q.verdict] ?? ''} “${q.text.length > 70 ? q.text.slice(0, 69) + '…' : q.text}”`, description: `${q.verdict}${q.speaker ? ' · ' + q.speaker : ''}`, q,
    })), { placeHolder: 'Quotations in this draft', matchOnDescription: true });
    if (!pick) return;
    const r = new vscode.Range(pick.q.range.start.line, pick.q.range.start.character, pick.q.range.end.line, pick.q.range.end.character);
    editor.selection = new vscode.Selection(r.start, r.end);
    editor.revealRange(r, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  });
}
