/** A minimal LSP client over real JSON-RPC on the bundled server's stdio, for protocol tests. */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import { ROOT } from '../helpers';

export interface Diagnostic { range: { start: { line: number; character: number }; end: { line: number; character: number } }; code: string; message: string; severity: number; source: string; codeDescription?: { href: string }; relatedInformation?: { location: { uri: string; range: unknown }; message: string }[]; data?: unknown }

export class LspClient {
  readonly connection: MessageConnection;
  readonly process: ChildProcess;
  readonly diagnostics = new Map<string, { version?: number; diagnostics: Diagnostic[] }>();
  private waiters: { test: () => boolean; resolve: () => void }[] = [];
  readonly notifications: { method: string; params: unknown }[] = [];
  readonly published: { uri: string; version?: number }[] = [];
  stderr = '';

  constructor(args: string[] = [join(ROOT, 'dist', 'server.js'), '--stdio'], execArgv: string[] = []) {
    this.process = spawn(process.execPath, [...execArgv, ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.process.stderr!.on('data', (d) => { this.stderr += d; });
    this.connection = createMessageConnection(new StreamMessageReader(this.process.stdout!), new StreamMessageWriter(this.process.stdin!));
    this.connection.onNotification('textDocument/publishDiagnostics', (p: { uri: string; version?: number; diagnostics: Diagnostic[] }) => { this.diagnostics.set(p.uri, p); this.published.push({ uri: p.uri, version: p.version }); this.poke(); });
    this.connection.onNotification((method: string, params: unknown) => { this.notifications.push({ method, params }); this.poke(); });
    this.connection.onRequest('window/workDoneProgress/create', () => null);
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => this.settings));
    this.connection.listen();
  }

  settings: Record<string, unknown> = {};

  private poke() { this.waiters = this.waiters.filter((w) => { if (w.test()) { w.resolve(); return false; } return true; }); }

  /** Resolves when `test` holds after some message arrives (bounded: fails after `ms`). */
  until(test: () => boolean, what: string, ms = 15000): Promise<void> {
    if (test()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}; server stderr: ${this.stderr.slice(-2000)}`)), ms);
      this.waiters.push({ test, resolve: () => { clearTimeout(timer); resolve(); } });
    });
  }

  async initialize(folder: string, options: { configuration?: boolean; initializationOptions?: unknown } = {}) {
    const result = await this.connection.sendRequest('initialize', {
      processId: process.pid, rootUri: pathToFileURL(folder).toString(), workspaceFolders: [{ uri: pathToFileURL(folder).toString(), name: 'ws' }],
      capabilities: { workspace: { configuration: options.configuration ?? true, didChangeWatchedFiles: { dynamicRegistration: false } }, window: { workDoneProgress: true }, textDocument: { hover: { contentFormat: ['markdown'] }, publishDiagnostics: { relatedInformation: true, codeDescriptionSupport: true, dataSupport: true } } },
      initializationOptions: options.initializationOptions,
    });
    await this.connection.sendNotification('initialized', {});
    await this.until(() => this.notifications.some((n) => n.method === 'sourceTrace/status' && (n.params as { state: string }).state === 'ready'), 'corpus ready');
    return result;
  }

  open(uri: string, text: string, version = 1) {
    return this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version, text } });
  }

  change(uri: string, text: string, version: number) {
    return this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
  }

  async diagnosticsFor(uri: string, version?: number): Promise<Diagnostic[]> {
    await this.until(() => { const d = this.diagnostics.get(uri); return !!d && (version === undefined || d.version === version); }, `diagnostics for ${uri}`);
    return this.diagnostics.get(uri)!.diagnostics;
  }

  async shutdown() {
    try { await this.connection.sendRequest('shutdown'); await this.connection.sendNotification('exit'); } catch { /* already gone */ }
    this.connection.dispose();
    this.process.kill();
  }
}

/** Applies LSP TextEdits to a text (as an editor would). */
export function applyTextEdits(text: string, edits: { range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string }[]): string {
  const lines = text.split('\n');
  const offset = (p: { line: number; character: number }) => lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
  // Insertions at one position keep their order, as VS Code applies them.
  const sorted = edits.map((e, i) => ({ s: offset(e.range.start), e: offset(e.range.end), t: e.newText, i })).sort((a, b) => b.s - a.s || b.i - a.i);
  let out = text;
  for (const e of sorted) out = out.slice(0, e.s) + e.t + out.slice(e.e);
  return out;
}
