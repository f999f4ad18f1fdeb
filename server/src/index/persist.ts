/**
 * The persisted index: the whole indexed corpus (article metadata, quotations, their tokens, the
 * n-gram postings) plus a stamp (path, mtime, size) and the load problems of every corpus file.
 * A restart reads this one file and then only the corpus files whose stamp changed; inside a
 * changed archive, articles whose content hash is unchanged are not re-extracted.
 *
 * Binary and versioned: a magic word and format number, the header's length, a SHA-1 of
 * everything after the lead, a JSON header (file stamps, strings, the article table, and where
 * each column is), then the typed-array columns, 8-byte aligned, each read straight into its own
 * array. The file is untrusted on the way back: the digest is checked, every length, offset and
 * count is bounded by the file's size, and the columns' values by what they index (`validate`);
 * a file that fails any of it is "damaged", reported in one line, ignored and rewritten. A file of
 * another format is ignored (and rewritten).
 */
import { createHash } from 'node:crypto';
import { closeSync, existsSync, fstatSync, fsyncSync, lstatSync, mkdirSync, openSync, readdirSync, readSync, renameSync, statSync, unlinkSync, writeFileSync, writeSync } from 'node:fs';
import { open, rename } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { CorpusProblem, FileStamp } from '../corpus/article';
import { decodeArticles, encodeArticles, type ArticleTable } from './articleTable';
import type { CorpusSnapshot } from './traceCorpus';
import { runSteps, runStepsInSlices } from '../steps';
import { bucketOffsets } from './ngramIndex';
import { EVIDENCE } from '../extract/extract';

// Raised whenever the extraction rules change as well as the format: an index holds their results
// (speakers, how they were found), and an index of older rules must be rebuilt, not trusted.
const VERSION = 30;
export const INDEX_FORMAT = `source-trace-index/${VERSION}`;
export const INDEX_FILE = `index-v${VERSION}.bin`;
const MAGIC = 0x58495453; // "STIX"

export interface PersistedFile extends FileStamp { problems: CorpusProblem[] }
export interface PersistedIndex { files: PersistedFile[]; corpus: CorpusSnapshot }

type Column = Int32Array | Uint8Array;
const COLUMNS = ['quotePerson', 'quoteArticle', 'quoteStart', 'quoteEnd', 'quoteTok', 'quoteLen', 'quoteSpeaker', 'mentionStart', 'mentionEnd', 'mentionText'] as const;

interface Header {
  format: string;
  files: PersistedFile[];
  vocab: string[];
  speakers: CorpusSnapshot['speakers'];
  articles: ArticleTable;
  strings: string[];
  people: CorpusSnapshot['people'];
  /** Byte lengths of the pieces of `quoteText`. */
  textPieces: number[];
  bits: number;
  /** name → [byte offset after the header, element count, kind]. */
  columns: Record<string, [number, number, 'i32' | 'u8']>;
}

/** The file's bytes, in order: header, then each column padded to 8 bytes. Steps between quotation-text pieces. */
function* encodeIndex(index: PersistedIndex): Generator<void, Uint8Array[]> {
  const c = index.corpus;
  const blobs: [string, Column | Uint8Array][] = [
    ...COLUMNS.map((k) => [k, c[k]] as [string, Column]),
    ['tokens.ids', c.tokens.ids], ['tokens.kinds', c.tokens.kinds],
    ['ngram.postQuote', c.ngram.postQuote], ['ngram.postKey', c.ngram.postKey],
    ['ngram.deltaKey', c.ngram.deltaKey], ['ngram.deltaQuote', c.ngram.deltaQuote],
  ];
  const textPieces: Buffer[] = [];
  for (const t of c.quoteText) { textPieces.push(Buffer.from(t, 'utf8')); yield; }
  const columns: Header['columns'] = {};
  let at = 0;
  for (const [name, a] of blobs) {
    columns[name] = [at, a.length, a instanceof Int32Array ? 'i32' : 'u8'];
    at += align8(a.byteLength);
  }
  // The quotation text is one column written as its pieces (not copied into one buffer first).
  const textBytes = textPieces.reduce((n, b) => n + b.length, 0);
  columns.quoteText = [at, textBytes, 'u8'];
  const header: Header = { format: INDEX_FORMAT, files: index.files, vocab: c.vocab, speakers: c.speakers, articles: yield* encodeArticles(c.articles), strings: c.strings, people: c.people, textPieces: textPieces.map((b) => b.length), bits: c.ngram.bits, columns };
  // Field by field, stepping between: the header of 100,000 articles is tens of megabytes of JSON.
  const fields: string[] = [];
  for (const [key, value] of Object.entries(header)) {
    if (value === undefined) continue; // as JSON.stringify leaves it out
    if (key === 'articles') {
      const table: string[] = [];
      for (const [k, v] of Object.entries(value as ArticleTable)) { table.push(`${JSON.stringify(k)}:${JSON.stringify(v)}`); yield; }
      fields.push(`"articles":{${table.join(',')}}`);
    } else fields.push(`${JSON.stringify(key)}:${JSON.stringify(value)}`);
    yield;
  }
  const json = Buffer.from(`{${fields.join(',')}}`, 'utf8');
  const lead = Buffer.alloc(LEAD);
  lead.writeUInt32LE(MAGIC, 0); lead.writeUInt32LE(VERSION, 4); lead.writeDoubleLE(json.length, 8);
  const out: Uint8Array[] = [lead, json, Buffer.alloc(align8(json.length) - json.length)];
  for (const [, a] of blobs) out.push(new Uint8Array(a.buffer, a.byteOffset, a.byteLength), Buffer.alloc(align8(a.byteLength) - a.byteLength));
  out.push(...textPieces, Buffer.alloc(align8(textBytes) - textBytes));
  // The digest covers every byte after the lead, in file order.
  const digest = createHash('sha1');
  for (let i = 1; i < out.length; i++) { digest.update(out[i]); if (i % 64 === 0) yield; }
  digest.digest().copy(lead, 16);
  return out;
}

