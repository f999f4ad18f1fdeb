/** YAML front matter: `---` on the first line, YAML, `---`. Parsed by the `yaml` package. */
import { parseDocument } from 'yaml';

export interface FrontMatter {
  data: Record<string, unknown>;
  /** Offset where the body begins. */
  bodyStart: number;
  /** Line (0-based) where the body begins. */
  bodyLine: number;
  error?: { line: number; message: string };
}

const OPEN = /^\uFEFF?---[ \t]*\r?\n/;

export function splitFrontMatter(text: string): FrontMatter {
  const open = OPEN.exec(text);
  if (!open) return { data: {}, bodyStart: text.startsWith('\uFEFF') ? 1 : 0, bodyLine: 0 };
  const close = /^(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/m;
  close.lastIndex = 0;
  const rest = text.slice(open[0].length);
  const m = close.exec(rest);
  if (!m) return { data: {}, bodyStart: 0, bodyLine: 0, error: { line: 0, message: 'front matter opened with --- is never closed' } };
  const yamlText = rest.slice(0, m.index);
  const bodyStart = open[0].length + m.index + m[0].length;
  const bodyLine = text.slice(0, bodyStart).split('\n').length - 1;
  const doc = parseDocument(yamlText, { prettyErrors: false, uniqueKeys: false });
  if (doc.errors.length > 0) {
    const e = doc.errors[0];
    return { data: {}, bodyStart, bodyLine, error: { line: 1 + (e.linePos?.[0].line ?? 1) - 1, message: `front matter: ${e.message.split('\n')[0]}` } };
  }
  let data: unknown;
  try { data = doc.toJS({ maxAliasCount: 50 }); } catch (e) {
    return { data: {}, bodyStart, bodyLine, error: { line: 1, message: `front matter: ${(e as Error).message}` } };
  }
  if (data === null || data === undefined) return { data: {}, bodyStart, bodyLine };
  if (typeof data !== 'object' || Array.isArray(data)) return { data: {}, bodyStart, bodyLine, error: { line: 1, message: 'front matter is not a mapping of keys to values' } };
  return { data: Object.assign(Object.create(null), data), bodyStart, bodyLine };
}

/** Accepts YYYY-MM-DD (and full ISO timestamps, cut to the day); anything else is not a date. */
export function isoDate(value: unknown): string | null {
  if (value instanceof Date && !isNaN(value.getTime())) return value.toISOString().slice(0, 10);
  if (typeof value !== 'string') return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(value.trim());
  if (!m) return null;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3] ? `${m[1]}-${m[2]}-${m[3]}` : null;
}
