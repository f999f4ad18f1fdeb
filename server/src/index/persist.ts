/**
 * The persisted index: what extraction found in each article, keyed by the article's content
 * hash, so a restart re-extracts nothing unchanged and a changed article is re-read alone.
 * Versioned: a file of another version is ignored (and rewritten), never misread.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { ArticleExtract } from './traceCorpus';
import type { Speaker } from '../extract/extract';

export const INDEX_FORMAT = 'source-trace-index/1';

interface StoredArticle {
  /** Quotations as [start, end, speaker index or -1, mention start, mention end]. */
  q: number[][];
  /** Speakers, mention texts. */
  s: Speaker[];
  m: string[];
  p: { name: string; roles: string[] }[];
  c: { person: string; start: number; end: number }[];
  e: { offset: number; message: string }[];
}

export function serializeIndex(extracts: Map<string, ArticleExtract>): string {
  const articles: Record<string, StoredArticle> = {};
  for (const [hash, x] of extracts) {
    const s: Speaker[] = [], m: string[] = [];
    const speakerIndex = new Map<string, number>();
    const q = x.quotes.map((quote) => {
      let si = -1;
      if (quote.speaker) {
        const key = JSON.stringify(quote.speaker);
        si = speakerIndex.get(key) ?? -1;
        if (si < 0) { si = s.length; s.push(quote.speaker); speakerIndex.set(key, si); }
      }
      const mention = quote.speakerMention;
      if (mention) m.push(mention.text);
      return mention ? [quote.start, quote.end, si, mention.start, mention.end] : [quote.start, quote.end, si];
    });
    articles[hash] = { q, s, m, p: x.persons, c: x.changes, e: x.problems };
  }
  return JSON.stringify({ format: INDEX_FORMAT, articles });
}

/** Rehydrates extractions; quotation texts are sliced from the article when it is indexed. */
export function parseIndex(json: string): Map<string, ArticleExtract> {
  const out = new Map<string, ArticleExtract>();
  const data = JSON.parse(json) as { format?: string; articles?: Record<string, StoredArticle> };
  if (data.format !== INDEX_FORMAT || !data.articles) return out;
  for (const [hash, a] of Object.entries(data.articles)) {
    let mi = 0;
    out.set(hash, {
      quotes: a.q.map(([start, end, si, ms, me]) => ({
        text: undefined, start, end, speaker: si >= 0 ? a.s[si] : null,
        speakerMention: ms !== undefined ? { text: a.m[mi++], start: ms, end: me } : null,
      })),
      persons: a.p, changes: a.c, problems: a.e,
    });
  }
  return out;
}

export function saveIndex(path: string, extracts: Map<string, ArticleExtract>): void {
  mkdirSync(dirname(path), { recursive: true });
  try { writeFileSync(join(dirname(path), '.gitignore'), '*\n', { flag: 'wx' }); } catch { /* already there */ }
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, serializeIndex(extracts));
  renameSync(tmp, path); // atomic: a crash mid-write never leaves half an index
}

export function loadIndex(path: string): Map<string, ArticleExtract> {
  try { return parseIndex(readFileSync(path, 'utf8')); } catch { return new Map(); }
}