/** Magic, version, header length (16 bytes), then the SHA-1 of the rest (20 bytes), padded to 40. */
const LEAD = 40;

export interface SaveOptions {
  /** Create the index's folder and its parents when missing (the editor's own storage); otherwise only the index's folder itself. */
  createParents?: boolean;
}

/**
 * Readies the target of a save, refusing to destroy or hide anything: a target that exists must
 * be a regular file that is already one of our indexes (SQLite refuses to overwrite a file that is
 * not a database the same way); a `.gitignore` goes only into a folder created here for the index;
 * temporary files of ours that an interrupted save left behind are removed.
 */
function prepare(path: string, options: SaveOptions = {}): string {
  const dir = dirname(path);
  let created = false;
  if (!existsSync(dir)) {
    try { mkdirSync(dir, { recursive: options.createParents ?? false }); created = true; } catch (e) {
      throw new Error(`cannot create the folder ${dir} for the index (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}): create its parent first`);
    }
  }
  if (created) { try { writeFileSync(join(dir, '.gitignore'), '*\n', { flag: 'wx' }); } catch { /* already there */ } }
  let st: ReturnType<typeof lstatSync> | null = null;
  try { st = lstatSync(path); } catch { /* no file yet */ }
  if (st) {
    if (!st.isFile()) throw new Error(`refusing to write the index over ${path}: it is not a regular file`);
    if (st.size > 0 && !startsWithMagic(path)) throw new Error(`refusing to write the index over ${path}: it is not a Source Trace index`);
  }
  removeStaleTemporaries(path);
  return `${path}.${process.pid}.tmp`;
}

function startsWithMagic(path: string): boolean {
  const fd = openSync(path, 'r');
  try { const b = Buffer.alloc(4); return readSync(fd, b, 0, 4, 0) === 4 && b.readUInt32LE(0) === MAGIC; } finally { closeSync(fd); }
}

/** `index-v30.bin.<pid>.tmp` files whose process is gone: what a killed save leaves. */
function removeStaleTemporaries(path: string) {
  const dir = dirname(path), name = basename(path);
  let entries: string[];
  try { entries = readdirSync(dir); } catch { return; }
  for (const e of entries) {
    const m = e.startsWith(name + '.') ? /^\.(\d+)\.tmp$/.exec(e.slice(name.length)) : null;
    if (!m || Number(m[1]) === process.pid) continue;
    let alive = true;
    try { process.kill(Number(m[1]), 0); } catch (err) { alive = (err as NodeJS.ErrnoException).code === 'EPERM'; }
    if (!alive) { try { unlinkSync(join(dir, e)); } catch { /* gone already */ } }
  }
}

/** Whether a path can be opened for reading without blocking: only a regular file (a FIFO would wait for a writer). */
function readable(path: string, report: IndexReport): boolean {
  let st: ReturnType<typeof statSync>;
  try { st = statSync(path); } catch { return false; }
  if (st.isFile()) return true;
  report(`the persisted index ${path} is not a regular file: not read`);
  return false;
}

