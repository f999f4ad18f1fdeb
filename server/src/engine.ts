/**
 * The engine's front door: load a corpus, keep it indexed, check drafts. Plain TypeScript,
 * no LSP or VS Code: the language server and the command line both sit on this.
 */
import type { Article, CorpusProblem, FileStamp, LoadedArticle } from './corpus/article';
import { readCorpusFile, streamCorpus, type LoadOptions } from './corpus/load';
import { readPeopleEntries } from './corpus/peopleFile';
import { checkDraft, checkDraftAsync, type CheckOptions, type DraftReport } from './check/checkDraft';
import { TraceCorpus, extractArticle, type ArticleExtract } from './index/traceCorpus';
import { ExtractPool } from './index/extractPool';
import type { PersistedFile, PersistedIndex } from './index/persist';

export interface EngineOptions extends LoadOptions {
  /** A persisted index: files unchanged since it was written are not read at all. */
  persisted?: PersistedIndex | null;
  /** Told, in one line, when the persisted index could not be used. */
  onIndexDamaged?: (message: string) => void;
  /** Extraction worker threads once a load passes POOL_AFTER articles (default: one per core but one, at least 1, at most 4; 0: none). */
  extractWorkers?: number;
}

/** Below this many articles a load extracts on its own thread: starting workers would cost more. */
export const POOL_AFTER = 100;
/** Articles read ahead of indexing while workers extract them. */
const READ_AHEAD = 64;
/** Articles the workers may have waiting; later ones stay on the loading thread until it would wait
 * (20,000 generated articles on 2 cores: 8.3 s at 8, 8.6 s at 32, 9.4 s with no extraction here). */
const POOL_DEPTH = 8;

interface Queued {
  a: LoadedArticle;
  refresh?: FileRefresh;
  /** Extraction sent to a worker, and whether it has come back. */
  pooled?: Promise<ArticleExtract | undefined>;
  settled: boolean;
  /** To be extracted off the indexing path: by a worker, or here in `x` while waiting for one. */
  here: boolean;
  x?: ArticleExtract;
}

export class TraceEngine {
  readonly loadProblems: CorpusProblem[] = [];
  /** Corpus files as last read (or taken unchanged from the persisted index). */
  private readonly files = new Map<string, FileStamp>();
  /** How the last load went: files taken from the persisted index, files read. */
  readonly loadStats = { filesFromIndex: 0, filesAppended: 0, filesRead: 0, articlesRead: 0, extractedOnWorkers: 0, extractedWhileWaiting: 0 };
  /**
   * Corpus specs the last load could not read at all. A corpus missing a part would call that
   * part's quotations unsourced: callers withhold verdicts while this is not empty.
   */
  unreadSpecs: { spec: string; message: string }[] = [];
  /** Something changed since the index was loaded or saved: worth saving again. */
  dirty = true;

  private constructor(readonly corpus: TraceCorpus, private readonly options: EngineOptions) {}

  static empty(options: EngineOptions = {}): TraceEngine {
    return new TraceEngine(new TraceCorpus(), options);
  }

