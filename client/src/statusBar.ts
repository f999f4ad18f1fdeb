/**
 * The status bar item, as cspell and ESLint show the file in front of you: the active draft's
 * quotations by verdict (click: the list of them); otherwise the corpus; progress while indexing;
 * and when the corpus failed, that it failed.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ARTICLE_SCHEME } from './readonlyArticles';
import { draftText } from './labels';

interface Status { state: 'indexing' | 'ready' | 'error'; articles: number; quotations: number; people: number; percent?: number; message?: string }
interface Summary { tally: Record<string, number> }

export class StatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('sourceTrace.status', vscode.StatusBarAlignment.Right, 100);
  private readonly disposables: vscode.Disposable[] = [];
  private status: Status | undefined;

  constructor(private readonly client: LanguageClient) {
    this.item.name = 'Source Trace';
    this.item.command = 'sourceTrace.showQuotations';
    this.item.text = '$(sync~spin) Source Trace';
    this.item.show();
  }

  listen(): void {
    this.disposables.push(this.client.onNotification('sourceTrace/status', (s: Status) => { this.status = s; this.render(); void this.refreshTally(); }));
    this.disposables.push(vscode.window.onDidChangeActiveTextEditor(() => void this.refreshTally()));
    this.disposables.push(vscode.languages.onDidChangeDiagnostics(() => void this.refreshTally()));
  }

  private render(tally?: Record<string, number>) {
    const s = this.status;
    if (!s) return;
    if (s.state === 'indexing') this.item.text = `$(sync~spin) Source Trace: indexing ${s.percent ?? 0}%`;
    else if (s.state === 'error') this.item.text = '$(error) Source Trace: corpus failed';
    else if (tally) this.item.text = draftText(tally);
    else this.item.text = `$(quote) ${s.articles} articles · ${s.quotations} quotes`;
    this.item.backgroundColor = s.state === 'error' ? new vscode.ThemeColor('statusBarItem.errorBackground') : undefined;
    const md = new vscode.MarkdownString();
    md.appendMarkdown(`**Source Trace** — corpus: ${s.articles} articles, ${s.quotations} quotations, ${s.people} people\n\n`);
    // No verdicts are shown while the corpus failed: say why (the text is a path and a reason, shown as text).
    if (s.state === 'error') { md.appendMarkdown('**The corpus did not load; drafts are not checked until it does.** '); md.appendText(s.message ?? ''); md.appendMarkdown('\n\n'); }
    if (tally) md.appendMarkdown(`**This draft:** ${tally.verified} verified · ${tally.misquote} misquoted · ${tally.misattributed} misattributed · ${tally.outdated} outdated · ${tally.unsourced} unsourced\n\n`);
    md.appendMarkdown('Click to list the draft’s quotations.');
    this.item.tooltip = md;
  }

  private async refreshTally() {
    const doc = vscode.window.activeTextEditor?.document;
    if (!doc || doc.languageId !== 'markdown' || doc.uri.scheme === ARTICLE_SCHEME || !this.status) { this.render(); return; }
    try {
      const summary = await this.client.sendRequest<Summary | null>('sourceTrace/summary', { textDocument: { uri: doc.uri.toString() } });
      this.render(summary?.tally);
    } catch { this.render(); }
  }

  /** What the item shows now: for tests and for the accessibility label. */
  get text(): string { return this.item.text; }

  dispose(): void {
    this.item.dispose();
    for (const d of this.disposables) d.dispose();
  }
}