export function saveIndex(path: string, index: PersistedIndex, options?: SaveOptions): void {
  const tmp = prepare(path, options);
  const parts = runSteps(encodeIndex(index))!;
  const fd = openSync(tmp, 'w');
  try {
    for (const part of parts) writeSync(fd, part);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, path); // atomic: a crash mid-write never leaves half an index
}

/**
 * The same, writing asynchronously (what the language server uses: half a gigabyte of writes
 * would hold its thread for seconds), encoding the quotation text in pieces between which
 * requests are answered. The columns are views of arrays that later changes
 * replace rather than overwrite, so edits during the write do not tear it.
 */
export async function saveIndexAsync(path: string, index: PersistedIndex, options?: SaveOptions): Promise<void> {
  const tmp = prepare(path, options);
  const parts = (await runStepsInSlices(encodeIndex(index)))!;
  const file = await open(tmp, 'w');
  try {
    for (const part of parts) await file.write(part);
    await file.sync();
  } finally {
    await file.close();
  }
  await rename(tmp, path);
}

/** Says why a persisted index was not used (damaged), in one line. */
export type IndexReport = (message: string) => void;

/** The persisted index, or null when there is none, or it is of another format, or damaged (then `report` says why). */
export function loadIndex(path: string, report: IndexReport = () => undefined): PersistedIndex | null {
  let fd: number;
  if (!readable(path, report)) return null;
  try { fd = openSync(path, 'r'); } catch { return null; }
  try {
    const size = fstatSync(fd).size;
    const read = (into: Uint8Array, position: number) => {
      for (let done = 0; done < into.length;) {
        const n = readSync(fd, into, done, into.length - done, position + done);
        if (n <= 0) throw new Error('index truncated');
        done += n;
      }
    };
    const lead = Buffer.alloc(LEAD);
    if (size < LEAD) throw new Damaged('shorter than its lead');
    read(lead, 0);
    const jsonLength = headerLength(lead, size);
    if (jsonLength === null) return null;
    const json = Buffer.alloc(jsonLength);
    read(json, LEAD);
    const found = parseHeader(json);
    if (!found) return null;
    const columns = allocateColumns(found.header, size - found.base);
    for (const c of columns.values()) read(c.bytes, found.base + c.offset);
    checkDigest(lead, json, found.base, columns);
    return validate(decodeIndex(found.header, columns));
  } catch (e) {
    report(`the persisted index ${path} is damaged (${e instanceof Damaged ? e.message : (e as Error).message}): rebuilding it from the corpus`);
    return null;
  } finally {
    closeSync(fd);
  }
}

/**
 * The same, reading the columns with many reads in flight (what the language server uses): on
 * this machine a 400 MB index read in one sequential pass took 0.4 to 1 s, in parallel reads
 * 0.1 to 0.35 s.
 */
export async function loadIndexAsync(path: string, chunk = READ_CHUNK, report: IndexReport = () => undefined): Promise<PersistedIndex | null> {
  let file: Awaited<ReturnType<typeof open>>;
  if (!readable(path, report)) return null;
  try { file = await open(path, 'r'); } catch { return null; }
  try {
    const size = (await file.stat()).size;
    const read = async (into: Uint8Array, position: number) => {
      for (let done = 0; done < into.length;) {
        const { bytesRead } = await file.read(into, done, into.length - done, position + done);
        if (bytesRead <= 0) throw new Error('index truncated');
        done += bytesRead;
      }
    };
    const lead = Buffer.alloc(LEAD);
    if (size < LEAD) throw new Damaged('shorter than its lead');
    await read(lead, 0);
    const jsonLength = headerLength(lead, size);
    if (jsonLength === null) return null;
    const json = Buffer.alloc(jsonLength);
    await read(json, LEAD);
    const found = parseHeader(json);
    if (!found) return null;
    const columns = allocateColumns(found.header, size - found.base);
    const reads: Promise<void>[] = [];
    for (const c of columns.values()) {
      for (let at = 0; at < c.bytes.length; at += chunk) reads.push(read(c.bytes.subarray(at, Math.min(c.bytes.length, at + chunk)), found.base + c.offset + at));
    }
    await Promise.all(reads);
    checkDigest(lead, json, found.base, columns);
    return validate(decodeIndex(found.header, columns));
  } catch (e) {
    report(`the persisted index ${path} is damaged (${e instanceof Damaged ? e.message : (e as Error).message}): rebuilding it from the corpus`);
    return null;
  } finally {
    await file.close();
  }
}

