/** The `sourceTrace.*` settings, as the server reads them (pulled per document from the client). */
import type { Code } from '../check/checkDraft';
import { DEFAULT_SEVERITY } from '../check/messages';
import type { CitationStyle } from '../fix/quickFixes';

export type SeverityName = 'error' | 'warning' | 'information' | 'hint' | 'off';

export interface Settings {
  corpus: string[];
  minQuoteWords: number;
  severity: Record<Code, SeverityName>;
  citationStyle: CitationStyle;
  maxQuotes: number;
  debounceMs: number;
}

export const DEFAULT_SETTINGS: Settings = {
  corpus: ['corpus/**'],
  minQuoteWords: 4,
  severity: { ...DEFAULT_SEVERITY },
  citationStyle: 'footnote',
  maxQuotes: 2000,
  debounceMs: 200,
};

/** Merges what a client sent over the defaults, ignoring values of the wrong type. */
export function readSettings(raw: unknown): Settings {
  const r = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const s: Settings = { ...DEFAULT_SETTINGS, severity: { ...DEFAULT_SETTINGS.severity } };
  if (Array.isArray(r.corpus) && r.corpus.every((x) => typeof x === 'string') && r.corpus.length) s.corpus = r.corpus as string[];
  else if (typeof r.corpus === 'string' && r.corpus) s.corpus = [r.corpus];
  if (typeof r.minQuoteWords === 'number' && r.minQuoteWords >= 1) s.minQuoteWords = Math.floor(r.minQuoteWords);
  if (typeof r.maxQuotes === 'number' && r.maxQuotes >= 1) s.maxQuotes = Math.floor(r.maxQuotes);
  if (typeof r.debounceMs === 'number' && r.debounceMs >= 0) s.debounceMs = r.debounceMs;
  if (r.citationStyle === 'footnote' || r.citationStyle === 'link' || r.citationStyle === 'pandoc') s.citationStyle = r.citationStyle;
  const sev = r.severity as Record<string, unknown> | undefined;
  if (sev && typeof sev === 'object') for (const k of Object.keys(s.severity) as Code[]) {
    const v = sev[k];
    if (v === 'error' || v === 'warning' || v === 'information' || v === 'hint' || v === 'off') s.severity[k] = v;
  }
  return s;
}
