/** Loads a corpus: Markdown/text articles with optional front matter, JSONL archives, a people file. */
import { createHash, type Hash } from 'node:crypto';
import { createReadStream, readFileSync, statSync } from 'node:fs';
import { relative } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { CorpusProblem, FileStamp, LoadedArticle } from './article';
import { decodeArticle } from './decode';
import { findCorpusFiles, type FindOptions } from './files';
import { isoDate, splitFrontMatter } from './frontMatter';
import { inferPlainMeta } from './plainText';
import { type PersonEntry, readPeopleEntries } from './peopleFile';

export interface LoadOptions extends FindOptions {
  cwd?: string;
  /** Larger files are reported and skipped. */
  maxFileBytes?: number;
  /** Longer JSONL lines are reported and skipped, without being held in memory. */
  maxLineBytes?: number;
  onProgress?: (filesDone: number, filesTotal: number, articles: number) => void;
}

export interface StreamOptions extends LoadOptions {
  /** Each article as it is read: the caller indexes it and lets its text go (a promise slows the reading). */
  onArticle: (article: LoadedArticle) => void | Promise<void>;
  /** How each file was when the persisted index was written: an unchanged file is not read at all, a grown archive only from where it ended. */
  previous?: (path: string) => FileStamp | undefined;
  /** A file of the persisted index changed (not just grew): its articles are about to be read again. */
  onChangedFile?: (path: string) => void;
  /** The people files' entries, before any article (extraction knows their surnames). */
  onPeople?: (entries: PersonEntry[]) => void;
}

export interface LoadedCorpus { articles: LoadedArticle[]; problems: CorpusProblem[]; people: PersonEntry[]; peopleFiles: string[]; files: FileStamp[] }
export interface StreamedCorpus { unread: { spec: string; message: string }[]; problems: CorpusProblem[]; people: PersonEntry[]; peopleFiles: string[]; files: FileStamp[]; unchangedFiles: string[]; appendedFiles: string[] }

export const DEFAULT_MAX_FILE_BYTES = 20 * 1024 * 1024;
export const DEFAULT_MAX_LINE_BYTES = 8 * 1024 * 1024;

/** Loads a whole corpus into memory (tests, small corpora). The engine streams instead. */
export async function loadCorpus(specs: string[], options: LoadOptions = {}): Promise<LoadedCorpus> {
  const articles: LoadedArticle[] = [];
  const r = await streamCorpus(specs, { ...options, onArticle: (a) => { articles.push(a); } });
  return { articles, problems: r.problems, people: r.people, peopleFiles: r.peopleFiles, files: r.files };
}

/**
 * Reads a corpus file by file, handing each article to `onArticle` as it is read, so no more
 * than one file's text (one line's, for a JSONL archive) is held at a time.
 */
export async function streamCorpus(specs: string[], options: StreamOptions): Promise<StreamedCorpus> {
  const cwd = options.cwd ?? process.cwd();
  const found = findCorpusFiles(specs, cwd, options);
  const out: StreamedCorpus = { unread: found.unread, problems: found.problems.map((p) => ({ ...p, line: 0, severity: 'warning' })), people: [], peopleFiles: found.people, files: [], unchangedFiles: [], appendedFiles: [] };
  const byHash = new Map<string, string>();
  for (const file of found.people) {
    const r = readPeopleEntries(file);
    for (const e of r.entries) out.people.push(e);
    addProblems(out.problems, r.problems);
  }
  options.onPeople?.(out.people);
  let done = 0, count = 0;
  const take = async (a: LoadedArticle) => {
    const first = byHash.get(a.hash);
    if (first) { out.problems.push({ path: a.path, line: a.line, severity: 'warning', message: `duplicate of ${displayPath(cwd, first)}; skipped` }); return; }
    byHash.set(a.hash, a.id);
    count++;
    await options.onArticle(a);
  };
  for (const file of found.files) {
    const previous = options.previous?.(file);
    const r = await readCorpusFile(file, options, take, previous, () => { if (previous) options.onChangedFile?.(file); });
    if (r.stamp) out.files.push(r.stamp);
    if (r.read === 'unchanged') out.unchangedFiles.push(file);
    if (r.read === 'appended') out.appendedFiles.push(file);
    addProblems(out.problems, r.problems);
    options.onProgress?.(++done, found.files.length, count);
  }
  return out;
}