  /**
   * Loads a corpus, streaming it file by file. With a persisted index, the corpus starts as the
   * index had it; files whose stamp is unchanged are not read, an archive that grew is read from
   * where it ended, other changed files are re-read (their articles with an unchanged content
   * hash are not re-extracted), vanished files are dropped.
   */
  static async load(specs: string[], options: EngineOptions = {}): Promise<TraceEngine> {
    let persisted = options.persisted ?? null;
    let corpus: TraceCorpus;
    // A persisted index that passed its checks but cannot be restored is damaged all the same:
    // it is dropped and the corpus read in full.
    try { corpus = persisted ? TraceCorpus.restore(persisted.corpus) : new TraceCorpus(); } catch (e) {
      options.onIndexDamaged?.(`the persisted index could not be restored (${(e as Error).message}): rebuilding it from the corpus`);
      persisted = null;
      corpus = new TraceCorpus();
    }
    const engine = new TraceEngine(corpus, options);
    const before = new Map<string, PersistedFile>((persisted?.files ?? []).map((f) => [f.path, f]));
    const refreshing = new Map<string, FileRefresh>();
    const seen = new Set<string>();
    corpus.index.beginBulk();
    // Articles in reading order, each with its extraction (running on a worker, done here while
    // waiting for one, or done on this thread at indexing time when neither): indexed in that
    // order, so the result is the same.
    const queue: Queued[] = [];
    let pool: ExtractPool | null = null;
    // What the workers know, for the articles this thread extracts in their place: a request
    // answered meanwhile may refresh the registry, and the index must not depend on when.
    let poolKnows: (f: string) => boolean = corpus.knownSurname;
    let read = 0;
    // The workers are kept POOL_DEPTH articles busy, oldest first; while the oldest article waits
    // on a worker, this thread extracts the newest unsent one itself (on two cores it would
    // otherwise sit idle for a third of the load). A turn of the event loop after each lets the
    // workers' results in.
    const send = (q: Queued) => {
      q.pooled = pool!.extract(q.a.text, q.a.bodyStart).catch(() => undefined);
      void q.pooled.then(() => { q.settled = true; topUp(); });
    };
    const unsent = (q: Queued) => q.here && !q.pooled && !q.x;
    const topUp = () => {
      for (let i = 0; i < queue.length && pool && pool.backlog < POOL_DEPTH; i++) if (unsent(queue[i])) send(queue[i]);
    };
    const indexNext = async () => {
      const head = queue[0];
      while (head.pooled && !head.settled) {
        let i = queue.length - 1;
        while (i > 0 && !unsent(queue[i])) i--;
        if (i === 0) break;
        queue[i].x = extractArticle(queue[i].a, poolKnows);
        engine.loadStats.extractedWhileWaiting++;
        await new Promise(setImmediate);
      }
      queue.shift();
      const x = head.pooled ? await head.pooled : head.x;
      if (x && head.pooled) engine.loadStats.extractedOnWorkers++;
      if (head.refresh ? head.refresh.take(head.a, x) : (corpus.upsert(head.a, x), true)) engine.loadStats.articlesRead++;
    };
    let r: Awaited<ReturnType<typeof streamCorpus>>;
    try {
      r = await streamCorpus(specs, {
        ...options,
        onPeople: (entries) => { corpus.setPeople(entries); },
        previous: (path) => before.get(path),
        onChangedFile: (path) => { refreshing.set(path, new FileRefresh(corpus, path)); },
        onArticle: async (a) => {
          const refresh = refreshing.get(a.path);
          const needsExtraction = !refresh?.knows(a.hash);
          // Extraction knows the people as they were when the load began (a restart that extracts
          // nothing never rebuilds the registry twice).
          if (needsExtraction && read === 0) corpus.refreshPeople();
          if (needsExtraction && ++read === POOL_AFTER && options.extractWorkers !== 0) {
            pool = ExtractPool.start(corpus.knownNames(), corpus.peopleEntries, options.extractWorkers);
            poolKnows = corpus.knownSurnameNow();
          }
          // A worker that fails leaves the article to this thread.
          queue.push({ a, refresh, settled: false, here: needsExtraction && pool !== null });
          topUp();
          while (queue.length > (pool ? READ_AHEAD : 0)) await indexNext();
        },
      });
      while (queue.length) await indexNext();
      for (const refresh of refreshing.values()) refresh.finish();
      for (const f of r.files) seen.add(f.path);
      for (const path of before.keys()) if (!seen.has(path)) corpus.removeFile(path);
    } finally {
      corpus.index.endBulk();
      await (pool as ExtractPool | null)?.close();
    }
    corpus.compact();
    corpus.refreshPeople();
    const unchanged = new Set(r.unchangedFiles);
    // Problems found in the part of a file that was not read again still stand.
    const kept = new Set([...r.unchangedFiles, ...r.appendedFiles]);
    for (const f of r.files) engine.files.set(f.path, f);
    engine.loadProblems.push(...[...before.values()].filter((f) => kept.has(f.path)).flatMap((f) => f.problems), ...r.problems);
    engine.unreadSpecs = r.unread;
    Object.assign(engine.loadStats, { filesFromIndex: unchanged.size, filesAppended: r.appendedFiles.length, filesRead: r.files.length - unchanged.size - r.appendedFiles.length });
    engine.dirty = !persisted || unchanged.size !== r.files.length || before.size !== r.files.length;
    return engine;
  }

  /** What the persisted index stores: the corpus, and each file's stamp and load problems. */
  persistedForm(): PersistedIndex {
    return { files: this.persistedFiles(), corpus: this.corpus.snapshot() };
  }

  /** The same, taken in slices so requests are answered meanwhile; nothing may change the corpus until it resolves. */
  async persistedFormInSlices(): Promise<PersistedIndex> {
    return { files: this.persistedFiles(), corpus: await this.corpus.snapshotInSlices() };
  }

