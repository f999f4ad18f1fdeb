/**
 * The indexed corpus: articles, their quotations with canonical speakers, the people
 * registry, reported changes of position, and the n-gram index. Articles are added, replaced
 * and removed one at a time; only the people registry is rebuilt on a change (it is small).
 */
import type { Article, CorpusProblem } from '../corpus/article';
import type { PersonEntry } from '../corpus/peopleFile';
import { extractQuotes, type ExtractedQuote, type Speaker } from '../extract/extract';
import type { TextProblem } from '../extract/quoteMarks';
import { PeopleRegistry, type Person } from '../people/registry';
import { LineIndex, type Range } from '../text/lineIndex';
import { quoteTokens, TokenKind } from '../text/quoteTokens';
import { foldWord } from '../text/normalize';
import { NgramIndex } from './ngramIndex';
import { Vocabulary } from './vocabulary';

export interface CorpusQuote {
  n: number;
  article: Article;
  text: string;
  start: number;
  end: number;
  /** As extracted (article-local name). */
  speaker: Speaker | null;
  speakerMention: ExtractedQuote['speakerMention'];
  /** Canonical person, when the speaker is a named person. */
  person: Person | null;
  ids: Int32Array;
  kinds: Uint8Array;
  starts: Int32Array;
  ends: Int32Array;
}

export interface PositionChangeRef {
  person: Person;
  article: Article;
  start: number;
  end: number;
  sentence: string;
}

interface ArticleEntry {
  article: Article;
  quotes: number[];
  persons: { name: string; roles: string[] }[];
  changes: { person: string; start: number; end: number }[];
  problems: TextProblem[];
  lines?: LineIndex;
}

/** What extraction found in one article, without the text: what a persisted index stores. */
export interface ArticleExtract {
  /** `text` is absent in a persisted extract: it is sliced from the article again. */
  quotes: { text?: string; start: number; end: number; speaker: Speaker | null; speakerMention: ExtractedQuote['speakerMention'] }[];
  persons: { name: string; roles: string[] }[];
  changes: { person: string; start: number; end: number }[];
  problems: TextProblem[];
}

export function extractArticle(article: Article, knownSurname?: (f: string) => boolean): ArticleExtract {
  const x = extractQuotes(article.text, { bodyStart: article.bodyStart, knownSurname });
  return {
    quotes: x.quotes.map((q) => ({ text: q.text, start: q.start, end: q.end, speaker: q.speaker, speakerMention: q.speakerMention })),
    persons: x.people.persons.map((p) => ({ name: p.name, roles: p.roles })),
    changes: x.changes.map((c) => ({ person: c.person, start: c.start, end: c.end })),
    problems: x.problems,
  };
}

export class TraceCorpus {
  readonly vocab = new Vocabulary();
  readonly index = new NgramIndex();
  readonly quotes: (CorpusQuote | null)[] = [];
  readonly problems = new Map<string, CorpusProblem[]>();
  private readonly entries = new Map<string, ArticleEntry>();
  private registry: PeopleRegistry;
  private changesCache: PositionChangeRef[] | null = null;
  private readonly freeSlots: number[] = [];
  private registryDirty = false;

  constructor(private peopleEntries: PersonEntry[] = []) {
    this.registry = new PeopleRegistry(peopleEntries);
  }

  get people(): PeopleRegistry { this.refreshPeople(); return this.registry; }
  get articleCount(): number { return this.entries.size; }
  get quoteCount(): number { return this.index.size; }
  articles(): Article[] { return [...this.entries.values()].map((e) => e.article); }
  article(id: string): Article | undefined { return this.entries.get(id)?.article; }
  hasArticle(id: string, hash: string): boolean { return this.entries.get(id)?.article.hash === hash; }

  setPeople(entries: PersonEntry[]) { this.peopleEntries = entries; this.registryDirty = true; }

  /** Surnames known anywhere, so articles that only say "Hegseth" still read it as a person. */
  knownSurname = (f: string): boolean => this.registry.resolve(f) !== undefined;

