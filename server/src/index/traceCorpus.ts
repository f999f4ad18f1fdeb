/**
 * The indexed corpus: articles (metadata only), their quotations with canonical speakers, the
 * people registry, reported changes of position, and the n-gram index. Articles are added,
 * replaced and removed one at a time; only the people registry is rebuilt on a change.
 *
 * Memory is what limits the corpus size, so no article text is kept: each quotation keeps its
 * own words (one flat string per article holds them all, so nothing keeps the article alive),
 * its tokens live in a columnar store, and repeated names, roles and speakers are shared.
 */
import type { Article, CorpusProblem, LoadedArticle } from '../corpus/article';
import { readArticleText } from '../corpus/articleText';
import type { PersonEntry } from '../corpus/peopleFile';
import { extractQuotes, type Mention, type Speaker } from '../extract/extract';
import type { TextProblem } from '../extract/quoteMarks';
import { PeopleRegistry, type Person, type RegistrySnapshot } from '../people/registry';
import { LineIndex, type Range } from '../text/lineIndex';
import { quoteTokens, scanQuote, TokenKind } from '../text/quoteTokens';
import { ownString } from '../text/ownString';
import { runSteps, runStepsInSlices } from '../steps';
import { NgramIndex, type NgramSnapshot } from './ngramIndex';
import { TokenStore, type TokenView } from './tokenStore';
import { Vocabulary } from './vocabulary';

export interface CorpusQuote {
  n: number;
  article: Article;
  text: string;
  start: number;
  end: number;
  /** As extracted (article-local name). */
  speaker: Speaker | null;
  speakerMention: Mention | null;
  /** Canonical person, when the speaker is a named person. */
  person: Person | null;
  /** This quotation's rows in the token store. */
  tok: number;
  len: number;
}

/** How many of a person's articles are remembered for a name's hover. */
const ARTICLES_PER_PERSON = 8;

export interface PositionChangeRef {
  person: Person;
  article: Article;
  start: number;
  end: number;
  sentence: string;
}

export interface ArticleChange { person: string; start: number; end: number; sentence: string }

interface ArticleEntry {
  article: Article;
  quotes: number[];
  persons: { name: string; roles: string[] }[];
  changes: ArticleChange[];
  problems: TextProblem[];
  /** Offsets where lines start, for LSP ranges into the file (navigable articles only). */
  lineStarts: Int32Array | null;
}

/** What extraction found in one article: what a changed archive re-uses for its unchanged articles. */
export interface ArticleExtract {
  quotes: { start: number; end: number; speaker: Speaker | null; speakerMention: Mention | null }[];
  persons: { name: string; roles: string[] }[];
  changes: { person: string; start: number; end: number }[];
  problems: TextProblem[];
}

/** Everything the corpus holds, as flat tables: what the persisted index writes and reads back. */
export interface CorpusSnapshot {
  vocab: string[];
  speakers: Speaker[];
  articles: { article: Article; persons: ArticleEntry['persons']; changes: ArticleChange[]; problems: TextProblem[]; lineStarts: number[] | null }[];
  /** Per quotation number (holes have article -1): article index, start, end, token rows, speaker index, mention. */
  quoteArticle: Int32Array;
  quoteStart: Int32Array;
  quoteEnd: Int32Array;
  quoteTok: Int32Array;
  quoteLen: Int32Array;
  quoteSpeaker: Int32Array;
  mentionStart: Int32Array;
  mentionEnd: Int32Array;
  /** Index of the mention's text in `strings` (names repeat across the corpus). */
  mentionText: Int32Array;
  strings: string[];
  /**
   * Live quotations' texts, concatenated in quotation order (each is end - start long), in
   * pieces of whole quotations: one string of a million articles' quotations would pass V8's
   * longest string.
   */
  quoteText: string[];
  /** The people registry as built from these articles and people entries, and each quotation's person (-1: none). */
  people: { entries: PersonEntry[]; registry: RegistrySnapshot };
  quotePerson: Int32Array;
  tokens: TokenView;
  ngram: NgramSnapshot;
}

