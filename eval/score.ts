/**
 * Scores the engine's quotations and speakers against gold attributions: quotations found,
 * speaker right (mention overlaps the source or shares a word with it), named person right
 * (the person the source names or, for a pronoun or role, refers to), and failures by cause.
 */
import type { CorpusQuote } from '../server/src/index/traceCorpus';
import type { GoldQuote, Span } from './polnear';

export interface Referent { kind: 'person' | 'org' | 'unnamed'; name: string }
export type Labels = Map<string, Referent>;
export const labelKey = (article: string, start: number) => `${article}:${start}`;

const FUNCTION_WORDS = new Set(['the', 'a', 'an', 'of', 'and', 'mr', 'mrs', 'ms', 'dr', 'rev', 'sen', 'gov', 'rep', 'gen', 'in', 'on', 'at', 'for', 'to', 'by', 'his', 'her', 'their', 's']);
const PRONOUN_SOURCE = /^(?:he|she|they|who|i|we|it|which|his|her|you|him|them|that|whom)$/i;
const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
export const wordsOf = (s: string) => (fold(s).match(/[\p{L}\p{N}]+/gu) ?? []).filter((w) => !FUNCTION_WORDS.has(w) && w.length > 1);
const lastWord = (s: string) => { const w = wordsOf(s); return w[w.length - 1] ?? ''; };
const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;