  /** Adds or replaces an article (extracting it unless a stored extraction is given). */
  upsert(article: Article, extracted?: ArticleExtract): ArticleExtract {
    this.remove(article.id);
    const x = extracted ?? extractArticle(article, this.knownSurname);
    const entry: ArticleEntry = { article, quotes: [], persons: x.persons, changes: x.changes, problems: x.problems };
    for (const q of x.quotes) {
      const t = quoteTokens(article.text, q.start, q.end, 'source');
      const ids = Int32Array.from(t.norms, (w) => this.vocab.id(w));
      const optional = Int32Array.from(ids, (id, i) => (t.kinds[i] === TokenKind.Bracketed ? -1 : id));
      const n = this.freeSlots.pop() ?? this.quotes.length;
      this.quotes[n] = {
        n, article, text: q.text ?? article.text.slice(q.start, q.end), start: q.start, end: q.end, speaker: q.speaker, speakerMention: q.speakerMention, person: null,
        ids, kinds: Uint8Array.from(t.kinds), starts: Int32Array.from(t.starts), ends: Int32Array.from(t.ends),
      };
      // Bracketed words are the editor's: n-grams skip them.
      this.index.add(n, optional.filter((id) => id >= 0));
      entry.quotes.push(n);
    }
    this.entries.set(article.id, entry);
    if (x.problems.length) this.problems.set(article.id, x.problems.map((p) => ({ path: article.path, line: article.line + lineOf(article.text, p.offset), message: p.message, severity: 'warning' })));
    this.registryDirty = true;
    this.changesCache = null;
    return x;
  }

  remove(id: string): boolean {
    const e = this.entries.get(id);
    if (!e) return false;
    for (const n of e.quotes) { this.index.remove(n); this.quotes[n] = null; this.freeSlots.push(n); }
    this.entries.delete(id);
    this.problems.delete(id);
    this.registryDirty = true;
    this.changesCache = null;
    return true;
  }

  /** Removes every article of a file (a JSONL archive holds many). */
  removeFile(path: string): number {
    let n = 0;
    for (const [id, e] of [...this.entries]) if (e.article.path === path) { this.remove(id); n++; }
    return n;
  }

  /** Rebuilds canonical people after changes: full names first, so lone surnames join them. */
  refreshPeople(): void {
    if (!this.registryDirty) return;
    this.registryDirty = false;
    const reg = new PeopleRegistry(this.peopleEntries);
    const names: { name: string; roles: string[] }[] = [];
    for (const e of this.entries.values()) names.push(...e.persons);
    for (const q of this.quotes) if (q?.speaker && !q.speaker.anonymous && !q.speaker.roleOnly) names.push({ name: q.speaker.name, roles: q.speaker.roles });
    names.sort((a, b) => b.name.split(' ').length - a.name.split(' ').length);
    for (const p of names) reg.add(p.name, p.roles);
    for (const q of this.quotes) {
      if (!q) continue;
      q.person = !q.speaker || q.speaker.anonymous ? null : q.speaker.roleOnly ? reg.byRole(q.speaker.name) ?? null : reg.resolve(q.speaker.name) ?? null;
      if (q.person) q.person.quoteCount++;
    }
    this.registry = reg;
  }

  /** Later reports that a person's position changed (about-face, reversal, walk-back …). */
  positionChanges(): PositionChangeRef[] {
    this.refreshPeople();
    if (this.changesCache) return this.changesCache;
    const out: PositionChangeRef[] = [];
    for (const e of this.entries.values()) for (const c of e.changes) {
      const person = this.registry.resolve(c.person);
      if (person) out.push({ person, article: e.article, start: c.start, end: c.end, sentence: e.article.text.slice(c.start, c.end).trim() });
    }
    this.changesCache = out;
    return out;
  }

  /** What extraction found, by content hash: what the persisted index stores. */
  extracts(): Map<string, ArticleExtract> {
    const out = new Map<string, ArticleExtract>();
    for (const e of this.entries.values()) {
      out.set(e.article.hash, {
        quotes: e.quotes.map((n) => this.quotes[n]!).map((q) => ({ start: q.start, end: q.end, speaker: q.speaker, speakerMention: q.speakerMention })),
        persons: e.persons, changes: e.changes, problems: e.problems,
      });
    }
    return out;
  }

  quotesOf(articleId: string): CorpusQuote[] {
    return (this.entries.get(articleId)?.quotes ?? []).map((n) => this.quotes[n]!).filter(Boolean);
  }

  /** Range of offsets in an article's file, in LSP positions. */
  rangeIn(article: Article, start: number, end: number): Range {
    const e = this.entries.get(article.id);
    if (!article.navigable) return { start: { line: article.line, character: 0 }, end: { line: article.line, character: 0 } };
    if (e && !e.lines) e.lines = new LineIndex(article.text);
    return (e?.lines ?? new LineIndex(article.text)).range(start, end);
  }

  /** Display name of a quotation's speaker: canonical person, or the unnamed speaker as written. */
  speakerName(q: CorpusQuote): string | null {
    this.refreshPeople();
    return q.person?.name ?? q.speaker?.name ?? null;
  }

  wordId(word: string): number { return this.vocab.lookup(foldWord(word)); }
}

function lineOf(text: string, offset: number): number {
  let n = 0;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) n++;
  return n;
}
