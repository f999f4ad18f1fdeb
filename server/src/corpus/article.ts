/** An article of the corpus, as loaded: metadata from front matter (or JSONL fields) and its text. */
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
  /** The file's whole text (for .md/.txt) or the JSONL `text` field. Offsets point into it. */
  text: string;
  /** Where the body starts in `text` (after front matter). */
  bodyStart: number;
  /** Content hash: an unchanged article is never re-read from a persisted index. */
  hash: string;
  /** True when offsets in `text` map to the file (not for JSONL, whose text is JSON-escaped). */
  navigable: boolean;
}

export interface CorpusProblem {
  path: string;
  /** 0-based line, when known. */
  line: number;
  message: string;
  severity: 'error' | 'warning';
}
