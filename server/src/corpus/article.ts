/**
 * An article of the corpus: metadata from front matter (or JSONL fields) and where its text is.
 * The index keeps no article text (at newsroom scale it would be most of the memory): only the
 * quotations' words; a hover that wants the sentence around a quotation re-reads the article.
 */
export interface Article {
  /** Stable id: the file path, plus `#L<n>` for a line of a JSONL archive. */
  id: string;
  /** The file that holds it. */
  path: string;
  /** 0-based line of the file where `text` starts (front matter skipped, or the JSONL line). */
  line: number;
  title: string | null;
  outlet: string | null;
  /** ISO date (YYYY-MM-DD); null when the article carries none. */
  date: string | null;
  url: string | null;
  updated: string | boolean | null;
  /** Where the body starts in the text (after front matter). */
  bodyStart: number;
  /** Content hash: an unchanged article is never re-read from a persisted index. */
  hash: string;
  /** True when offsets in `text` map to the file (not for JSONL, whose text is JSON-escaped). */
  navigable: boolean;
  /** For one line of a JSONL archive: the line's byte range, so its text is re-read alone. */
  span: { offset: number; length: number } | null;
  /** A plain-text article's title or date read from its text or file name, not from front matter. */
  metaFrom?: { title?: 'first line'; date?: 'file name' | 'dateline' };
}

/** An article as the loader hands it over: with its text, which offsets point into. */
export interface LoadedArticle extends Article {
  /** The file's whole text (for .md/.txt) or the JSONL `text` field. */
  text: string;
}

/** What a file looked like when it was read: a restart re-reads only files whose stamp changed. */
export interface FileStamp {
  path: string;
  mtimeMs: number;
  size: number;
  /** JSONL archives: complete lines and SHA-1 of the bytes read, so a grown archive is read from where it ended. */
  lines?: number;
  sha1?: string;
}

export interface CorpusProblem {
  path: string;
  /** 0-based line, when known. */
  line: number;
  message: string;
  severity: 'error' | 'warning';
}
