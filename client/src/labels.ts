/**
 * The words the client shows for a draft's quotations (the quick pick, the status bar): plain
 * functions with no VS Code import, so they are tested in memory.
 */

export interface QuoteSummary { text: string; verdict: string; speaker: string | null; draftSpeaker?: string | null; sourceSpeaker?: string | null; range: { start: { line: number; character: number }; end: { line: number; character: number } } }

/** One icon per verdict, as the Problems panel would not tell them apart. */
export const VERDICT_ICON: Record<string, string> = { verified: '$(pass)', misquote: '$(diff)', misattributed: '$(person)', outdated: '$(history)', unsourced: '$(question)' };

/** A quick-pick line for a quotation: one line (a quotation may run over several), cut at a word. */
export function quoteLabel(q: QuoteSummary, width = 70): string {
  const flat = q.text.replace(/\s+/g, ' ').trim();
  const space = flat.lastIndexOf(' ', width - 1);
  const cut = flat.length <= width ? flat : flat.slice(0, space > width / 2 ? space : width - 1) + '…';
  return `${VERDICT_ICON[q.verdict] ?? ''} “${cut}”`;
}

/** "misattributed · draft: Pete Hegseth · source: Hanno Pevkur": who the draft says beside who the source says. */
export function quoteDescription(q: QuoteSummary): string {
  const draft = q.draftSpeaker ?? null, source = q.sourceSpeaker !== undefined ? q.sourceSpeaker : q.speaker;
  const who = draft && source && draft !== source ? [`draft: ${draft}`, `source: ${source}`] : draft || source ? [draft ?? source!] : [];
  return [q.verdict, ...who].join(' · ');
}

/** "$(quote) 8 quotes 3 $(warning) 1 $(question)": what needs a look, at a glance; all traced shows a check. */
export function draftText(tally: Record<string, number>): string {
  const total = Object.values(tally).reduce((a, b) => a + b, 0);
  const warn = (tally.misquote ?? 0) + (tally.misattributed ?? 0) + (tally.outdated ?? 0);
  const unsourced = tally.unsourced ?? 0;
  const parts = [`$(quote) ${total} ${total === 1 ? 'quote' : 'quotes'}`];
  if (warn) parts.push(`${warn} $(warning)`);
  if (unsourced) parts.push(`${unsourced} $(question)`);
  if (!warn && !unsourced && total) parts.push('$(check)');
  return parts.join(' ');
}