/**
 * Reads one corpus file, as little of it as its previous stamp allows: nothing when unchanged,
 * only the new lines of an archive that grew (its old bytes hash as before), else all of it.
 * `onChanged` is called before a changed file is read again in whole.
 */
export async function readCorpusFile(file: string, options: LoadOptions, take: (a: LoadedArticle) => void | Promise<void>, previous?: FileStamp, onChanged?: () => void, contents?: string): Promise<{ stamp: FileStamp | null; read: 'unchanged' | 'appended' | 'whole'; problems: CorpusProblem[] }> {
  const stamp = stampOf(file);
  // However the file was named to us (a folder walk, a watched-file event), only a regular file is read.
  if (contents === undefined) {
    let regular = false;
    try { regular = statSync(file).isFile(); } catch { /* vanished: read below reports it */ regular = true; }
    if (!regular) return { stamp: null, read: 'whole', problems: [{ path: file, line: 0, severity: 'warning', message: 'not a regular file (a device, a FIFO or a socket); skipped' }] };
  }
  if (contents === undefined && stamp && previous && previous.mtimeMs === stamp.mtimeMs && previous.size === stamp.size) return { stamp: previous, read: 'unchanged', problems: [] };
  if (!file.toLowerCase().endsWith('.jsonl')) {
    onChanged?.();
    const loaded = readArticleFile(file, options, contents);
    for (const a of loaded.articles) await take(a);
    return { stamp, read: 'whole', problems: loaded.problems };
  }
  let resume: JsonlResume | undefined;
  if (stamp && previous?.sha1 && previous.lines !== undefined && stamp.size > previous.size) {
    const hash = await hashPrefix(file, previous.size);
    if (hash?.copy().digest('hex') === previous.sha1) resume = { offset: previous.size, line: previous.lines, hash };
  }
  if (!resume) onChanged?.();
  const r = await readJsonl(file, options, take, resume);
  return { stamp: stamp && { ...stamp, size: r.bytes, lines: r.lines, sha1: r.sha1 }, read: resume ? 'appended' : 'whole', problems: r.problems };
}

/** Where reading an archive that grew picks up: after its last complete line, with the hash of what came before. */
export interface JsonlResume { offset: number; line: number; hash: Hash }

async function hashPrefix(path: string, size: number): Promise<Hash | null> {
  const hash = createHash('sha1');
  try {
    for await (const chunk of createReadStream(path, { start: 0, end: size - 1, highWaterMark: 1 << 20 })) hash.update(chunk as Buffer);
    return hash;
  } catch {
    return null;
  }
}

export function stampOf(path: string): FileStamp | null {
  // Whole milliseconds: what every file system and copy tool keeps.
  try { const st = statSync(path); return { path, mtimeMs: Math.trunc(st.mtimeMs), size: st.size }; } catch { return null; }
}

function displayPath(cwd: string, p: string): string {
  const r = relative(cwd, p);
  return r && !r.startsWith('..') ? r : p;
}

/** Problems a single file may add before the rest are counted in one line: 130,000 broken lines are one report, not a flood. */
export const MAX_PROBLEMS_PER_FILE = 100;

/** Appends a file's problems, capped and counted (never `push(...many)`: a spread of that size overflows the stack). */
export function addProblems(into: CorpusProblem[], problems: CorpusProblem[]) {
  const n = Math.min(problems.length, MAX_PROBLEMS_PER_FILE);
  for (let i = 0; i < n; i++) into.push(problems[i]);
  if (problems.length > n) into.push({ ...problems[n], message: `and ${problems.length - n} more problems in this file` });
}

export function hashText(text: string): string {
  return createHash('sha1').update(text).digest('hex');
}