class Damaged extends Error {}

/** The SHA-1 in the lead against the header, its padding and the columns in file order (the gaps between columns are zero padding). */
function checkDigest(lead: Buffer, json: Buffer, base: number, columns: Map<string, ColumnSlot>) {
  const digest = createHash('sha1');
  digest.update(json);
  digest.update(Buffer.alloc(base - LEAD - json.length));
  let at = 0;
  for (const c of [...columns.values()].sort((a, b) => a.offset - b.offset)) {
    if (c.offset > at) digest.update(Buffer.alloc(c.offset - at));
    digest.update(c.bytes);
    at = c.offset + c.bytes.length;
  }
  if (at % 8) digest.update(Buffer.alloc(8 - (at % 8)));
  if (!digest.digest().equals(lead.subarray(16, 36))) throw new Damaged('its checksum does not match');
}

/** Bytes per read when columns are read in parallel. */
const READ_CHUNK = 16 << 20;

/** The JSON header's length from the file's lead; null for another format; damaged when it cannot fit the file. */
function headerLength(lead: Buffer, size: number): number | null {
  if (lead.readUInt32LE(0) !== MAGIC || lead.readUInt32LE(4) !== VERSION) return null;
  const n = lead.readDoubleLE(8);
  if (!Number.isInteger(n) || n <= 0 || n > size - LEAD) throw new Damaged(`a header length of ${n} in a file of ${size} bytes`);
  return n;
}

function parseHeader(json: Buffer): { header: Header; base: number } | null {
  const header = JSON.parse(json.toString('utf8')) as Header;
  if (!header || typeof header !== 'object' || typeof header.columns !== 'object' || header.columns === null) throw new Damaged('a header without columns');
  // Checked before anything is allocated from it: the bucket table has 2^bits entries.
  if (!Number.isInteger(header.bits) || header.bits < 1 || header.bits > 30) throw new Damaged(`${header.bits} bucket bits`);
  if (!Array.isArray(header.textPieces)) throw new Damaged('no quotation text pieces');
  return header.format === INDEX_FORMAT ? { header, base: LEAD + align8(json.length) } : null;
}

interface ColumnSlot { array: Column; bytes: Uint8Array; offset: number }

/** Each column's own typed array, to be read straight into: no copy, nothing else kept alive. Every place is checked against the bytes there are. */
function allocateColumns(header: Header, available: number): Map<string, ColumnSlot> {
  const out = new Map<string, ColumnSlot>();
  const places: [number, number][] = [];
  for (const [name, entry] of Object.entries(header.columns)) {
    if (!Array.isArray(entry) || entry.length !== 3) throw new Damaged(`column ${name} is not [offset, count, kind]`);
    const [offset, count, kind] = entry;
    if (kind !== 'i32' && kind !== 'u8') throw new Damaged(`column ${name} has kind ${String(kind)}`);
    const bytes = count * (kind === 'i32' ? 4 : 1);
    if (!Number.isInteger(offset) || !Number.isInteger(count) || offset < 0 || count < 0 || offset % 8 || offset + bytes > available) throw new Damaged(`column ${name} at ${offset} with ${count} values does not fit the file`);
    places.push([offset, offset + bytes]);
    const array = kind === 'i32' ? new Int32Array(count) : new Uint8Array(count);
    out.set(name, { array, bytes: new Uint8Array(array.buffer), offset });
  }
  places.sort((a, b) => a[0] - b[0]);
  for (let i = 1; i < places.length; i++) if (places[i][0] < places[i - 1][1]) throw new Damaged('two columns overlap');
  return out;
}

