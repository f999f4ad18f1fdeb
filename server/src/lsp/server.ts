/**
 * The language server: translates between LSP and the engine. No analysis lives here.
 */
import { readdirSync, statSync, readFileSync, realpathSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  CodeAction, CodeActionKind, CompletionItemKind, CreateFile, createConnection, DiagnosticSeverity, DidChangeConfigurationNotification,
  ErrorCodes, FileChangeType, LSPErrorCodes, ProposedFeatures, ResponseError, TextDocuments, TextDocumentSyncKind, TextDocumentEdit,
  type CompletionItem, type Connection, type Diagnostic, type InitializeParams, type Location, type TextEdit, type WorkDoneProgressReporter,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { TraceEngine } from '../engine';
import type { Code, DraftReport, Finding } from '../check/checkDraft';
import { findingData, type FindingData } from '../check/findingData';
import { message } from '../check/messages';
import { ARTICLE_EXTENSIONS } from '../corpus/files';
import { attributeEdit, citeEdits, dateEdit, exactWordingEdit, ignoreEdit, type OffsetEdit } from '../fix/quickFixes';
import { foldPhrase } from '../text/normalize';
import { personHover, quotationHover } from './hover';
import { INDEX_FILE, loadIndexAsync, saveIndexAsync } from '../index/persist';
import { RuleLinks } from './ruleLinks';
import { aliasEdit } from '../fix/peopleAlias';
import { LineIndex } from '../text/lineIndex';
import { DEFAULT_SETTINGS, readSettings, type Settings } from './settings';

export const README_ANCHORS: Record<Code, string> = { misquote: 'misquote', misattributed: 'misattributed', outdated: 'outdated', unsourced: 'unsourced' };

interface Analysed { version: number; text: string; report: DraftReport; settings: Settings }

const SEVERITY: Record<string, DiagnosticSeverity> = { error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning, information: DiagnosticSeverity.Information, hint: DiagnosticSeverity.Hint };

export function startServer(connection: Connection = createConnection(ProposedFeatures.all)): void {
  // The last line of defence: whatever escapes a handler is logged and the server goes on serving
  // (input must never end it; a real bug still shows in the log with its stack).
  process.on('uncaughtException', (e) => { process.stderr.write(`[source-trace] uncaught: ${e?.stack ?? e}\n`); });
  process.on('unhandledRejection', (e) => { process.stderr.write(`[source-trace] unhandled rejection: ${(e as Error)?.stack ?? e}\n`); });
  const documents = new TextDocuments(TextDocument);
  let engine = TraceEngine.empty();
  let folders: string[] = [];
  let trusted = true;
  let initSettings: unknown = undefined;
  let canPullConfig = false;
  let canProgress = false;
  let storagePath: string | undefined;
  let saveTimer: NodeJS.Timeout | undefined;
  let ruleLinks = RuleLinks.inFolder(resolve(__dirname, '..'));
  let ready: Promise<void> = Promise.resolve();
  // Until a corpus has loaded once, no verdict is published: an empty corpus would call every quotation unsourced.
  let corpusLoaded = false;
  const analysed = new Map<string, Analysed>();
  const timers = new Map<string, NodeJS.Timeout>();
  const settingsCache = new Map<string, Promise<Settings>>();
  let corpusDiagnosticUris = new Set<string>();
  let completionKeys: { key: string; n: number }[] | null = null;

  const log = (msg: string) => connection.console.log(`[source-trace] ${msg}`);

  /** Logs a failure of a notification handler or a background task with what it was working on; never rethrows. */
  function logFailure(name: string, uri: string | undefined, e: unknown) {
    connection.console.error(`[source-trace] ${name} failed on ${uri ?? '-'}: ${(e as Error)?.stack ?? e}`);
  }

  /** Wraps a notification handler: nobody awaits an answer, so a failure is logged and the server goes on. */
  function safeNotification<P>(name: string, fn: (p: P) => unknown) {
    return async (p: P): Promise<void> => {
      try { await fn(p); } catch (e) { logFailure(name, (p as { textDocument?: { uri?: string } })?.textDocument?.uri, e); }
    };
  }

  /** Wraps a handler: an exception is logged with its context and answered as an LSP error; the server keeps serving. */
  function safe<P, R>(name: string, fn: (p: P, token?: { isCancellationRequested: boolean }) => R | Promise<R>) {
    return async (p: P, token?: { isCancellationRequested: boolean }): Promise<R> => {
      if (token?.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'cancelled');
      try {
        return await fn(p, token);
      } catch (e) {
        if (e instanceof ResponseError) throw e;
        connection.console.error(`[source-trace] ${name} failed on ${(p as { textDocument?: { uri: string } })?.textDocument?.uri ?? "-"} at ${JSON.stringify((p as { position?: unknown })?.position ?? null)}: ${(e as Error).stack ?? e}`);
        throw new ResponseError(ErrorCodes.InternalError, `source-trace: ${name} failed: ${(e as Error).message}`);
      }
    };
  }

  connection.onInitialize((params: InitializeParams) => {
    folders = (params.workspaceFolders ?? []).map((f) => fileURLToPath(f.uri));
    if (folders.length === 0 && params.rootUri) folders = [fileURLToPath(params.rootUri)];
    if (folders.length === 0 && params.rootPath) folders = [params.rootPath];
    const init = (params.initializationOptions ?? {}) as Record<string, unknown>;
    trusted = init.trusted !== false;
    initSettings = init.settings;
    if (typeof init.readmeUri === 'string' && /^(?:https?|file):/.test(init.readmeUri)) ruleLinks = RuleLinks.at(init.readmeUri);
    if (typeof init.storagePath === 'string') storagePath = init.storagePath;
    canPullConfig = !!params.capabilities.workspace?.configuration;
    canProgress = !!params.capabilities.window?.workDoneProgress;
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        hoverProvider: true,
        definitionProvider: true,
        referencesProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.Source + '.citeAll.sourceTrace'] },
        completionProvider: { triggerCharacters: ['“', '"'] },
        executeCommandProvider: { commands: ['sourceTrace.server.reindex', 'sourceTrace.server.checkWorkspace'] },
      },
      serverInfo: { name: 'source-trace', version: '0.1.0' },
    };
  });

  connection.onInitialized(() => {
    if (canPullConfig) void connection.client.register(DidChangeConfigurationNotification.type, undefined).catch(() => undefined);
    ready = loadCorpus();
  });

  async function settingsFor(uri?: string): Promise<Settings> {
    const key = uri ?? '';
    let s = settingsCache.get(key);
    if (!s) {
      s = (canPullConfig ? connection.workspace.getConfiguration({ scopeUri: uri, section: 'sourceTrace' }).catch(() => initSettings) : Promise.resolve(initSettings))
        .then((raw) => readSettings(raw ?? initSettings));
      settingsCache.set(key, s);
    }
    return s;
  }

  function corpusSpecs(settings: Settings): string[] {
    const base = folders.length ? folders : [process.cwd()];
    return base.flatMap((f) => settings.corpus.map((c) => resolve(f, c)));
  }

  function corpusRoots(settings: Settings): string[] {
    return corpusSpecs(settings).map((s) => { const m = s.search(/[*?{]/); return m < 0 ? s : s.slice(0, s.lastIndexOf(sep, m)); });
  }

  function inCorpus(path: string, settings: Settings): boolean {
    return corpusRoots(settings).some((r) => path === r || path.startsWith(r + sep));
  }

  /** Where the persisted index lives: the editor's storage folder, else `.source-trace/` in a trusted workspace. */
  function indexPath(): string | undefined {
    if (storagePath) return join(storagePath, INDEX_FILE);
    if (trusted && folders[0]) return join(folders[0], '.source-trace', INDEX_FILE);
    return undefined;
  }

  /**
   * Saves the index after `delay` ms without another change. Saving a large corpus takes seconds
   * (in slices: requests are answered meanwhile, corpus changes wait), so corpus edits wait for a
   * quiet minute (and shutdown); a restart from a stale index is still right, it only re-reads
   * the files that changed since.
   */
  function persistSoon(delay = 60_000) {
    clearTimeout(saveTimer);
    saveTimer = setTimeout(() => void persistNow(), delay);
    saveTimer.unref?.();
  }

  let saving: Promise<void> | null = null;
  async function persistNow(): Promise<void> {
    clearTimeout(saveTimer);
    const path = indexPath();
    if (saving) await saving;
    // The engine being saved: a Reindex may replace `engine` meanwhile.
    const saved = engine;
    if (!path || !saved.dirty) return;
    saved.dirty = false; // changes made while writing mark it dirty again
    // Taken in slices: hovers are answered while a large corpus is saved. Corpus changes wait for it.
    saving = saved.persistedFormInSlices().then((form) => saveIndexAsync(path, form, { createParents: true }))
      .catch((e) => { saved.dirty = true; log(`could not save the index to ${path}: ${(e as Error).message}`); })
      .finally(() => { saving = null; });
    await saving;
  }

  function status(state: 'indexing' | 'ready' | 'error', extra: Record<string, unknown> = {}) {
    void connection.sendNotification('sourceTrace/status', {
      state, articles: engine.corpus.articleCount, quotations: engine.corpus.quoteCount, people: engine.corpus.people.persons.length, ...extra,
    });
  }

  /** Loads the corpus, starting from the persisted index unless `fresh` (the Reindex command: rebuild from the files). */
  async function loadCorpus(fresh = false): Promise<void> {
    const settings = await settingsFor(folders[0] ? pathToFileURL(folders[0]).toString() : undefined);
    let progress: WorkDoneProgressReporter | null = null;
    if (canProgress) {
      try { progress = await connection.window.createWorkDoneProgress(); progress.begin('Source Trace: indexing corpus', 0, 'reading…', false); } catch { progress = null; }
    }
    status('indexing', { percent: 0 });
    const started = Date.now();
    try {
      const path = indexPath();
      const persisted = path && !fresh ? await loadIndexAsync(path, undefined, log) : null;
      engine = await TraceEngine.load(corpusSpecs(settings), {
        persisted,
        onIndexDamaged: log,
        confineTo: trusted ? undefined : folders,
        onProgress: (done, total, articles) => {
          const percent = total ? Math.round((done / total) * 100) : 100;
          progress?.report(percent, `${done}/${total} files, ${articles} articles`);
          status('indexing', { percent });
        },
      });
      completionKeys = null;
      log(`indexed ${engine.corpus.articleCount} articles, ${engine.corpus.quoteCount} quotations in ${Date.now() - started} ms`);
      publishCorpusProblems();
      if (engine.unreadSpecs.length) {
        // Part of the corpus could not be read: its quotations would all read as unsourced. No
        // verdicts until it can; the status says what failed.
        const message = `corpus not loaded: ${engine.unreadSpecs.map((u) => `${u.spec}: ${u.message}`).join('; ')}`;
        log(message);
        corpusLoaded = false;
        withdrawVerdicts();
        status('error', { message });
        return;
      }
      corpusLoaded = true;
      status('ready', { ms: Date.now() - started, fromIndex: engine.loadStats.filesFromIndex, filesRead: engine.loadStats.filesRead, extractedOnWorkers: engine.loadStats.extractedOnWorkers });
      persistSoon(0);
    } catch (e) {
      connection.console.error(`[source-trace] corpus failed to load: ${(e as Error).stack}`);
      corpusLoaded = false;
      withdrawVerdicts();
      status('error', { message: (e as Error).message });
    } finally {
      progress?.done();
    }
    for (const d of documents.all()) schedule(d.uri, 0);
  }

  /** Clears every draft's published diagnostics: what a corpus that failed to load cannot back. */
  function withdrawVerdicts() {
    for (const uri of analysed.keys()) void connection.sendDiagnostics({ uri, diagnostics: [] });
    analysed.clear();
  }

  function publishCorpusProblems() {
    const byUri = new Map<string, Diagnostic[]>();
    for (const p of engine.problems()) {
      let uri: string;
      try { uri = pathToFileURL(p.path).toString(); } catch { continue; }
      const list = byUri.get(uri) ?? [];
      list.push({ range: { start: { line: p.line, character: 0 }, end: { line: p.line, character: Number.MAX_SAFE_INTEGER >>> 1 } }, severity: p.severity === 'error' ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning, source: 'source-trace', code: 'corpus-file', codeDescription: { href: ruleLinks.href('corpus-file') }, message: p.message });
      byUri.set(uri, list);
    }
    for (const uri of corpusDiagnosticUris) if (!byUri.has(uri)) void connection.sendDiagnostics({ uri, diagnostics: [] });
    for (const [uri, diagnostics] of byUri) void connection.sendDiagnostics({ uri, diagnostics });
    corpusDiagnosticUris = new Set(byUri.keys());
  }

  function isDraft(uri: string, settings: Settings): boolean {
    if (typeof uri !== 'string') return false;
    if (!uri.startsWith('file:')) return uri.startsWith('untitled:');
    // A file URI with a host (file://server/share/…) or an encoded separator names no local file.
    let path: string;
    try { path = fileURLToPath(uri); } catch { return false; }
    return !inCorpus(path, settings);
  }

  function schedule(uri: string, delay?: number) {
    clearTimeout(timers.get(uri));
    timers.set(uri, setTimeout(() => { timers.delete(uri); validate(uri).catch((e) => logFailure('validation', uri, e)); }, delay ?? DEFAULT_SETTINGS.debounceMs));
  }

  /** Checks a draft; a result for a version the editor has moved past is dropped, never published. */
  async function validate(uri: string): Promise<Analysed | undefined> {
    await ready;
    const doc = documents.get(uri);
    if (!doc) return undefined;
    const settings = await settingsFor(uri);
    if (!isDraft(uri, settings) || !corpusLoaded) return undefined;
    const version = doc.version;
    const text = doc.getText();
    if (typeof text !== 'string') throw new Error(`the document's text is a ${typeof text}, not a string`);
    const report = await engine.checkAsync(text, { minQuoteWords: settings.minQuoteWords, maxQuotes: settings.maxQuotes, isCancelled: () => documents.get(uri)?.version !== version });
    if (report.cancelled || documents.get(uri)?.version !== version) return undefined;
    const result: Analysed = { version, text, report, settings };
    analysed.set(uri, result);
    void connection.sendDiagnostics({ uri, version, diagnostics: diagnosticsFor(doc, result) });
    return result;
  }

  function diagnosticsFor(doc: TextDocument, a: Analysed): Diagnostic[] {
    const out: Diagnostic[] = [];
    for (const f of a.report.findings) {
      const data = findingData(engine.corpus, f, a.version);
      for (const code of f.codes) {
        const sev = a.settings.severity[code];
        if (sev === 'off') continue;
        const related = [];
        if (data.source) related.push({ location: { uri: data.source.uri, range: data.source.range }, message: `source: ${data.source.speaker ?? 'no speaker'}, ${data.source.outlet ?? 'outlet unknown'}, ${data.source.date ?? 'undated'}` });
        if (code === 'outdated' && data.outdated) related.push({ location: { uri: data.outdated.uri, range: data.outdated.range }, message: `later: ${data.outdated.title ?? data.outdated.uri.replace(/^.*\//, '')}, ${data.outdated.date}` });
        out.push({
          range: { start: doc.positionAt(f.start), end: doc.positionAt(f.end) }, severity: SEVERITY[sev], code, source: 'source-trace',
          codeDescription: { href: ruleLinks.href(README_ANCHORS[code]) }, message: message(f, code), relatedInformation: related, data,
        });
      }
    }
    if (a.report.capped) out.push({ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, severity: DiagnosticSeverity.Information, source: 'source-trace', code: 'capped', codeDescription: { href: ruleLinks.href('capped') }, message: `Only the first ${a.settings.maxQuotes} quotations were checked; ${a.report.capped} more were not (sourceTrace.maxQuotes).` });
    return out;
  }

  /** The analysis for the document as it is now (computed now if the cached one is stale). */
  async function current(uri: string): Promise<{ doc: TextDocument; a: Analysed } | undefined> {
    const doc = documents.get(uri);
    if (!doc) return undefined;
    let a = analysed.get(uri);
    if (!a || a.version !== doc.version) {
      await ready;
      // A corpus that failed to load backs no verdict, in a hover or a list any more than in a diagnostic.
      if (!corpusLoaded) return undefined;
      const settings = await settingsFor(uri);
      const text = doc.getText();
      a = { version: doc.version, text, settings, report: engine.check(text, { minQuoteWords: settings.minQuoteWords, maxQuotes: settings.maxQuotes }) };
    }
    return { doc, a };
  }

  /**
   * For hovers while a draft is being edited: the full analysis if it is current, else a check of
   * just the paragraph under the cursor, so a hover never waits for a whole long draft.
   */
  async function around(uri: string, offset: number): Promise<{ doc: TextDocument; a: Analysed } | undefined> {
    const doc = documents.get(uri);
    if (!doc) return undefined;
    const cached = analysed.get(uri);
    if (cached && cached.version === doc.version) return { doc, a: cached };
    await ready;
    if (!corpusLoaded) return undefined;
    const settings = await settingsFor(uri);
    const text = doc.getText();
    const from = Math.max(0, text.lastIndexOf('\n\n', offset));
    const next = text.indexOf('\n\n', offset);
    const to = next < 0 ? text.length : next;
    // Blank everything outside the paragraph (same length), so offsets stay true.
    const local = text.slice(0, from).replace(/[^\n]/g, ' ') + text.slice(from, to) + text.slice(to).replace(/[^\n]/g, ' ');
    return { doc, a: { version: doc.version, text, settings, report: engine.check(local, { minQuoteWords: settings.minQuoteWords }) } };
  }

  const findingAt = (a: Analysed, offset: number) => a.report.findings.find((f) => offset >= f.open && offset <= f.close);

  documents.onDidChangeContent((e) => schedule(e.document.uri));
  documents.onDidOpen((e) => schedule(e.document.uri, 0));
  documents.onDidClose((e) => { analysed.delete(e.document.uri); clearTimeout(timers.get(e.document.uri)); void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] }); });

  connection.onDidChangeConfiguration(safeNotification('configuration', () => {
    settingsCache.clear();
    ready = loadCorpus().catch((e) => logFailure('corpus load', undefined, e));
  }));

  connection.onHover(safe('hover', async (p) => {
    const doc = documents.get(p.textDocument.uri);
    if (!doc) return null;
    const offset = doc.offsetAt(p.position);
    const c = await around(p.textDocument.uri, offset);
    if (!c) return null;
    const f = findingAt(c.a, offset);
    if (f && !(f.attributionMention && offset >= f.attributionMention.start && offset < f.attributionMention.end)) {
      return { contents: { kind: 'markdown', value: quotationHover(engine.corpus, f) }, range: { start: c.doc.positionAt(f.open), end: c.doc.positionAt(f.close) } };
    }
    const named = c.a.report.people.find((m) => offset >= m.start && offset < m.end);
    if (named) return { contents: { kind: 'markdown', value: personHover(named.person, named.text, named.person ? engine.corpus.articlesQuoting(named.person) : []) }, range: { start: c.doc.positionAt(named.start), end: c.doc.positionAt(named.end) } };
    return null;
  }));

  /**
   * "Same person as …": when the draft's name is someone the corpus knows under another name, an
   * alias in the corpus's people file (people.yml of the first corpus folder, created if missing)
   * joins them; the file watcher then re-reads it and the verdict follows. Never offered on a
   * guess about who the source's speaker is, nor for a JSON people file (its edits are the user's).
   */
  function teachPersonAction(f: Finding, data: FindingData, settings: Settings): CodeAction | null {
    if (!f.codes.includes('misattributed') || !data.attributedTo || !data.source?.speaker || f.source?.quote.speaker?.kind) return null;
    const folder = corpusRoots(settings).find((r) => { try { return statSync(r).isDirectory(); } catch { return false; } });
    if (!folder) return null;
    const existing = ['people.yml', 'people.yaml', 'people.json'].map((n) => join(folder, n)).find((x) => { try { return statSync(x).isFile(); } catch { return false; } });
    if (existing?.endsWith('.json')) return null;
    const path = existing ?? join(folder, 'people.yml');
    let text = '';
    if (existing) { try { text = readFileSync(existing, 'utf8'); } catch { return null; } }
    const edit = aliasEdit(text, data.source.speaker, data.attributedTo);
    if (!edit) return null;
    const uri = pathToFileURL(path).toString();
    const lines = new LineIndex(text);
    const textEdit = TextDocumentEdit.create({ uri, version: null }, [{ range: lines.range(edit.start, edit.end), newText: edit.newText }]);
    return {
      title: `Same person as ${data.source.speaker}: add “${data.attributedTo}” to the people file`, kind: CodeActionKind.QuickFix,
      edit: { documentChanges: existing ? [textEdit] : [CreateFile.create(uri, { ignoreIfExists: true }), textEdit] },
    };
  }

  function sourceLocations(f: Finding): Location[] {
    const out: Location[] = [];
    for (const m of f.source ? [f.source, ...f.alsoIn] : []) out.push({ uri: pathToFileURL(m.article.path).toString(), range: engine.corpus.rangeIn(m.article, m.start, m.end) });
    return out;
  }

  connection.onDefinition(safe('definition', async (p) => {
    const c = await current(p.textDocument.uri);
    const f = c && findingAt(c.a, c.doc.offsetAt(p.position));
    return f ? sourceLocations(f) : null;
  }));

  connection.onReferences(safe('references', async (p, token) => {
    const c = await current(p.textDocument.uri);
    const f = c && findingAt(c.a, c.doc.offsetAt(p.position));
    if (!f?.source) return null;
    const wanted = new Set([f.source, ...f.alsoIn].map((m) => m.quote.n));
    const out = sourceLocations(f);
    let lastYield = 0;
    for (const { uri, text } of draftsInWorkspace(c!.a.settings)) {
      // Walking the workspace can take a while: let $/cancelRequest in, and honour it.
      if (Date.now() - lastYield > 10) { await new Promise((r) => setImmediate(r)); lastYield = Date.now(); }
      if (token?.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'cancelled');
      // Each draft is checked in time slices, so a hover sent meanwhile answers between them (a 2 MB
      // draft in the workspace held the server for half a minute when checked in one go).
      const report = uri === p.textDocument.uri ? c!.a.report : await engine.checkAsync(text, { minQuoteWords: c!.a.settings.minQuoteWords, isCancelled: () => !!token?.isCancellationRequested });
      if (report.cancelled) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'cancelled');
      const lines = TextDocument.create(uri, 'markdown', 0, text);
      for (const g of report.findings) if (g.source && wanted.has(g.source.quote.n)) out.push({ uri, range: { start: lines.positionAt(g.start), end: lines.positionAt(g.end) } });
    }
    return out;
  }));

  /** Open drafts, then Markdown files of the workspace outside the corpus. */
  function* draftsInWorkspace(settings: Settings): Generator<{ uri: string; text: string }> {
    const seen = new Set<string>();
    for (const d of documents.all()) if (isDraft(d.uri, settings)) { seen.add(d.uri); yield { uri: d.uri, text: d.getText() }; }
    let budget = 5000;
    const walk = function* (dir: string): Generator<{ uri: string; text: string }> {
      let entries;
      try { entries = readdirSync(dir, { withFileTypes: true }); } catch { return; }
      for (const e of entries) {
        if (--budget < 0) return;
        if (e.name.startsWith('.') || e.name === 'node_modules') continue;
        const p = join(dir, e.name);
        if (inCorpus(p, settings)) continue;
        if (e.isDirectory()) yield* walk(p);
        else if (/\.(md|markdown)$/i.test(e.name)) {
          const uri = pathToFileURL(p).toString();
          if (seen.has(uri)) continue;
          try { if (statSync(p).size > 5_000_000) continue; yield { uri, text: readFileSync(p, 'utf8') }; } catch { /* unreadable draft: skip */ }
        }
      }
    };
    for (const f of folders) yield* walk(f);
  }

  const toTextEdits = (doc: TextDocument, edits: OffsetEdit[]): TextEdit[] => edits.map((e) => ({ range: { start: doc.positionAt(e.start), end: doc.positionAt(e.end) }, newText: e.newText }));

  connection.onCodeAction(safe('codeAction', async (p) => {
    const c = await current(p.textDocument.uri);
    if (!c) return null;
    const { doc, a } = c;
    // A fix computed for another version of the draft would land on shifted text: refuse it.
    if (p.context.diagnostics.some((d) => d.source === 'source-trace' && (d.data as FindingData | undefined)?.version != null && (d.data as FindingData).version !== doc.version)) return [];
    const from = doc.offsetAt(p.range.start), to = doc.offsetAt(p.range.end);
    const actions: CodeAction[] = [];
    const versioned = { uri: doc.uri, version: doc.version };
    const make = (title: string, edits: OffsetEdit[], preferred: boolean, f?: Finding, kind: string = CodeActionKind.QuickFix): CodeAction => ({
      title, kind, isPreferred: preferred || undefined,
      diagnostics: f ? p.context.diagnostics.filter((d) => d.source === 'source-trace' && doc.offsetAt(d.range.start) === f.start) : undefined,
      edit: { documentChanges: [TextDocumentEdit.create(versioned, toTextEdits(doc, edits))] },
    });
    const only = p.context.only;
    const wants = (kind: string) => !only || only.some((k) => kind === k || kind.startsWith(k + '.'));
    for (const f of a.report.findings) {
      if (f.close < from || f.open > to) continue;
      const data = findingData(engine.corpus, f, a.version);
      if (wants(CodeActionKind.QuickFix)) {
        const wording = exactWordingEdit(data);
        if (wording) actions.push(make('Use the source’s exact wording', [wording], true, f));
        const attribute = attributeEdit(data);
        if (attribute) actions.push(make(`Attribute to ${data.source!.speaker}`, [attribute], !wording, f));
        const dated = dateEdit(data);
        if (dated) actions.push(make('Date this quotation', [dated], !wording && !attribute, f));
        if (data.source) {
          const cite = citeEdits(a.text, [data], a.settings.citationStyle, doc.uri);
          if (cite.length) actions.push(make('Cite source', cite, f.verdict === 'verified', f));
        }
        const teach = teachPersonAction(f, data, a.settings);
        if (teach) actions.push(teach);
        actions.push(make('Ignore this quotation', [ignoreEdit(data)], false, f));
      }
    }
    const kindAll = CodeActionKind.Source + '.citeAll.sourceTrace';
    if (wants(kindAll) && (only || actions.length)) {
      const all = citeEdits(a.text, a.report.findings.filter((f) => f.source).map((f) => findingData(engine.corpus, f, a.version)), a.settings.citationStyle, doc.uri);
      if (all.length) actions.push(make('Cite all sources in this draft', all, false, undefined, kindAll));
    }
    return actions;
  }));

  connection.onCompletion(safe('completion', async (p) => {
    const doc = documents.get(p.textDocument.uri);
    if (!doc) return null;
    await ready;
    const offset = doc.offsetAt(p.position);
    const lineStart = doc.offsetAt({ line: p.position.line, character: 0 });
    const before = doc.getText().slice(Math.max(0, lineStart - 2000), offset);
    const open = Math.max(before.lastIndexOf('“'), before.lastIndexOf('"'));
    if (open < 0 || before.lastIndexOf('”') > open || /\n\s*\n/.test(before.slice(open))) return null;
    const straight = before[open] === '"' && (before.slice(0, open).split('"').length - 1) % 2 === 1;
    if (straight) return null;
    const typed = before.slice(open + 1);
    const prefix = foldPhrase(typed);
    if (prefix.length < 2) return null;
    const items: CompletionItem[] = [];
    const closing = before[open] === '“' ? '”' : '"';
    const start = doc.positionAt(offset - typed.length);
    for (const n of quotesStartingWith(prefix, 20)) {
      const q = engine.corpus.quotes[n]!;
      items.push({
        label: q.text.length > 80 ? q.text.slice(0, 79) + '…' : q.text, kind: CompletionItemKind.Text,
        detail: `${engine.corpus.speakerName(q) ?? 'no speaker'}, ${q.article.date ?? 'undated'}`,
        documentation: [q.article.outlet, q.article.title].filter(Boolean).join(' · '),
        filterText: typed + q.text, textEdit: { range: { start, end: p.position }, newText: q.text + closing },
      });
    }
    return { isIncomplete: false, items };
  }));

  /** Binary search over folded quotation texts, built once per corpus version. */
  function quotesStartingWith(prefix: string, limit: number): number[] {
    if (!completionKeys) {
      completionKeys = [];
      for (const q of engine.corpus.quotes) if (q) completionKeys.push({ key: foldPhrase(q.text), n: q.n });
      completionKeys.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    }
    let lo = 0, hi = completionKeys.length;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (completionKeys[mid].key < prefix) lo = mid + 1; else hi = mid; }
    const out: number[] = [];
    for (let i = lo; i < completionKeys.length && out.length < limit && completionKeys[i].key.startsWith(prefix); i++) out.push(completionKeys[i].n);
    return out;
  }

  connection.onDidChangeWatchedFiles(safeNotification('watchedFiles', async (p: { changes: { uri: string; type: number }[] }) => {
    await ready;
    // A snapshot being taken for the persisted index must see one corpus throughout.
    while (saving) await saving;
    const settings = await settingsFor();
    let touched = 0;
    for (const change of Array.isArray(p?.changes) ? p.changes : []) {
      if (typeof change?.uri !== 'string' || !change.uri.startsWith('file:')) continue;
      let path: string;
      try { path = fileURLToPath(change.uri); } catch { continue; }
      if (!inCorpus(path, settings)) continue;
      const lower = path.toLowerCase();
      if (!ARTICLE_EXTENSIONS.some((x) => lower.endsWith(x)) && !/people\.(ya?ml|json)$/.test(lower)) continue;
      // In an untrusted workspace the real path must be inside it too: a symlink out of it is refused
      // here as at load, whatever the watcher reports.
      if (!trusted) {
        let real: string;
        try { real = realpathSync(path); } catch { real = path; }
        const inside = (x: string) => folders.some((f) => x === f || x.startsWith(f + sep));
        if (!inside(path) || !inside(real)) { log(`${path} leads outside the workspace; not read in an untrusted workspace`); continue; }
      }
      if (change.type === FileChangeType.Deleted) engine.removeFile(path);
      else engine.loadProblems.push(...(await engine.reloadFile(path)).filter((x) => !engine.loadProblems.some((y) => y.path === x.path && y.message === x.message)));
      engine.loadProblems.splice(0, engine.loadProblems.length, ...engine.loadProblems.filter((x) => x.path !== path || change.type !== FileChangeType.Deleted));
      touched++;
    }
    if (!touched) return;
    engine.corpus.compact();
    completionKeys = null;
    publishCorpusProblems();
    persistSoon();
    status('ready');
    for (const d of documents.all()) schedule(d.uri, 0);
    void connection.sendNotification('sourceTrace/reindexed', { files: touched });
  }));

  connection.onRequest('sourceTrace/summary', safe('summary', async (p: { textDocument: { uri: string } }) => {
    const c = await current(p.textDocument.uri);
    if (!c) return null;
    const tally: Record<string, number> = { verified: 0, misquote: 0, misattributed: 0, outdated: 0, unsourced: 0 };
    for (const f of c.a.report.findings) tally[f.verdict]++;
    return {
      tally,
      // `speaker` (the source's, else the draft's) stays for older clients; the list shows both.
      quotes: c.a.report.findings.map((f) => ({ text: f.text, verdict: f.verdict, speaker: f.source?.speaker ?? f.attributedTo, draftSpeaker: f.attributedTo, sourceSpeaker: f.source?.speaker ?? null, range: { start: c.doc.positionAt(f.start), end: c.doc.positionAt(f.end) } })),
    };
  }));

  /** Process memory, for soak tests (collects garbage first when the server runs with --expose-gc). */
  connection.onRequest('sourceTrace/memory', () => {
    (globalThis as { gc?: () => void }).gc?.();
    return process.memoryUsage();
  });

  connection.onRequest('sourceTrace/articles', safe('articles', async () => {
    await ready;
    return engine.corpus.articles().map((a) => ({ uri: pathToFileURL(a.path).toString(), line: a.line, title: a.title, outlet: a.outlet, date: a.date, quotations: engine.corpus.quotesOf(a.id).length }));
  }));

  /** The people the corpus knows, most quoted first (the view's People): names, how else they are written, roles. */
  connection.onRequest('sourceTrace/people', safe('people', async () => {
    await ready;
    return [...engine.corpus.people.persons].filter((x) => x.quoteCount > 0 || x.curated).sort((a, b) => b.quoteCount - a.quoteCount || (a.name < b.name ? -1 : 1)).slice(0, 5000)
      .map((x) => ({ name: x.name, aliases: [...x.formCounts.keys()].filter((f) => f !== x.name).slice(0, 12), roles: x.roles.slice(0, 5), quotations: x.quoteCount }));
  }));

  connection.onExecuteCommand(safe('executeCommand', async (p: { command: string }) => {
    if (p.command === 'sourceTrace.server.reindex') { settingsCache.clear(); ready = loadCorpus(true); await ready; return { articles: engine.corpus.articleCount }; }
    if (p.command === 'sourceTrace.server.checkWorkspace') {
      await ready;
      if (!corpusLoaded) return { files: 0, findings: 0, error: 'the corpus did not load; no draft was checked' };
      const settings = await settingsFor();
      let files = 0, findings = 0;
      for (const { uri, text } of draftsInWorkspace(settings)) {
        const open = documents.get(uri);
        const a = open ? await current(uri).then((c) => c?.a) : { version: 0, text, settings, report: engine.check(text, { minQuoteWords: settings.minQuoteWords, maxQuotes: settings.maxQuotes }) };
        if (!a) continue;
        if (!open) void connection.sendDiagnostics({ uri, diagnostics: diagnosticsFor(TextDocument.create(uri, 'markdown', 0, text), a) });
        files++;
        findings += a.report.findings.filter((f) => f.codes.length).length;
      }
      return { files, findings };
    }
    return null;
  }));

  connection.onShutdown(() => persistNow());
  documents.listen(connection);
  connection.listen();
}
