/**
 * The persisted index's article table: every article's metadata and the people it names, as
 * one array per field instead of one object per article. At 100,000 articles the objects made a
 * 48 MB JSON header whose parsing was most of a restart; arrays of numbers and strings parse
 * several times faster, and names, roles and outlets repeated across articles are stored (and
 * restored, shared) once.
 */
import type { CorpusSnapshot } from './traceCorpus';
import type { Article } from '../corpus/article';

type ArticleRow = CorpusSnapshot['articles'][number];

export interface ArticleTable {
  paths: string[];
  /** Outlets, person names and roles: each distinct one once. */
  names: string[];
  path: number[];
  /** The id without its path prefix (most ids are the path, or the path and `#L<n>`). */
  id: string[];
  line: number[];
  title: (string | null)[];
  /** Index into `names`, -1 for none. */
  outlet: number[];
  date: (string | null)[];
  url: (string | null)[];
  updated: (string | boolean | null)[];
  bodyStart: number[];
  hash: string[];
  navigable: number[];
  /** Offset and length of the JSONL line per article; -1, -1 for none. */
  span: number[];
  /** Per article: number of persons, then per person: name, number of roles, roles (all indices into `names`). */
  persons: number[];
  /** Articles with position changes, extraction problems or line starts (few): by article index. */
  rare: Record<number, Pick<ArticleRow, 'changes' | 'problems' | 'lineStarts'> & { metaFrom?: Article['metaFrom'] }>;
}

/** Articles encoded between which the caller may let the event loop run (every few thousand). */
export function* encodeArticles(rows: ArticleRow[]): Generator<void, ArticleTable> {
  const t: ArticleTable = { paths: [], names: [], path: [], id: [], line: [], title: [], outlet: [], date: [], url: [], updated: [], bodyStart: [], hash: [], navigable: [], span: [], persons: [], rare: {} };
  const pathIndex = new Map<string, number>();
  const nameIndex = new Map<string, number>();
  const name = (s: string) => {
    let i = nameIndex.get(s);
    if (i === undefined) { i = t.names.length; t.names.push(s); nameIndex.set(s, i); }
    return i;
  };
  for (let k = 0; k < rows.length; k++) {
    if (k % 5000 === 4999) yield;
    const row = rows[k];
    const a = row.article;
    let pi = pathIndex.get(a.path);
    if (pi === undefined) { pi = t.paths.length; t.paths.push(a.path); pathIndex.set(a.path, pi); }
    t.path.push(pi);
    t.id.push(a.id.startsWith(a.path) ? a.id.slice(a.path.length) : `\u0000${a.id}`);
    t.line.push(a.line); t.title.push(a.title); t.outlet.push(a.outlet === null ? -1 : name(a.outlet));
    t.date.push(a.date); t.url.push(a.url); t.updated.push(a.updated); t.bodyStart.push(a.bodyStart);
    t.hash.push(a.hash); t.navigable.push(a.navigable ? 1 : 0);
    t.span.push(a.span?.offset ?? -1, a.span?.length ?? -1);
    t.persons.push(row.persons.length);
    for (const p of row.persons) t.persons.push(name(p.name), p.roles.length, ...p.roles.map(name));
    if (row.changes.length || row.problems.length || row.lineStarts || a.metaFrom) t.rare[k] = { changes: row.changes, problems: row.problems, lineStarts: row.lineStarts, ...(a.metaFrom ? { metaFrom: a.metaFrom } : {}) };
  }
  return t;
}

export function decodeArticles(t: ArticleTable): ArticleRow[] {
  const rows: ArticleRow[] = new Array(t.id.length);
  let p = 0;
  for (let k = 0; k < rows.length; k++) {
    const path = t.paths[t.path[k]];
    const id = t.id[k].startsWith('\u0000') ? t.id[k].slice(1) : path + t.id[k];
    const persons: ArticleRow['persons'] = [];
    for (let n = t.persons[p++]; n > 0; n--) {
      const person = t.names[t.persons[p++]];
      const roles: string[] = [];
      for (let r = t.persons[p++]; r > 0; r--) roles.push(t.names[t.persons[p++]]);
      persons.push({ name: person, roles });
    }
    const rare = t.rare[k];
    rows[k] = {
      article: {
        id, path, line: t.line[k], title: t.title[k], outlet: t.outlet[k] < 0 ? null : t.names[t.outlet[k]], date: t.date[k], url: t.url[k],
        updated: t.updated[k], bodyStart: t.bodyStart[k], hash: t.hash[k], navigable: t.navigable[k] === 1,
        span: t.span[2 * k] < 0 ? null : { offset: t.span[2 * k], length: t.span[2 * k + 1] },
        ...metaFromOf(rare?.metaFrom),
      },
      persons, changes: rare?.changes ?? [], problems: rare?.problems ?? [], lineStarts: rare?.lineStarts ?? null,
    };
  }
  return rows;
}

/** Where a plain-text article's title and date came from: only the words the loader writes pass (the file is untrusted). */
function metaFromOf(m: unknown): Pick<Article, 'metaFrom'> {
  if (!m || typeof m !== 'object') return {};
  const { title, date } = m as Record<string, unknown>;
  const out: NonNullable<Article['metaFrom']> = {};
  if (title === 'first line') out.title = title;
  if (date === 'file name' || date === 'dateline') out.date = date;
  return out.title || out.date ? { metaFrom: out } : {};
}