export function extractArticle(article: LoadedArticle, knownSurname?: (f: string) => boolean): ArticleExtract {
  const x = extractQuotes(article.text, { bodyStart: article.bodyStart, knownSurname });
  return {
    quotes: x.quotes.map((q) => ({ start: q.start, end: q.end, speaker: q.speaker, speakerMention: q.speakerMention })),
    persons: x.people.persons.map((p) => ({ name: p.name, roles: p.roles })),
    changes: x.changes.map((c) => ({ person: c.person, start: c.start, end: c.end })),
    problems: x.problems,
  };
}

export class TraceCorpus {
  vocab = new Vocabulary();
  index = new NgramIndex();
  readonly tokens: TokenStore;
  readonly quotes: (CorpusQuote | null)[] = [];
  readonly problems = new Map<string, CorpusProblem[]>();
  private readonly entries = new Map<string, ArticleEntry>();
  private registry: PeopleRegistry;
  private changesCache: PositionChangeRef[] | null = null;
  private registryDirty = false;
  private readonly strings = new Map<string, string>();
  private readonly speakers = new Map<string, Speaker>();

  constructor(public peopleEntries: PersonEntry[] = [], tokens = new TokenStore()) {
    this.registry = new PeopleRegistry(peopleEntries);
    this.tokens = tokens;
  }

  get people(): PeopleRegistry { this.refreshPeople(); return this.registry; }
  get articleCount(): number { return this.entries.size; }
  get quoteCount(): number { return this.index.size; }
  articles(): Article[] { return [...this.entries.values()].map((e) => e.article); }
  article(id: string): Article | undefined { return this.entries.get(id)?.article; }

  /** The people files' entries; the same entries again change nothing. */
  setPeople(entries: PersonEntry[]) {
    if (JSON.stringify(entries) === JSON.stringify(this.peopleEntries)) return;
    this.peopleEntries = entries;
    this.registryDirty = true;
  }

  /** The names extraction knows right now (not refreshed): what an extraction worker must know too. */
  knownNames(): string[] { return this.registry.persons.filter((p) => !p.curated).map((p) => p.name); }

  /** Surnames known anywhere, so articles that only say "Hegseth" still read it as a person. */
  knownSurname = (f: string): boolean => this.registry.resolve(f) !== undefined;
  /** The same question, asked of the registry as it is now, whatever refreshes it later. */
  knownSurnameNow(): (f: string) => boolean { const reg = this.registry; return (f) => reg.resolve(f) !== undefined; }

  /** A quotation's words: ids and kinds. */
  tokensOf(q: CorpusQuote): TokenView { return this.tokens.view(q.tok, q.len); }

  /** Where a quotation's words are in its article: re-tokenised from its text (only matches that are reported need it). */
  offsetsOf(q: CorpusQuote): { starts: number[]; ends: number[] } {
    const t = quoteTokens(q.text, 0, q.text.length, 'source');
    return { starts: t.starts.map((x) => x + q.start), ends: t.ends.map((x) => x + q.start) };
  }