/** Every value that indexes something else points inside it: a damaged index never reaches a verdict. */
function validate(index: PersistedIndex): PersistedIndex {
  const c = index.corpus;
  const n = c.quoteArticle.length;
  const fail = (what: string) => { throw new Damaged(what); };
  if (!Array.isArray(c.vocab) || !Array.isArray(c.speakers) || !Array.isArray(c.strings) || !Array.isArray(c.articles) || !Array.isArray(index.files)) fail('a table is not a list');
  c.speakers.forEach((sp, i) => {
    // Speakers reach hovers and verdicts: each is the shape extraction makes, with evidence it knows.
    const ok = sp && typeof sp === 'object' && typeof sp.name === 'string' && typeof sp.anonymous === 'boolean' && Array.isArray(sp.roles) && sp.roles.every((r: unknown) => typeof r === 'string')
      && (sp.via === undefined || EVIDENCE.includes(sp.via)) && (sp.kind === undefined || sp.kind === 'organization') && (sp.roleOnly === undefined || sp.roleOnly === true);
    if (!ok) fail(`speaker ${i} is not a speaker`);
  });
  for (const k of COLUMNS) if (c[k].length !== n) fail(`column ${k} has ${c[k].length} values for ${n} quotations`);
  if (c.tokens.ids.length !== c.tokens.kinds.length) fail('token ids and kinds differ in length');
  const persons = c.people?.registry?.persons?.length ?? fail('no people registry');
  let text = 0;
  for (let q = 0; q < n; q++) {
    const a = c.quoteArticle[q];
    if (a < -1 || a >= c.articles.length) fail(`quotation ${q} names article ${a}`);
    if (a < 0) continue;
    if (c.quoteStart[q] < 0 || c.quoteEnd[q] < c.quoteStart[q]) fail(`quotation ${q} ends before it starts`);
    if (c.quoteTok[q] < 0 || c.quoteLen[q] < 0 || c.quoteTok[q] + c.quoteLen[q] > c.tokens.ids.length) fail(`quotation ${q}'s tokens lie outside the token store`);
    if (c.quoteSpeaker[q] < -1 || c.quoteSpeaker[q] >= c.speakers.length) fail(`quotation ${q} names speaker ${c.quoteSpeaker[q]}`);
    if (c.quotePerson[q] < -1 || c.quotePerson[q] >= (persons as number)) fail(`quotation ${q} names person ${c.quotePerson[q]}`);
    if (c.mentionStart[q] >= 0 && (c.mentionText[q] < 0 || c.mentionText[q] >= c.strings.length)) fail(`quotation ${q}'s mention names string ${c.mentionText[q]}`);
    text += c.quoteEnd[q] - c.quoteStart[q];
  }
  const pieces = c.quoteText.reduce((sum, t) => sum + t.length, 0);
  if (pieces !== text) fail(`the quotation text holds ${pieces} characters for ${text}`);
  const vocab = c.vocab.length;
  for (let i = 0; i < c.tokens.ids.length; i++) { const id = c.tokens.ids[i]; if (id < -2 || id >= vocab) fail(`token ${i} is word ${id} of ${vocab}`); }
  for (const list of [c.ngram.postQuote, c.ngram.deltaQuote]) for (let i = 0; i < list.length; i++) if (list[i] < 0 || list[i] >= n) fail(`a posting names quotation ${list[i]} of ${n}`);
  if (c.ngram.postQuote.length !== c.ngram.postKey.length || c.ngram.deltaKey.length !== c.ngram.deltaQuote.length) fail('n-gram keys and postings differ in length');
  if (!Number.isInteger(c.ngram.bits) || c.ngram.bits < 1 || c.ngram.bits > 30) fail(`${c.ngram.bits} bucket bits`);
  return index;
}

function decodeIndex(header: Header, columns: Map<string, ColumnSlot>): PersistedIndex {
  const col = (name: string): Column => {
    const c = columns.get(name);
    if (!c) throw new Error(`index lacks ${name}`);
    return c.array;
  };
  const i32 = (name: string) => col(name) as Int32Array;
  // Bucket offsets are not stored: they follow from the sorted keys.
  const postKey = i32('ngram.postKey');
  const textBytes = Buffer.from((col('quoteText') as Uint8Array).buffer);
  let textAt = 0;
  const quoteText = header.textPieces.map((n) => textBytes.toString('utf8', textAt, (textAt += n)));
  const corpus: CorpusSnapshot = {
    vocab: header.vocab, speakers: header.speakers, strings: header.strings, people: header.people, quotePerson: i32('quotePerson'),
    articles: decodeArticles(header.articles),
    quoteArticle: i32('quoteArticle'), quoteStart: i32('quoteStart'), quoteEnd: i32('quoteEnd'), quoteTok: i32('quoteTok'), quoteLen: i32('quoteLen'),
    quoteSpeaker: i32('quoteSpeaker'), mentionStart: i32('mentionStart'), mentionEnd: i32('mentionEnd'), mentionText: i32('mentionText'),
    quoteText,
    tokens: { ids: i32('tokens.ids'), kinds: col('tokens.kinds') as Uint8Array },
    ngram: { bits: header.bits, offsets: bucketOffsets(postKey, header.bits), postQuote: i32('ngram.postQuote'), postKey, deltaKey: i32('ngram.deltaKey'), deltaQuote: i32('ngram.deltaQuote') },
  };
  return { files: header.files, corpus };
}

const align8 = (n: number) => (n + 7) & ~7;
