/**
 * The engine's front door: load a corpus, keep it indexed, check drafts. Plain TypeScript,
 * no LSP or VS Code: the language server and the command line both sit on this.
 */
import type { Article, CorpusProblem } from './corpus/article';
import { loadCorpus, readArticleFile, readJsonl, type LoadOptions } from './corpus/load';
import { readPeopleEntries } from './corpus/peopleFile';
import { checkDraft, checkDraftAsync, type CheckOptions, type DraftReport } from './check/checkDraft';
import { TraceCorpus, type ArticleExtract } from './index/traceCorpus';

export interface EngineOptions extends LoadOptions {
  /** Extractions from a persisted index, by article content hash: unchanged articles are not re-read. */
  cache?: Map<string, ArticleExtract>;
}

export class TraceEngine {
  readonly loadProblems: CorpusProblem[] = [];
  private constructor(readonly corpus: TraceCorpus, private readonly options: EngineOptions) {}

  static empty(options: EngineOptions = {}): TraceEngine {
    return new TraceEngine(new TraceCorpus(), options);
  }

  static async load(specs: string[], options: EngineOptions = {}): Promise<TraceEngine> {
    const loaded = await loadCorpus(specs, options);
    const engine = new TraceEngine(new TraceCorpus(loaded.people), options);
    engine.loadProblems.push(...loaded.problems);
    engine.addAll(loaded.articles);
    return engine;
  }

  /** Adds articles; extraction reuses the cache where the content hash is unchanged. */
  addAll(articles: Article[]): void {
    this.corpus.index.beginBulk();
    try {
      for (const a of articles) this.corpus.upsert(a, this.options.cache?.get(a.hash));
    } finally {
      this.corpus.index.endBulk();
    }
    this.corpus.refreshPeople();
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
    const lower = path.toLowerCase();
    if (/people\.(ya?ml|json)$/.test(lower)) {
      const r = readPeopleEntries(path, contents);
      this.corpus.setPeople(r.entries);
      return r.problems;
    }
    this.corpus.removeFile(path);
    const r = lower.endsWith('.jsonl') ? await readJsonl(path, this.options) : readArticleFile(path, this.options, contents);
    for (const a of r.articles) this.corpus.upsert(a, this.options.cache?.get(a.hash));
    return r.problems;
  }

  removeFile(path: string): number {
    return this.corpus.removeFile(path);
  }

  /** Every problem known now: load-time ones and extraction warnings (unclosed quotes). */
  problems(): CorpusProblem[] {
    return [...this.loadProblems, ...[...this.corpus.problems.values()].flat()];
  }
}

export type { DraftReport, Finding, Verdict, Code } from './check/checkDraft';
export type { Article, CorpusProblem } from './corpus/article';