  /** Adds or replaces an article (extracting it unless a stored extraction is given). Its text is not kept. */
  upsert(loaded: LoadedArticle, extracted?: ArticleExtract): ArticleExtract {
    this.remove(loaded.id);
    const x = extracted ?? extractArticle(loaded, this.knownSurname);
    const text = loaded.text;
    const article: Article = {
      id: loaded.id, path: loaded.path, line: loaded.line, title: loaded.title, outlet: loaded.outlet, date: loaded.date, url: loaded.url,
      updated: loaded.updated, bodyStart: loaded.bodyStart, hash: loaded.hash, navigable: loaded.navigable, span: loaded.span,
      ...(loaded.metaFrom ? { metaFrom: loaded.metaFrom } : {}),
    };
    const entry: ArticleEntry = {
      article, quotes: [],
      persons: x.persons.map((p) => ({ name: this.intern(p.name), roles: p.roles.map((r) => this.intern(r)) })),
      changes: x.changes.map((c) => ({ person: this.intern(c.person), start: c.start, end: c.end, sentence: ownString(text.slice(c.start, c.end).trim()) })),
      problems: x.problems.map((p) => ({ offset: p.offset, message: ownString(p.message) })),
      lineStarts: loaded.navigable ? Int32Array.from(LineIndex.startsOf(text)) : null,
    };
    // One fresh string holds every quotation of the article; each quotation is a slice of it.
    const arena = [...x.quotes.map((q) => text.slice(q.start, q.end)), ''].join('\n');
    let at = 0;
    for (const q of x.quotes) {
      const ids: number[] = [], kinds: TokenKind[] = [];
      scanQuote(text, q.start, q.end, 'source', (from, to, kind) => this.vocab.idsInto(text, from, to, kind, ids, kinds));
      const n = this.quotes.length;
      this.quotes.push({
        n, article, text: arena.slice(at, at + q.end - q.start), start: q.start, end: q.end,
        speaker: this.speaker(q.speaker), speakerMention: q.speakerMention && { text: this.intern(q.speakerMention.text), start: q.speakerMention.start, end: q.speakerMention.end },
        person: null, tok: this.tokens.append(ids, kinds), len: ids.length,
      });
      at += q.end - q.start + 1;
      // Bracketed words are the editor's: n-grams skip them.
      this.index.add(n, kinds.includes(TokenKind.Bracketed) ? ids.filter((_, i) => kinds[i] !== TokenKind.Bracketed) : ids);
      entry.quotes.push(n);
    }
    this.entries.set(article.id, entry);
    if (entry.problems.length) this.problems.set(article.id, problemsOf(entry));
    this.registryDirty = true;
    this.changesCache = null;
    this.articlesByPerson = null;
    return x;
  }

  remove(id: string): boolean {
    const e = this.entries.get(id);
    if (!e) return false;
    for (const n of e.quotes) {
      const q = this.quotes[n]!;
      this.index.remove(n, 2 * q.len);
      this.tokens.release(q.len);
      this.quotes[n] = null;
    }
    this.entries.delete(id);
    this.problems.delete(id);
    this.registryDirty = true;
    this.changesCache = null;
    this.articlesByPerson = null;
    return true;
  }

  /** Removes every article of a file (a JSONL archive holds many). */
  removeFile(path: string): number {
    const ids = this.articlesIn(path).map((a) => a.id);
    for (const id of ids) this.remove(id);
    return ids.length;
  }

  articlesIn(path: string): Article[] {
    const out: Article[] = [];
    for (const e of this.entries.values()) if (e.article.path === path) out.push(e.article);
    return out;
  }

  /** After a batch of changes: folds the index delta in and drops removed quotations' rows. */
  compact(): void {
    if (this.index.untidy) this.index.compact();
    if (!this.tokens.untidy) return;
    const live = this.quotes.filter((q): q is CorpusQuote => q !== null);
    const byTok = new Map(live.map((q) => [q.tok, q]));
    this.tokens.compact(live.map((q) => ({ from: q.tok, count: q.len })), (from, to) => { byTok.get(from)!.tok = to; });
  }