/** Reads one .md or .txt article. Exported for incremental re-indexing of a changed file. */
export function readArticleFile(path: string, options: { maxFileBytes?: number } = {}, contents?: string): { articles: LoadedArticle[]; problems: CorpusProblem[] } {
  const problem = (message: string, line = 0, severity: 'error' | 'warning' = 'error') => ({ path, line, message, severity });
  let text = contents;
  if (text === undefined) {
    const max = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
    let size: number;
    try { size = statSync(path).size; } catch (e) { return { articles: [], problems: [problem(`cannot read: ${(e as Error).message}`)] }; }
    if (size > max) return { articles: [], problems: [problem(`too large (${mb(size)} MB, limit ${mb(max)} MB); skipped`)] };
    let bytes: Buffer;
    try { bytes = readFileSync(path); } catch (e) { return { articles: [], problems: [problem(`cannot read: ${(e as Error).message}`)] }; }
    const decoded = decodeArticle(bytes);
    if (decoded.text === null) return { articles: [], problems: [problem(`${decoded.error}; skipped`, 0, decoded.error === 'empty file' ? 'warning' : 'error')] };
    text = decoded.text;
    if (decoded.warning) {
      const r = articleFromText(path, text);
      return { articles: r.articles, problems: [problem(decoded.warning, 0, 'warning'), ...r.problems] };
    }
  }
  return articleFromText(path, text);
}

function articleFromText(path: string, text: string): { articles: LoadedArticle[]; problems: CorpusProblem[] } {
  if (!/\S/.test(text)) return { articles: [], problems: [{ path, line: 0, severity: 'warning', message: 'empty file; skipped' }] };
  const problems: CorpusProblem[] = [];
  const fm = splitFrontMatter(text);
  if (fm.error) problems.push({ path, line: fm.error.line, severity: 'error', message: `${fm.error.message}; read without metadata` });
  const meta = readMeta(fm.data, (line, message) => problems.push({ path, line, severity: 'warning', message }), text);
  const article: LoadedArticle = { id: path, path, line: 0, ...meta, text, bodyStart: fm.bodyStart, hash: hashText(text), navigable: true, span: null };
  // A .txt article without front matter: its headline and dateline (or the file name's date).
  if (path.toLowerCase().endsWith('.txt') && (meta.title === null || meta.date === null) && !('date' in fm.data && meta.date === null)) {
    const inferred = inferPlainMeta(path, text, fm.bodyStart);
    const from: NonNullable<LoadedArticle['metaFrom']> = {};
    if (meta.title === null && inferred.title) { article.title = inferred.title; from.title = inferred.from.title; }
    if (meta.date === null && inferred.date) { article.date = inferred.date; from.date = inferred.from.date; }
    if (from.title || from.date) article.metaFrom = from;
  }
  return { articles: [article], problems };
}

type Meta = Pick<LoadedArticle, 'title' | 'outlet' | 'date' | 'url' | 'updated'>;

function readMeta(data: Record<string, unknown>, warn: (line: number, message: string) => void, text?: string): Meta {
  const str = (v: unknown) => (typeof v === 'string' && v.trim() && v.trim().toLowerCase() !== 'unknown' ? v.trim() : null);
  let date: string | null = null;
  if (data.date !== undefined && data.date !== null && String(data.date).toLowerCase() !== 'unknown') {
    date = isoDate(data.date);
    if (!date) warn(lineOfKey(text, 'date'), `date "${String(data.date).slice(0, 40)}" is not an ISO date (YYYY-MM-DD); the article cannot date anything`);
  }
  const updated = typeof data.updated === 'boolean' ? data.updated : (isoDate(data.updated) ?? null);
  return { title: str(data.title), outlet: str(data.outlet), date, url: str(data.url), updated };
}

function lineOfKey(text: string | undefined, key: string): number {
  if (!text) return 0;
  const m = new RegExp(`^${key}\\s*:`, 'm').exec(text);
  return m ? text.slice(0, m.index).split('\n').length - 1 : 0;
}

const mb = (n: number) => (n / 1048576).toFixed(1);

/**
 * JSONL archives are streamed line by line; a line over the limit is skipped without being
 * buffered. With `onArticle`, articles are handed over as read instead of collected.
 */
