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

/**
 * What each code means, for a reader who meets it outside the editor (SARIF's rule help in code
 * scanning): the README's "Diagnostic codes" in short.
 */
export const RULE_HELP: Record<Code, { short: string; full: string }> = {
  misquote: {
    short: 'The quotation\u2019s words differ from its source',
    full: 'The draft\u2019s words differ from the closest quotation in the corpus. The message lists each change and the source\u2019s wording; quote the source exactly, or mark the change ([brackets], an ellipsis).',
  },
  misattributed: {
    short: 'The words are in the corpus from someone else',
    full: 'The corpus has these words from another speaker than the one the draft names. Raised only when the source article names its speaker with a verb of saying (or a transcript label, an agreeing pronoun, a resolved role), and no other article gives the words to the draft\u2019s speaker.',
  },
  outdated: {
    short: 'The speaker later changed position on this subject',
    full: 'A later article in the corpus reports that the speaker changed position on the same subject, and the draft does not date the quotation. Date it ("said in February 2025") or quote the later position.',
  },
  unsourced: {
    short: 'No article in the corpus has these words',
    full: 'No quotation in the corpus carries these words. Add the source article to the corpus, or check the wording: a quotation that cannot be traced cannot be verified.',
  },
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