  private persistedFiles(): PersistedIndex['files'] {
    const problems = new Map<string, CorpusProblem[]>();
    for (const p of this.loadProblems) { const list = problems.get(p.path); if (list) list.push(p); else problems.set(p.path, [p]); }
    return [...this.files.values()].map((f) => ({ ...f, problems: problems.get(f.path) ?? [] }));
  }

  check(text: string, options?: CheckOptions): DraftReport {
    return checkDraft(this.corpus, text, options);
  }

  /** The same check in time slices, leaving the event loop free (hovers answer while it runs). */
  checkAsync(text: string, options?: CheckOptions & { sliceMs?: number }): Promise<DraftReport> {
    return checkDraftAsync(this.corpus, text, options);
  }

  /** Re-reads one changed corpus file (article, archive or people file); the rest of the index is untouched. */
  async reloadFile(path: string, contents?: string): Promise<CorpusProblem[]> {
    this.dirty = true;
    const lower = path.toLowerCase();
    if (/people\.(ya?ml|json)$/.test(lower)) {
      const r = readPeopleEntries(path, contents);
      this.corpus.setPeople(r.entries);
      return r.problems;
    }
    let refresh: FileRefresh | undefined;
    const r = await readCorpusFile(path, this.options, (a) => { if (refresh) refresh.take(a); else this.corpus.upsert(a); }, this.files.get(path), () => { refresh = new FileRefresh(this.corpus, path); }, contents);
    refresh?.finish();
    if (r.stamp) this.files.set(path, r.stamp); else this.files.delete(path);
    return r.problems;
  }

  removeFile(path: string): number {
    this.dirty = true;
    this.files.delete(path);
    return this.corpus.removeFile(path);
  }

  /** Every problem known now: load-time ones and extraction warnings (unclosed quotes). */
  problems(): CorpusProblem[] {
    return [...this.loadProblems, ...[...this.corpus.problems.values()].flat()];
  }
}

/**
 * Re-reading a file that changed: an article whose content hash is unchanged (most of an archive
 * that grew by a line) stays as indexed, or keeps its extraction when it moved; a new or edited
 * one is indexed; one that is gone is removed.
 */
class FileRefresh {
  /** By content hash: articles still indexed under their old id, not yet met again. */
  private readonly stale = new Map<string, Article>();
  /** By content hash: extractions of stale articles whose id a re-read article took over. */
  private readonly detached = new Map<string, ArticleExtract>();

  constructor(private readonly corpus: TraceCorpus, path: string) {
    for (const a of corpus.articlesIn(path)) this.stale.set(a.hash, a);
  }

  /** Whether an article with this text was indexed before (so it needs no extraction). */
  knows(hash: string): boolean { return this.stale.has(hash) || this.detached.has(hash); }

  /** Indexes `a` unless it is unchanged; says whether it was (re)indexed. `fresh` is its extraction, if done. */
  take(a: LoadedArticle, fresh?: ArticleExtract): boolean {
    const prev = this.stale.get(a.hash);
    if (prev) this.stale.delete(a.hash);
    if (prev && prev.id === a.id && prev.line === a.line) {
      const indexed = this.corpus.article(prev.id)!;
      // Lines before it changed length: the same article, at another byte offset of the archive.
      if (prev.span?.offset !== a.span?.offset) indexed.span = a.span;
      // The hash is the text's: a line whose title or date alone was edited keeps its quotations
      // and takes the new metadata (its quotations share this article object).
      const meta = { title: a.title, outlet: a.outlet, date: a.date, url: a.url, updated: a.updated };
      if ((Object.keys(meta) as (keyof typeof meta)[]).every((k) => indexed[k] === meta[k])) return false;
      Object.assign(indexed, meta);
      return true;
    }
    let extract = this.detached.get(a.hash) ?? fresh;
    if (prev) { extract = this.corpus.extractOf(prev.id); this.corpus.remove(prev.id); }
    // Lines shifted: `a` takes the id of an article further down that has not been met yet.
    const occupant = this.corpus.article(a.id);
    if (occupant && this.stale.get(occupant.hash)?.id === a.id) {
      this.detached.set(occupant.hash, this.corpus.extractOf(a.id)!);
      this.stale.delete(occupant.hash);
    }
    this.corpus.upsert(a, extract);
    return true;
  }

  finish(): void {
    for (const a of this.stale.values()) this.corpus.remove(a.id);
  }
}

export type { DraftReport, Finding, Verdict, Code } from './check/checkDraft';
export type { Article, CorpusProblem } from './corpus/article';