export async function readJsonl(path: string, options: { maxLineBytes?: number } = {}, onArticle?: (a: LoadedArticle) => void | Promise<void>, resume?: JsonlResume): Promise<{ articles: LoadedArticle[]; problems: CorpusProblem[]; bytes: number; lines?: number; sha1: string }> {
  const maxLine = options.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES;
  const articles: LoadedArticle[] = [];
  const emit = onArticle ?? ((a: LoadedArticle) => { articles.push(a); });
  const problems: CorpusProblem[] = [];
  let line = resume?.line ?? 0;
  let parts: Buffer[] = [];
  let size = 0;
  let overLong = false;
  // Byte offsets, so one article's line can be re-read alone later.
  let lineStart = resume?.offset ?? 0, position = lineStart;
  const hash = resume?.hash ?? createHash('sha1');
  let endsWithNewline = true;
  const finish = (): LoadedArticle | null => {
    let article: LoadedArticle | null = null;
    if (overLong) problems.push({ path, line, severity: 'error', message: `line longer than ${mb(maxLine)} MB; skipped` });
    else if (size > 0) {
      const raw = (parts.length === 1 ? parts[0] : Buffer.concat(parts)).toString('utf8');
      if (raw.trim()) article = parseLine(raw.trim(), { offset: lineStart, length: size });
    }
    parts = []; size = 0; overLong = false; line++;
    return article;
  };
  const idLines = new Map<string, number>();
  const parseLine = (raw: string, span: { offset: number; length: number }): LoadedArticle | null => {
    let obj: unknown;
    try { obj = JSON.parse(raw); } catch (e) { problems.push({ path, line, severity: 'error', message: `not valid JSON: ${(e as Error).message.slice(0, 80)}; skipped` }); return null; }
    if (!obj || typeof obj !== 'object' || Array.isArray(obj)) { problems.push({ path, line, severity: 'error', message: 'line is not a JSON object; skipped' }); return null; }
    const o = obj as Record<string, unknown>;
    const text = Object.prototype.hasOwnProperty.call(o, 'text') ? o.text : undefined;
    if (typeof text !== 'string' || !text.trim()) { problems.push({ path, line, severity: 'error', message: 'no "text" string; skipped' }); return null; }
    const data: Record<string, unknown> = Object.create(null);
    for (const k of ['title', 'outlet', 'date', 'url', 'updated', 'id']) if (Object.prototype.hasOwnProperty.call(o, k)) data[k] = o[k];
    const meta = readMeta(data, (_l, message) => problems.push({ path, line, severity: 'warning', message }));
    let id = typeof data.id === 'string' || typeof data.id === 'number' ? String(data.id) : `L${line + 1}`;
    // Two lines with one id are two articles: the second is reported and kept under a key of its own.
    const first = idLines.get(id);
    if (first !== undefined) {
      problems.push({ path, line, severity: 'warning', message: `duplicate id ${JSON.stringify(id).slice(0, 80)} (first on line ${first + 1}); kept as a separate article` });
      id = `${id}~L${line + 1}`;
    } else idLines.set(id, line);
    return { id: `${path}#${id}`, path, line, ...meta, text, bodyStart: 0, hash: hashText(text), navigable: false, span };
  };
  // An async loop, so a consumer that returns a promise (a busy extraction pool) slows the reading.
  try {
    for await (const data of createReadStream(path, { highWaterMark: 1 << 20, start: lineStart })) {
      const chunk = data as Buffer;
      hash.update(chunk);
      if (chunk.length) endsWithNewline = chunk[chunk.length - 1] === 10;
      let from = 0;
      for (;;) {
        const nl = chunk.indexOf(10, from);
        const piece = chunk.subarray(from, nl < 0 ? chunk.length : nl);
        if (!overLong) {
          size += piece.length;
          // A view, not a copy: the stream hands over a fresh buffer for every chunk.
          if (size > maxLine) { overLong = true; parts = []; } else parts.push(piece);
        }
        position += piece.length;
        if (nl < 0) break;
        const article = finish();
        if (article) await emit(article);
        position++;
        lineStart = position;
        from = nl + 1;
      }
    }
    if (size > 0 || overLong) { const article = finish(); if (article) await emit(article); }
  } catch (e) {
    problems.push({ path, line, severity: 'error', message: `cannot read: ${(e as Error).message}` });
  }
  // Reading can resume after the last line only if that line was complete.
  return { articles, problems, bytes: position, lines: endsWithNewline ? line : undefined, sha1: hash.digest('hex') };
}
