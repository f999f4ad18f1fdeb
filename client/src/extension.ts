/**
 * The VS Code side: starts the language server, shows the corpus in the status bar, and adds
 * the commands. Analysis happens in the server.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { CloseAction, ErrorAction, LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { RestartPolicy } from './restartPolicy';
import { StatusBar } from './statusBar';
import { registerCommands } from './commands';
import { registerView, type CorpusTree, type FindingsTree } from './view';
import { ReadonlyArticles, readonlyArticle, readonlyLinks } from './readonlyArticles';

let client: LanguageClient | undefined;

const restartPolicy = new RestartPolicy(5);

export async function activate(context: vscode.ExtensionContext): Promise<{ client: LanguageClient; statusText: () => string; view: { corpus: CorpusTree; findings: FindingsTree } }> {
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6011'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ scheme: 'file', language: 'markdown' }, { scheme: 'untitled', language: 'markdown' }],
    synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher('**/*.{md,markdown,txt,jsonl,yml,yaml,json}') },
    initializationOptions: {
      trusted: vscode.workspace.isTrusted,
      settings: vscode.workspace.getConfiguration('sourceTrace'),
      // The persisted index lives in the extension's storage, never in the user's workspace.
      storagePath: (context.storageUri ?? context.globalStorageUri).fsPath,
    },
    // Hover Markdown carries corpus text: no HTML, and no command links at all.
    markdown: { isTrusted: false, supportHtml: false },
    outputChannelName: 'Source Trace',
    middleware: {
      // Sources open read-only: Go to Definition and the hover's links lead into the corpus.
      provideDefinition: async (document, position, token, next) => {
        const result = await next(document, position, token);
        const list = Array.isArray(result) ? result : result ? [result] : [];
        return list.map((l) => ('targetUri' in l ? new vscode.Location(readonlyArticle(l.targetUri), l.targetSelectionRange ?? l.targetRange) : new vscode.Location(readonlyArticle(l.uri), l.range)));
      },
      provideHover: async (document, position, token, next) => {
        const hover = await next(document, position, token);
        if (!hover) return hover;
        const contents = hover.contents.map((c) => {
          if (!(c instanceof vscode.MarkdownString)) return c;
          const md = new vscode.MarkdownString(readonlyLinks(c.value));
          md.isTrusted = false;
          md.supportHtml = false;
          return md;
        });
        return new vscode.Hover(contents, hover.range);
      },
    },
    errorHandler: {
      error: () => ({ action: ErrorAction.Continue }),
      closed: () => {
        const decision = restartPolicy.onClosed();
        if (decision.message) void vscode.window.showWarningMessage(decision.message);
        return { action: decision.restart ? CloseAction.Restart : CloseAction.DoNotRestart, handled: true };
      },
    },
  };
  context.subscriptions.push(ReadonlyArticles.register());
  client = new LanguageClient('sourceTrace', 'Source Trace', serverOptions, clientOptions);
  const status = new StatusBar(client);
  context.subscriptions.push(status);
  registerCommands(context, client);
  const view = registerView(context, client);
  // Trust granted later: restart so the corpus setting may reach outside the workspace.
  context.subscriptions.push(vscode.workspace.onDidGrantWorkspaceTrust(() => void client?.restart()));
  await client.start();
  status.listen();
  // The API tests read: the client, and what the status bar shows.
  return { client, statusText: () => status.text, view };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