  /** Rebuilds canonical people after changes: full names first, so lone surnames join them. */
  refreshPeople(): void {
    if (!this.registryDirty) return;
    this.registryDirty = false;
    const reg = new PeopleRegistry(this.peopleEntries);
    // Distinct names only: a corpus repeats its speakers thousands of times.
    const names = new Map<string, Set<string>>();
    const see = (name: string, roles: string[]) => { let r = names.get(name); if (!r) names.set(name, (r = new Set())); for (const x of roles) r.add(x); };
    for (const e of this.entries.values()) for (const p of e.persons) see(p.name, p.roles);
    const speakers = new Set<Speaker>();
    for (const q of this.quotes) if (q?.speaker) speakers.add(q.speaker);
    // Only speakers with evidence of a person join the registry: organisations never, and a lone
    // capitalised word only joins a person named in full elsewhere.
    for (const s of speakers) if (!s.anonymous && !s.roleOnly && !s.kind && s.via !== 'lone-name') see(s.name, s.roles);
    const order = [...names].sort((a, b) => wordsIn(b[0]) - wordsIn(a[0]));
    for (const [name, roles] of order) reg.add(name, [...roles]);
    const personOf = new Map<Speaker, Person | null>();
    for (const q of this.quotes) {
      if (!q) continue;
      const s = q.speaker;
      if (!s || s.anonymous || s.kind) { q.person = null; continue; }
      let p = personOf.get(s);
      if (p === undefined) personOf.set(s, (p = (s.roleOnly ? reg.byRole(s.name) : reg.resolve(s.name)) ?? null));
      q.person = p;
      if (p) p.quoteCount++;
    }
    this.registry = reg;
    this.articlesByPerson = null;
  }

  /** Articles that quote a person (the first few, in corpus order): what a name's hover lists. */
  articlesQuoting(person: Person): Article[] {
    this.refreshPeople();
    if (!this.articlesByPerson) {
      // Built once on the first name hover (one pass over the quotations), dropped when the corpus changes.
      const byPerson = new Map<number, Set<Article>>();
      for (const q of this.quotes) {
        if (!q?.person) continue;
        let set = byPerson.get(q.person.id);
        if (!set) byPerson.set(q.person.id, (set = new Set()));
        if (set.size < ARTICLES_PER_PERSON) set.add(q.article);
      }
      this.articlesByPerson = byPerson;
    }
    return [...(this.articlesByPerson.get(person.id) ?? [])];
  }
  private articlesByPerson: Map<number, Set<Article>> | null = null;

  /** Later reports that a person's position changed (about-face, reversal, walk-back …). */
  positionChanges(): PositionChangeRef[] {
    this.refreshPeople();
    if (this.changesCache) return this.changesCache;
    const out: PositionChangeRef[] = [];
    for (const e of this.entries.values()) for (const c of e.changes) {
      const person = this.registry.resolve(c.person);
      if (person) out.push({ person, article: e.article, start: c.start, end: c.end, sentence: c.sentence });
    }
    this.changesCache = out;
    this.changesByPerson = new Map();
    for (const c of out) {
      const list = this.changesByPerson.get(c.person.id);
      if (list) list.push(c); else this.changesByPerson.set(c.person.id, [c]);
    }
    return out;
  }

  /** The reported changes of one person's position: a check asks for each quotation, so not a scan of them all. */
  changesOf(person: Person): PositionChangeRef[] {
    this.positionChanges();
    return this.changesByPerson.get(person.id) ?? [];
  }
  private changesByPerson = new Map<number, PositionChangeRef[]>();

  /** What extraction found in one indexed article (so moving it re-extracts nothing). */
  extractOf(id: string): ArticleExtract | undefined {
    const e = this.entries.get(id);
    return e && this.extractOfEntry(e);
  }

  private extractOfEntry(e: ArticleEntry): ArticleExtract {
    return {
      quotes: e.quotes.map((n) => this.quotes[n]!).map((q) => ({ start: q.start, end: q.end, speaker: q.speaker, speakerMention: q.speakerMention })),
      persons: e.persons, changes: e.changes, problems: e.problems,
    };
  }

  quotesOf(articleId: string): CorpusQuote[] {
    return (this.entries.get(articleId)?.quotes ?? []).map((n) => this.quotes[n]!).filter(Boolean);
  }