/** What a gold source refers to: a hand label, else the source's own words. */
export function referentOf(g: GoldQuote, labels: Labels): Referent | 'pronoun' {
  const label = labels.get(labelKey(g.article.name, g.start));
  if (label) return label;
  const src = g.sourceText.trim();
  if (PRONOUN_SOURCE.test(src)) return 'pronoun';
  // The head of the source phrase decides: "Clinton’s campaign", "the New York businessman" are
  // descriptions; "Rival Hillary Clinton", "the Rev. Peter Wherry, of …" name a person.
  const clause = src.split(/,|\s(?:who|which|that)\s/)[0].trim();
  // "Fight for $15 organizing director Kendall Fells": a role word then a name ends the phrase.
  const roleThenName = /\s(?:director|spokesman|spokeswoman|spokesperson|chairman|chairwoman|president|secretary|senator|governor|leader|host|co-host|anchor|analyst|adviser|advisor|aide|manager|official|organizer|founder|executive|lawyer|attorney|editor|reporter|columnist|correspondent|strategist|pollster|candidate|nominee|commissioner|mayor|minister|ambassador|professor|economist|author|writer|activist|coordinator)\s((?:\p{Lu}[\p{L}.'\u2019-]*\s)*\p{Lu}[\p{L}'\u2019-]+)$/u.exec(clause);
  if (roleThenName) return { kind: 'person', name: roleThenName[1] };
  // "Speaker of the House Rep. Paul Ryan (R-WI)": an abbreviated title then a name ends the phrase.
  const titleThenName = /(?:^|\s)(?:Rep|Sen|Gov|Mr|Mrs|Ms|Dr|Gen|Lt|Col|Adm)\.\s((?:\p{Lu}[\p{L}.'\u2019-]*\s)*\p{Lu}[\p{L}'\u2019-]+)$/u.exec(clause.replace(/\s*\([^()]*\)\s*$/, ''));
  if (titleThenName) return { kind: 'person', name: titleThenName[1] };
  const head = clause.split(/\s(?:of|in|at|from|for|with)\s/)[0].trim();
  const words = head.split(/\s+/);
  // "the Times", "the Blaze", "CNN": a publication or an organisation, not a person.
  // "Yahoo News", "Fox News": a publication's or an organisation's head word.
  if (words.length > 1 && /^(?:News|Times|Post|Journal|Press|Network|Radio|Magazine|Foundation|Institute|Committee|Council|Association|Department|Agency|Party|Caucus|University|Center|Fund|Commission|Office|Bureau|Ministry|Reports|Group)$/.test(words[words.length - 1])) return { kind: 'org', name: src };
  const capitalised = (w: string) => /^\p{Lu}/u.test(w) && !/['\u2019]s$/.test(w);
  // "the Texan", "the Utah Republican": a person described by place or party.
  if (/^the$/i.test(words[0] ?? '') && words.length > 1 && words.slice(1).every(capitalised) && (/^(?:Republican|Democrat|Independent|Conservative|Liberal|Progressive)$/.test(words[words.length - 1]) || words.length === 2 && /^[\p{L}]+(?:an|ite)$/u.test(words[1]))) return { kind: 'unnamed', name: src };
  if (/^the$/i.test(words[0] ?? '') && words.length > 1 && words.slice(1).every(capitalised) && !/^(?:Rev|Rev\.|Honorable|Reverend)$/.test(words[1]) || words.length === 1 && /^\p{Lu}{2,4}$/u.test(words[0])) return { kind: 'org', name: src };
  const last = words[words.length - 1] ?? '';
  if (/^[\p{Lu}]/u.test(last)) {
    let k = words.length - 1;
    while (k > 0 && /^[\p{Lu}]/u.test(words[k - 1]) && !/^(?:The|A|An)$/.test(words[k - 1])) k--;
    const name = words.slice(k).join(' ').replace(/['\u2019]s$/, '').replace(/^(?:(?:Mr|Mrs|Ms|Dr|Rev|Sen|Gov|Rep|Gen|Rival|President|Secretary)\.?\s+)+/, '');
    return { kind: 'person', name };
  }
  return { kind: 'unnamed', name: src };
}

export interface Scored {
  gold: GoldQuote;
  found: CorpusQuote | null;
  speakerRight: boolean;
  personRight: boolean | null;
  referent: Referent | 'pronoun';
  cause: string | null;
}

/** The engine quotation covering most of the gold quotation. */
export function matchQuote(g: GoldQuote, quotes: CorpusQuote[]): CorpusQuote | null {
  let best: CorpusQuote | null = null, bestLen = 0;
  for (const q of quotes) {
    const len = Math.min(q.end, g.end) - Math.max(q.start, g.start);
    if (len > bestLen) { best = q; bestLen = len; }
  }
  return best;
}

export function scoreQuote(g: GoldQuote, quotes: CorpusQuote[], labels: Labels, speakerName: (q: CorpusQuote) => string | null): Scored {
  const referent = referentOf(g, labels);
  const q = matchQuote(g, quotes);
  if (!q) return { gold: g, found: null, speakerRight: false, personRight: referent === 'pronoun' ? null : false, referent, cause: 'quotation not found' };
  const name = speakerName(q);
  const mention = q.speakerMention;
  const srcWords = new Set(wordsOf(g.sourceText));
  const speakerRight = !!q.speaker && (!!(mention && g.sources.some((s) => overlaps(s, mention))) || wordsOf(name ?? q.speaker.name).some((w) => srcWords.has(w)));
  let personRight: boolean | null;
  if (referent === 'pronoun') personRight = null;
  else if (referent.kind === 'unnamed') personRight = !!q.speaker && (q.speaker.anonymous || !!q.speaker.roleOnly || speakerRight);
  else {
    const target = new Set(wordsOf(referent.name));
    personRight = !!q.speaker && !q.speaker.anonymous && (target.has(lastWord(name ?? q.speaker.name)) || new Set(wordsOf(name ?? q.speaker.name)).has(lastWord(referent.name)));
  }
  const right = personRight ?? speakerRight;
  let cause: string | null = null;
  if (!right) {
    const src = g.sourceText.trim();
    if (!q.speaker) cause = 'no speaker given';
    else if (PRONOUN_SOURCE.test(src)) cause = 'pronoun resolved wrong';
    else if (referent !== 'pronoun' && referent.kind === 'unnamed') cause = 'unnamed or non-person source given to someone';
    else if (referent !== 'pronoun' && referent.kind === 'org') cause = 'organisation source given to someone';
    else cause = 'named person wrong';
  }
  return { gold: g, found: q, speakerRight, personRight, referent, cause };
}

export function parseLabels(tsv: string): Labels {
  const out: Labels = new Map();
  for (const line of tsv.split('\n')) {
    if (!line.trim() || line.startsWith('#')) continue;
    const [article, start, kind, name] = line.split('\t');
    if (!article || !start || !kind) continue;
    out.set(labelKey(article, Number(start)), { kind: kind as Referent['kind'], name: name ?? '' });
  }
  return out;
}
