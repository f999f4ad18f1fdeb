/**
 * The persisted index: the whole indexed corpus (article metadata, quotations, their tokens, the
 * n-gram postings) plus a stamp (path, mtime, size) and the load problems of every corpus file.
 * A restart reads this one file and then only the corpus files whose stamp changed; inside a
 * changed archive, articles whose content hash is unchanged are not re-extracted.
 *
 * Binary and versioned: a magic word and format number, a JSON header (file stamps, strings,
 * the article table, and where each column is), then the typed-array columns, 8-byte aligned,
 * each read straight into its own array. A file of another format is ignored (and rewritten).
 */
import { closeSync, mkdirSync, openSync, readSync, renameSync, writeFileSync, writeSync } from 'node:fs';
import { open, rename } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { CorpusProblem, FileStamp } from '../corpus/article';
import { decodeArticles, encodeArticles, type ArticleTable } from './articleTable';
import type { CorpusSnapshot } from './traceCorpus';
import { runSteps, runStepsInSlices } from '../steps';
import { bucketOffsets } from './ngramIndex';

const VERSION = 8;
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
  const lead = Buffer.alloc(16);
  lead.writeUInt32LE(MAGIC, 0); lead.writeUInt32LE(VERSION, 4); lead.writeDoubleLE(json.length, 8);
  const out: Uint8Array[] = [lead, json, Buffer.alloc(align8(json.length) - json.length)];
  for (const [, a] of blobs) out.push(new Uint8Array(a.buffer, a.byteOffset, a.byteLength), Buffer.alloc(align8(a.byteLength) - a.byteLength));
  out.push(...textPieces, Buffer.alloc(align8(textBytes) - textBytes));
  return out;
}

function prepare(path: string): string {
  mkdirSync(dirname(path), { recursive: true });
  try { writeFileSync(join(dirname(path), '.gitignore'), '*\n', { flag: 'wx' }); } catch { /* already there */ }
  return `${path}.${process.pid}.tmp`;
}

export function saveIndex(path: string, index: PersistedIndex): void {
  const tmp = prepare(path);
  const parts = runSteps(encodeIndex(index))!;
  const fd = openSync(tmp, 'w');
  try {
    for (const part of parts) writeSync(fd, part);
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
export async function saveIndexAsync(path: string, index: PersistedIndex): Promise<void> {
  const tmp = prepare(path);
  const parts = (await runStepsInSlices(encodeIndex(index)))!;
  const file = await open(tmp, 'w');
  try {
    for (const part of parts) await file.write(part);
  } finally {
    await file.close();
  }
  await rename(tmp, path);
}

/** The persisted index, or null when there is none, or it is of another format, or damaged. */
export function loadIndex(path: string): PersistedIndex | null {
  let fd: number;
  try { fd = openSync(path, 'r'); } catch { return null; }
  try {
    const read = (into: Uint8Array, position: number) => {
      for (let done = 0; done < into.length;) {
        const n = readSync(fd, into, done, into.length - done, position + done);
        if (n <= 0) throw new Error('index truncated');
        done += n;
      }
    };
    const lead = Buffer.alloc(16);
    read(lead, 0);
    const jsonLength = headerLength(lead);
    if (jsonLength === null) return null;
    const json = Buffer.alloc(jsonLength);
    read(json, 16);
    const found = parseHeader(json);
    if (!found) return null;
    const columns = allocateColumns(found.header);
    for (const c of columns.values()) read(c.bytes, found.base + c.offset);
    return decodeIndex(found.header, columns);
  } catch {
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
export async function loadIndexAsync(path: string, chunk = READ_CHUNK): Promise<PersistedIndex | null> {
  let file: Awaited<ReturnType<typeof open>>;
  try { file = await open(path, 'r'); } catch { return null; }
  try {
    const read = async (into: Uint8Array, position: number) => {
      for (let done = 0; done < into.length;) {
        const { bytesRead } = await file.read(into, done, into.length - done, position + done);
        if (bytesRead <= 0) throw new Error('index truncated');
        done += bytesRead;
      }
    };
    const lead = Buffer.alloc(16);
    await read(lead, 0);
    const jsonLength = headerLength(lead);
    if (jsonLength === null) return null;
    const json = Buffer.alloc(jsonLength);
    await read(json, 16);
    const found = parseHeader(json);
    if (!found) return null;
    const columns = allocateColumns(found.header);
    const reads: Promise<void>[] = [];
    for (const c of columns.values()) {
      for (let at = 0; at < c.bytes.length; at += chunk) reads.push(read(c.bytes.subarray(at, Math.min(c.bytes.length, at + chunk)), found.base + c.offset + at));
    }
    await Promise.all(reads);
    return decodeIndex(found.header, columns);
  } catch {
    return null;
  } finally {
    await file.close();
  }
}

/** Bytes per read when columns are read in parallel. */
const READ_CHUNK = 16 << 20;

/** The JSON header's length from the file's first 16 bytes; null for another format. */
function headerLength(lead: Buffer): number | null {
  return lead.readUInt32LE(0) === MAGIC && lead.readUInt32LE(4) === VERSION ? lead.readDoubleLE(8) : null;
}

function parseHeader(json: Buffer): { header: Header; base: number } | null {
  const header = JSON.parse(json.toString('utf8')) as Header;
  return header.format === INDEX_FORMAT ? { header, base: 16 + align8(json.length) } : null;
}

interface ColumnSlot { array: Column; bytes: Uint8Array; offset: number }

/** Each column's own typed array, to be read straight into: no copy, nothing else kept alive. */
function allocateColumns(header: Header): Map<string, ColumnSlot> {
  const out = new Map<string, ColumnSlot>();
  for (const [name, [offset, count, kind]] of Object.entries(header.columns)) {
    const array = kind === 'i32' ? new Int32Array(count) : new Uint8Array(count);
    out.set(name, { array, bytes: new Uint8Array(array.buffer), offset });
  }
  return out;
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
