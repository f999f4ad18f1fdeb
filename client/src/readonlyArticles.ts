/**
 * Corpus articles open read-only from Source Trace (Go to Definition, Open Source Article, hover
 * links), as GitLens opens revisions: under a scheme of our own whose file system refuses writes.
 * Typing into a source with auto-save on would otherwise change the corpus without a word. The
 * Explorer still opens the same file for editing, on purpose.
 */
import { promises as fs } from 'node:fs';
import * as vscode from 'vscode';

export const ARTICLE_SCHEME = 'source-trace-article';

/** The read-only twin of a corpus file's URI; other URIs are returned as they are. */
export function readonlyArticle(uri: vscode.Uri): vscode.Uri {
  return uri.scheme === 'file' ? uri.with({ scheme: ARTICLE_SCHEME }) : uri;
}

/** `file:` links in hover Markdown (the source, the other articles) become read-only links. */
export function readonlyLinks(markdown: string): string {
  return markdown.replace(/\]\(file:\/\//g, `](${ARTICLE_SCHEME}://`);
}

const refuse = () => { throw vscode.FileSystemError.NoPermissions('Source Trace opens corpus articles read-only; open the file from the Explorer to edit it.'); };

export class ReadonlyArticles implements vscode.FileSystemProvider {
  private readonly changed = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.changed.event;

  static register(): vscode.Disposable {
    const provider = new ReadonlyArticles();
    return vscode.Disposable.from(provider.changed, vscode.workspace.registerFileSystemProvider(ARTICLE_SCHEME, provider, {
      isCaseSensitive: true,
      isReadonly: new vscode.MarkdownString('A corpus article, opened read-only by Source Trace. Open it from the Explorer to edit it.'),
    }));
  }

  watch(): vscode.Disposable { return new vscode.Disposable(() => undefined); }

  async stat(uri: vscode.Uri): Promise<vscode.FileStat> {
    try {
      const st = await fs.stat(uri.fsPath);
      return { type: st.isDirectory() ? vscode.FileType.Directory : vscode.FileType.File, ctime: st.ctimeMs, mtime: st.mtimeMs, size: st.size, permissions: vscode.FilePermission.Readonly };
    } catch { throw vscode.FileSystemError.FileNotFound(uri); }
  }

  async readFile(uri: vscode.Uri): Promise<Uint8Array> {
    try { return await fs.readFile(uri.fsPath); } catch { throw vscode.FileSystemError.FileNotFound(uri); }
  }

  readDirectory(): [string, vscode.FileType][] { return []; }
  createDirectory(): void { refuse(); }
  writeFile(): void { refuse(); }
  delete(): void { refuse(); }
  rename(): void { refuse(); }
}
