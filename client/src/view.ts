/**
 * The Source Trace view in the activity bar, as Todo Tree and GitLens keep theirs: the corpus
 * (articles by outlet and date, the people with the names they go by) and the findings of every
 * draft in the workspace, filterable by code. The findings are the diagnostics the server has
 * published (Check All Drafts publishes every draft's), so the view and the Problems panel agree.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { readonlyArticle } from './readonlyArticles';

interface ArticleItem { uri: string; line: number; title: string | null; outlet: string | null; date: string | null; quotations: number }
interface PersonItem { name: string; aliases: string[]; roles: string[]; quotations: number }

type CorpusNode =
  | { kind: 'articles' | 'people' }
  | { kind: 'outlet'; outlet: string; articles: ArticleItem[] }
  | { kind: 'article'; article: ArticleItem }
  | { kind: 'person'; person: PersonItem };

export const CODES = ['misattributed', 'misquote', 'outdated', 'unsourced'] as const;
const CODE_ICON: Record<string, string> = { misattributed: 'person', misquote: 'diff', outdated: 'history', unsourced: 'question' };

export class CorpusTree implements vscode.TreeDataProvider<CorpusNode> {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  private articles: Promise<ArticleItem[]> | null = null;
  private people: Promise<PersonItem[]> | null = null;

  constructor(private readonly client: LanguageClient) {}

  refresh(): void { this.articles = this.people = null; this.changed.fire(); }

  async getChildren(node?: CorpusNode): Promise<CorpusNode[]> {
    if (!node) return [{ kind: 'articles' }, { kind: 'people' }];
    if (node.kind === 'articles') {
      const byOutlet = new Map<string, ArticleItem[]>();
      for (const a of await this.allArticles()) {
        const o = a.outlet ?? 'Outlet unknown';
        byOutlet.set(o, [...(byOutlet.get(o) ?? []), a]);
      }
      return [...byOutlet].sort((a, b) => a[0].localeCompare(b[0])).map(([outlet, articles]) => ({ kind: 'outlet', outlet, articles: articles.sort((x, y) => (y.date ?? '').localeCompare(x.date ?? '')) }));
    }
    if (node.kind === 'outlet') return node.articles.map((article) => ({ kind: 'article', article }));
    if (node.kind === 'people') return (await this.allPeople()).map((person) => ({ kind: 'person', person }));
    return [];
  }

  getTreeItem(node: CorpusNode): vscode.TreeItem {
    const C = vscode.TreeItemCollapsibleState;
    switch (node.kind) {
      case 'articles': return Object.assign(new vscode.TreeItem('Articles', C.Expanded), { iconPath: new vscode.ThemeIcon('library') });
      case 'people': return Object.assign(new vscode.TreeItem('People', C.Collapsed), { iconPath: new vscode.ThemeIcon('organization') });
      case 'outlet': return Object.assign(new vscode.TreeItem(node.outlet, C.Collapsed), { description: `${node.articles.length}`, iconPath: new vscode.ThemeIcon('folder-library') });
      case 'article': {
        const a = node.article;
        const item = new vscode.TreeItem(a.title ?? vscode.workspace.asRelativePath(vscode.Uri.parse(a.uri)), C.None);
        item.description = [a.date ?? 'undated', `${a.quotations} quotes`].join(' · ');
        item.iconPath = new vscode.ThemeIcon('file-text');
        item.command = { command: 'vscode.open', title: 'Open Source Article', arguments: [readonlyArticle(vscode.Uri.parse(a.uri)), { selection: new vscode.Range(a.line, 0, a.line, 0), preview: true }] };
        return item;
      }
      case 'person': {
        const p = node.person;
        const item = new vscode.TreeItem(p.name, C.None);
        item.description = [p.roles[0], `${p.quotations} quotes`].filter(Boolean).join(' · ');
        const md = new vscode.MarkdownString();
        md.appendText(p.name);
        if (p.roles.length) md.appendText(`\nRoles: ${p.roles.join('; ')}`);
        if (p.aliases.length) md.appendText(`\nAlso written: ${p.aliases.join(', ')}`);
        item.tooltip = md;
        item.iconPath = new vscode.ThemeIcon('person');
        return item;
      }
    }
  }

  private allArticles() { return (this.articles ??= this.client.sendRequest<ArticleItem[]>('sourceTrace/articles').then((x) => x ?? [])); }
  private allPeople() { return (this.people ??= this.client.sendRequest<PersonItem[]>('sourceTrace/people').then((x) => x ?? [])); }
}

type FindingNode = { kind: 'draft'; uri: vscode.Uri; diagnostics: vscode.Diagnostic[] } | { kind: 'finding'; uri: vscode.Uri; diagnostic: vscode.Diagnostic };

const codeOf = (d: vscode.Diagnostic) => String(typeof d.code === 'object' ? d.code.value : d.code);

export class FindingsTree implements vscode.TreeDataProvider<FindingNode> {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  /** The codes shown; all by default. */
  shown = new Set<string>(CODES);

  refresh(): void { this.changed.fire(); }

  getChildren(node?: FindingNode): FindingNode[] {
    if (node?.kind === 'draft') return node.diagnostics.map((diagnostic) => ({ kind: 'finding', uri: node.uri, diagnostic }));
    if (node) return [];
    return vscode.languages.getDiagnostics()
      .filter(([uri]) => uri.scheme === 'file' || uri.scheme === 'untitled')
      .map(([uri, all]) => ({ kind: 'draft' as const, uri, diagnostics: all.filter((d) => d.source === 'source-trace' && this.shown.has(codeOf(d))) }))
      .filter((n) => n.diagnostics.length)
      .sort((a, b) => a.uri.fsPath.localeCompare(b.uri.fsPath));
  }

  getTreeItem(node: FindingNode): vscode.TreeItem {
    if (node.kind === 'draft') {
      const item = new vscode.TreeItem(node.uri, vscode.TreeItemCollapsibleState.Expanded);
      item.description = `${node.diagnostics.length}`;
      return item;
    }
    const d = node.diagnostic;
    const item = new vscode.TreeItem(d.message.replace(/\s+/g, ' '), vscode.TreeItemCollapsibleState.None);
    item.description = `${codeOf(d)} · Ln ${d.range.start.line + 1}`;
    item.tooltip = d.message;
    item.iconPath = new vscode.ThemeIcon(CODE_ICON[codeOf(d)] ?? 'quote');
    item.command = { command: 'vscode.open', title: 'Go to Quotation', arguments: [node.uri, { selection: d.range }] };
    return item;
  }
}