  /** Range of offsets in an article's file, in LSP positions. */
  rangeIn(article: Article, start: number, end: number): Range {
    if (!article.navigable) return { start: { line: article.line, character: 0 }, end: { line: article.line, character: 0 } };
    const starts = this.entries.get(article.id)?.lineStarts;
    if (starts) return { start: LineIndex.positionIn(starts, start), end: LineIndex.positionIn(starts, end) };
    const text = readArticleText(article);
    return text === null ? { start: { line: article.line, character: 0 }, end: { line: article.line, character: 0 } } : new LineIndex(text).range(start, end);
  }

  /** Display name of a quotation's speaker: canonical person, or the unnamed speaker as written. */
  speakerName(q: CorpusQuote): string | null {
    this.refreshPeople();
    return q.person?.name ?? q.speaker?.name ?? null;
  }

  /** The whole corpus as flat tables, for the persisted index (compacts first). */
  snapshot(): CorpusSnapshot {
    return runSteps(this.snapshotSteps())!;
  }

  /**
   * The same snapshot, taken in slices of `sliceMs` between which the event loop runs (a language
   * server answers hovers while it saves). The caller must not change the corpus until it resolves.
   */
  async snapshotInSlices(sliceMs?: number): Promise<CorpusSnapshot> {
    return (await runStepsInSlices(this.snapshotSteps(), { sliceMs }))!;
  }

  private *snapshotSteps(): Generator<void, CorpusSnapshot> {
    this.compact();
    this.refreshPeople();
    const slots = this.quotes.length;
    const articleIndex = new Map<string, number>();
    const articles: CorpusSnapshot['articles'] = [];
    for (const e of this.entries.values()) {
      articleIndex.set(e.article.id, articles.length);
      articles.push({ article: e.article, persons: e.persons, changes: e.changes, problems: e.problems, lineStarts: e.lineStarts ? [...e.lineStarts] : null });
    }
    const speakers: Speaker[] = [];
    const speakerIndex = new Map<Speaker, number>();
    const cols = { quotePerson: new Int32Array(slots).fill(-1), quoteArticle: new Int32Array(slots).fill(-1), quoteStart: new Int32Array(slots), quoteEnd: new Int32Array(slots), quoteTok: new Int32Array(slots), quoteLen: new Int32Array(slots), quoteSpeaker: new Int32Array(slots).fill(-1), mentionStart: new Int32Array(slots).fill(-1), mentionEnd: new Int32Array(slots).fill(-1), mentionText: new Int32Array(slots).fill(-1) };
    const strings: string[] = [];
    const stringIndex = new Map<string, number>();
    const texts: string[] = [];
    let walked = 0;
    for (const q of this.quotes) {
      if (++walked % SNAPSHOT_STEP === 0) yield;
      if (!q) continue;
      const n = q.n;
      cols.quoteArticle[n] = articleIndex.get(q.article.id)!;
      cols.quoteStart[n] = q.start; cols.quoteEnd[n] = q.end; cols.quoteTok[n] = q.tok; cols.quoteLen[n] = q.len;
      if (q.person) cols.quotePerson[n] = q.person.id;
      if (q.speaker) {
        let si = speakerIndex.get(q.speaker);
        if (si === undefined) { si = speakers.length; speakers.push(q.speaker); speakerIndex.set(q.speaker, si); }
        cols.quoteSpeaker[n] = si;
      }
      if (q.speakerMention) {
        const t = q.speakerMention.text;
        let si = stringIndex.get(t);
        if (si === undefined) { si = strings.length; strings.push(t); stringIndex.set(t, si); }
        cols.mentionStart[n] = q.speakerMention.start; cols.mentionEnd[n] = q.speakerMention.end; cols.mentionText[n] = si;
      }
      texts.push(q.text);
    }
    const pieces: string[] = [];
    for (let i = 0; i < texts.length; i += TEXT_PIECE) pieces.push(texts.slice(i, i + TEXT_PIECE).join(''));
    return { vocab: this.vocab.words, speakers, articles, ...cols, strings, quoteText: pieces, tokens: this.tokens.columns(), ngram: this.index.snapshot(), people: { entries: this.peopleEntries, registry: this.registry.snapshot() } };
  }

