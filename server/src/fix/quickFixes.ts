/**
 * The edits behind the quick fixes, as offsets into the draft. Each is the smallest edit that
 * does the job: nothing outside the range it means to change is touched.
 */
import type { FindingData, SourceData } from '../check/findingData';
import { monthYear } from '../check/dating';
import { forDraftMarkdown, linkTarget, plainText, safeUrl } from '../text/sanitize';

export interface OffsetEdit { start: number; end: number; newText: string }
export type CitationStyle = 'footnote' | 'link' | 'pandoc';

export const IGNORE_COMMENT = '<!-- source-trace-ignore -->';

/** What a footnote says of a source. Corpus metadata is untrusted: escaped for Markdown, and only http(s) URLs. */
export function citationText(s: SourceData): string {
  const parts = [s.title ? `“${forDraftMarkdown(s.title)}”` : 'Untitled article', s.outlet ? forDraftMarkdown(s.outlet) : 'outlet unknown', s.date ? forDraftMarkdown(s.date) : 'undated'];
  const url = safeUrl(s.url);
  return parts.join(', ') + (url ? `, <${url}>` : '');
}

export function pandocKey(s: SourceData): string {
  const words = (s.title ?? s.outlet ?? s.path.replace(/^.*[\\/]/, '').replace(/\.\w+$/, '')).toLowerCase().normalize('NFD').replace(/\p{M}/gu, '')
    .split(/[^a-z0-9]+/).filter((w) => w.length > 2 && !/^(the|and|for|with|when|what|that)$/.test(w)).slice(0, 2);
  return [...words, (s.date?.slice(0, 4) ?? 'nd').replace(/[^0-9a-z]/gi, '')].join('-') || 'source';
}

interface Footnotes { byText: Map<string, string>; next: number }

function readFootnotes(text: string): Footnotes {
  const byText = new Map<string, string>();
  let max = 0;
  for (const m of text.matchAll(/^\[\^([^\]\s]+)\]:[ \t]*(.*)$/gm)) {
    byText.set(m[2].trim(), m[1]);
    if (/^\d+$/.test(m[1])) max = Math.max(max, Number(m[1]));
  }
  return { byText, next: max + 1 };
}

function linkCitation(s: SourceData, draftUri?: string): string {
  const target = safeUrl(s.url) ?? linkTarget(relativeUri(draftUri, s.uri));
  const label = [s.outlet, s.date].filter(Boolean).join(', ') || s.title || 'source';
  return ` ([${forDraftMarkdown(label)}](${target}))`;
}

function relativeUri(from: string | undefined, to: string): string {
  if (!from) return to;
  const a = from.split('/'), b = to.split('/');
  let i = 0;
  while (i < a.length - 1 && i < b.length - 1 && a[i] === b[i]) i++;
  if (i < 3) return to;
  return [...Array(a.length - 1 - i).fill('..'), ...b.slice(i)].join('/').split(' ').join('%20');
}

function alreadyCited(text: string, f: FindingData, marker: string): boolean {
  return text.slice(f.close, f.close + marker.length + 2).trimStart().startsWith(marker.trim());
}

/** Cites the sources of several quotations in one edit set (one footnote per source). */
export function citeEdits(text: string, findings: FindingData[], style: CitationStyle, draftUri?: string): OffsetEdit[] {
  const edits: OffsetEdit[] = [];
  const notes = readFootnotes(text);
  const newDefinitions: string[] = [];
  for (const f of [...findings].sort((a, b) => a.close - b.close)) {
    const s = f.source;
    if (!s) continue;
    let marker: string;
    if (style === 'footnote') {
      const citation = citationText(s);
      let label = notes.byText.get(citation);
      if (!label) {
        label = String(notes.next++);
        notes.byText.set(citation, label);
        newDefinitions.push(`[^${label}]: ${citation}`);
      }
      marker = `[^${label}]`;
    } else if (style === 'pandoc') marker = ` [@${pandocKey(s)}]`;
    else marker = linkCitation(s, draftUri);
    if (alreadyCited(text, f, marker)) continue;
    edits.push({ start: f.close, end: f.close, newText: marker });
  }
  if (newDefinitions.length) {
    const lead = text.length === 0 ? '' : text.endsWith('\n\n') ? '' : text.endsWith('\n') ? '\n' : '\n\n';
    edits.push({ start: text.length, end: text.length, newText: lead + newDefinitions.join('\n') + '\n' });
  }
  return edits;
}

export function exactWordingEdit(f: FindingData): OffsetEdit | null {
  if (!f.source || f.source.wording === '' || !f.codes.includes('misquote')) return null;
  // The source's words, without the control, escape or bidi characters a hostile corpus could carry.
  return { start: f.wordsStart, end: f.wordsEnd, newText: plainText(f.source.wording) };
}

export function attributeEdit(f: FindingData): OffsetEdit | null {
  if (!f.attribution || !f.source?.speaker || !f.codes.includes('misattributed')) return null;
  return { start: f.attribution.start, end: f.attribution.end, newText: forDraftMarkdown(f.source.speaker) };
}

const PAST: Record<string, string> = {
  says: 'said', insists: 'insisted', argues: 'argued', maintains: 'maintained', warns: 'warned', claims: 'claimed', contends: 'contended',
  believes: 'believed', thinks: 'thought', holds: 'held', stresses: 'stressed', tells: 'told', writes: 'wrote', notes: 'noted', adds: 'added',
  states: 'stated', explains: 'explained', declares: 'declared', suggests: 'suggested', asserts: 'asserted', vows: 'vowed', promises: 'promised',
};

/** "Hegseth says “…”" → "Hegseth said in April 2025 “…”". */
export function dateEdit(f: FindingData): OffsetEdit | null {
  if (!f.source?.date || !f.codes.includes('outdated')) return null;
  const when = monthYear(f.source.date);
  if (f.verb) {
    const past = PAST[f.verb.text.toLowerCase()];
    if (past) return { start: f.verb.start, end: f.verb.end, newText: `${f.verb.text[0] === f.verb.text[0].toUpperCase() ? past[0].toUpperCase() + past.slice(1) : past} in ${when}` };
    return { start: f.verb.end, end: f.verb.end, newText: ` in ${when}` };
  }
  return { start: f.close, end: f.close, newText: ` (${when})` };
}

export function ignoreEdit(f: FindingData): OffsetEdit {
  return { start: f.open, end: f.open, newText: IGNORE_COMMENT + ' ' };
}

/** Applies non-overlapping edits (as an editor would): the result tests check to the character. */
export function applyEdits(text: string, edits: OffsetEdit[]): string {
  let out = text;
  // From the end backwards; insertions at one offset keep their order, as an editor applies them
  // (a citation marker at the end of a draft stays before the footnote written there).
  const order = edits.map((e, i) => ({ e, i })).sort((a, b) => b.e.start - a.e.start || b.e.end - a.e.end || b.i - a.i);
  for (const { e } of order) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}