/** Registers the two views and their title-bar commands. */
export function registerView(context: vscode.ExtensionContext, client: LanguageClient): { corpus: CorpusTree; findings: FindingsTree; findingsView: vscode.TreeView<FindingNode> } {
  const corpus = new CorpusTree(client);
  const findings = new FindingsTree();
  const findingsView = vscode.window.createTreeView('sourceTrace.findings', { treeDataProvider: findings, showCollapseAll: true });
  context.subscriptions.push(
    vscode.window.createTreeView('sourceTrace.corpus', { treeDataProvider: corpus, showCollapseAll: true }),
    findingsView,
    vscode.languages.onDidChangeDiagnostics(() => findings.refresh()),
    client.onNotification('sourceTrace/reindexed', () => corpus.refresh()),
    vscode.commands.registerCommand('sourceTrace.refreshView', () => { corpus.refresh(); findings.refresh(); }),
    vscode.commands.registerCommand('sourceTrace.filterFindings', async (codes?: unknown) => {
      let chosen: string[] | undefined = Array.isArray(codes) ? codes.map(String) : undefined;
      if (!chosen) {
        const picks = await vscode.window.showQuickPick(CODES.map((c) => ({ label: c, picked: findings.shown.has(c) })), { canPickMany: true, placeHolder: 'Findings to show' });
        chosen = picks?.map((p) => p.label);
      }
      if (!chosen) return;
      findings.shown = new Set(chosen.filter((c) => (CODES as readonly string[]).includes(c)));
      findingsView.description = findings.shown.size === CODES.length ? undefined : [...findings.shown].join(', ');
      findings.refresh();
    }),
  );
  return { corpus, findings, findingsView };
}
