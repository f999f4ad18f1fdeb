/** The words a journalist reads in the Problems panel and on the command line. */
import type { Code, Finding } from './checkDraft';
import { monthYear } from './dating';
import type { Article } from '../corpus/article';

export const DEFAULT_SEVERITY: Record<Code, 'error' | 'warning' | 'information' | 'hint'> = {
  misattributed: 'warning',
  misquote: 'warning',
  outdated: 'warning',
  unsourced: 'information',
};

/** How an article is named to a reader: its title, or its file name when the title is unknown. */
export function articleLabel(a: Article): string {
  return a.title ? `“${a.title}”` : a.path.replace(/^.*[\\/]/, '');
}

export function cite(f: Finding): string {
  const s = f.source;
  if (!s) return '';
  const a = s.article;
  return [a.outlet, articleLabel(a), a.date].filter(Boolean).join(', ');
}

export function changeList(f: Finding): string {
  return (f.source?.changes ?? []).map((c) =>
    c.op === 'replace' ? `“${c.draft}” should be “${c.source}”` : c.op === 'insert' ? `“${c.draft}” is not in the source` : `“${c.source}” was dropped`).join('; ');
}

export function message(f: Finding, code: Code): string {
  const s = f.source;
  switch (code) {
    case 'misattributed':
      return `Misattributed: the corpus has these words from ${s?.speaker ?? 'someone else'}, not ${f.attributedTo} (${cite(f)}).`;
    case 'misquote':
      return `Misquoted: ${changeList(f)}. The source reads “${s?.wording ?? ''}” (${s?.speaker ?? 'unattributed'}, ${cite(f)}).`;
    case 'outdated': {
      const o = f.outdated!;
      const when = s?.article.date ? monthYear(s.article.date) : 'an earlier date';
      return `Outdated: ${s?.speaker} said this in ${when}; a later article reports the position changed: “${o.change.sentence}” (${articleLabel(o.change.article)}, ${o.change.article.date}). Date the quotation${o.verb ? ` rather than “${o.verb}”` : ''}.`;
    }
    case 'unsourced':
      return `Unsourced: no article in the corpus carries these words.`;
  }
}