  /** A corpus from a snapshot: nothing is re-read, re-extracted or re-indexed. */
  static restore(s: CorpusSnapshot): TraceCorpus {
    const corpus = new TraceCorpus(s.people.entries, TokenStore.from(s.tokens));
    corpus.registry = PeopleRegistry.restore(s.people.registry);
    corpus.vocab = Vocabulary.from(s.vocab);
    const speakers = s.speakers.map((sp) => corpus.speaker(sp)!);
    const entries = s.articles.map((a) => {
      const entry: ArticleEntry = { article: a.article, quotes: [], persons: a.persons, changes: a.changes, problems: a.problems, lineStarts: a.lineStarts ? Int32Array.from(a.lineStarts) : null };
      corpus.entries.set(a.article.id, entry);
      return entry;
    });
    const strings = s.strings.map((x) => corpus.intern(x));
    let at = 0, piece = 0;
    for (let n = 0; n < s.quoteArticle.length; n++) {
      const ai = s.quoteArticle[n];
      if (ai < 0) { corpus.quotes.push(null); continue; }
      const entry = entries[ai];
      const start = s.quoteStart[n], end = s.quoteEnd[n];
      if (at >= s.quoteText[piece].length && end > start) { piece++; at = 0; }
      corpus.quotes.push({
        n, article: entry.article, text: s.quoteText[piece].slice(at, at + end - start), start, end,
        speaker: s.quoteSpeaker[n] >= 0 ? speakers[s.quoteSpeaker[n]] : null,
        speakerMention: s.mentionStart[n] >= 0 ? { text: strings[s.mentionText[n]], start: s.mentionStart[n], end: s.mentionEnd[n] } : null,
        person: s.quotePerson[n] >= 0 ? corpus.registry.persons[s.quotePerson[n]] : null, tok: s.quoteTok[n], len: s.quoteLen[n],
      });
      at += end - start;
      entry.quotes.push(n);
    }
    for (const e of entries) {
      if (e.problems.length) corpus.problems.set(e.article.id, problemsOf(e));
    }
    corpus.index = NgramIndex.restore(s.ngram, s.quoteArticle.length, (n) => s.quoteArticle[n] >= 0);
    return corpus;
  }

  private intern(s: string): string {
    let v = this.strings.get(s);
    if (v === undefined) this.strings.set((v = ownString(s)), v);
    return v;
  }

  /** One shared object per distinct speaker: they repeat across thousands of quotations. */
  private speaker(s: Speaker | null): Speaker | null {
    if (!s) return null;
    const key = `${s.anonymous ? 1 : 0}${s.roleOnly ? 1 : 0}${s.kind ?? ''}\u0000${s.via ?? ''}\u0000${s.name}\u0000${s.roles.join('\u0000')}`;
    let v = this.speakers.get(key);
    if (!v) {
      v = { name: this.intern(s.name), anonymous: s.anonymous, roles: s.roles.map((r) => this.intern(r)) };
      if (s.roleOnly) v.roleOnly = true;
      if (s.kind) v.kind = s.kind;
      if (s.via) v.via = s.via;
      this.speakers.set(key, v);
    }
    return v;
  }
}

const wordsIn = (name: string) => name.split(' ').length;

/** Extraction warnings at file lines (a JSONL article's text has no lines of the file: its own line). */
function problemsOf(e: ArticleEntry): CorpusProblem[] {
  return e.problems.map((p) => ({ path: e.article.path, line: e.article.line + (e.lineStarts ? LineIndex.positionIn(e.lineStarts, p.offset).line : 0), message: p.message, severity: 'warning' }));
}
/** Quotations per piece of the persisted quotation text. */
const TEXT_PIECE = 50_000;
/** Quotations walked between two points where a snapshot taken in slices may pause. */
const SNAPSHOT_STEP = 256;
