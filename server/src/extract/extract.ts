/**
 * Direct quotations of an article and who speaks them. The same rules read corpus articles
 * and drafts: a draft is news copy too.
 */
import { foldWord } from '../text/normalize';
import { ABBREVIATIONS, paragraphsOf, sentenceStarts, type Span } from '../text/paragraphs';
import { findQuoteSpans, type QuoteSpan, type TextProblem } from './quoteMarks';
import { isCapitalised, tokens, type Token } from './names';
import { ADVERBS, ANONYMOUS_NOUNS, EDITORIAL_LABELS, NOT_NAME_WORDS, ORG_WORDS, CONTINUING_VERBS, FIRST_PERSON, NATIONALITIES, PRONOUNS, ROLE_NOUNS, SOURCE_NOUNS, SPEECH_VERBS, TITLE_WORDS } from './lexicon';
import { ArticlePeople, roleWords } from './speakers';
import { nounReading, PHRASAL_CUES, progressiveAt } from './cueVerbs';
import { findPositionChanges, type PositionChange } from './positionChanges';

export interface Speaker {
  name: string;
  /** An unnamed speaker ("a NATO official"): never compared by name. */
  anonymous: boolean;
  roles: string[];
  /** A role phrase that named no one in this article ("the defense secretary"): the corpus may know who. */
  roleOnly?: boolean;
  /** Not a person: an organisation, a document or a publication ("the commission", "the Kremlin"). */
  kind?: 'organization';
  /** How the speaker was found: what a verdict may rest on (see `confidentSpeaker`). */
  via?: Evidence;
}

/**
 * How an attribution was established. `name`: a person named as the subject of a cue (or after
 * it); `transcript`: a transcript label; `pronoun`: a he or she whose person agrees in sex;
 * `pronoun-guess`: a pronoun resolved to the nearest person of unknown sex; `role`: a role phrase
 * resolved to a person of the article; `lone-name`: a capitalised word the article never gave as
 * a name; `organization`: a source that is not a person; `unnamed`: an unnamed speaker;
 * `carried`: a paragraph of quotation alone, given the previous paragraph's speaker;
 * `sentence-subject`: the person opening the sentence of a participle cue (", calling it …");
 * `clause-subject`: the subject of the sentence a quotation stands in with no reporting verb
 * ("Cruz exhorted Republicans to “vote your conscience”"), or the owner of the words named
 * ("Trump’s claim that there were “thousands of shootings”"): where news copy puts a person's
 * words, but no verb of saying establishes it.
 */
export type Evidence = 'name' | 'transcript' | 'pronoun' | 'pronoun-guess' | 'role' | 'lone-name' | 'organization' | 'unnamed' | 'carried' | 'sentence-subject' | 'clause-subject';
export const EVIDENCE: readonly Evidence[] = ['name', 'transcript', 'pronoun', 'pronoun-guess', 'role', 'lone-name', 'organization', 'unnamed', 'carried', 'sentence-subject', 'clause-subject'];

/** Evidence strong enough to tell a journalist that someone else said it. */
export function confidentSpeaker(s: Speaker | null): boolean {
  return !!s && !s.anonymous && !s.roleOnly && (s.via === 'name' || s.via === 'transcript' || s.via === 'pronoun' || s.via === 'role' || s.via === 'organization');
}
export interface Mention { text: string; start: number; end: number }
export type CueKind = 'after' | 'before' | 'according-to' | 'transcript' | 'inherited' | 'continued' | 'clause';

export interface ExtractedQuote {
  text: string;
  start: number;
  end: number;
  open: number;
  close: number;
  paragraph: number;
  unclosed: boolean;
  speaker: Speaker | null;
  speakerMention: Mention | null;
  cue: CueKind | null;
  /** The reporting verb of the cue ("said", "says"), where there is one. */
  verb: Mention | null;
  /** Quotations continued across paragraphs share a group number. */
  group: number;
}

export interface Extraction {
  quotes: ExtractedQuote[];
  problems: TextProblem[];
  people: ArticlePeople;
  changes: PositionChange[];
  paragraphs: Span[];
}

export interface ExtractOptions {
  /** Where the article body starts (after front matter). */
  bodyStart?: number;
  /** Paragraphs given by a Markdown parser; plain text is split by paragraphsOf. */
  paragraphs?: Span[];
  knownSurname?: (fold: string) => boolean;
}

const TRANSCRIPT = /^([\p{Lu}][\p{Lu}.'\u2019 -]{1,30}):[ \t]+/u;
const TRAILING_LINK = /\s*(?:pic\.twitter\.com\/\S+|https?:\/\/\S+)\s*$/u;

export function extractQuotes(text: string, options: ExtractOptions = {}): Extraction {
  const paragraphs = options.paragraphs ?? paragraphsOf(text, options.bodyStart ?? 0);
  const problems: TextProblem[] = [];
  const spans = findQuoteSpans(text, paragraphs, problems);
  const transcript = transcriptSpans(text, paragraphs, spans);
  const inQuote = new Uint8Array(text.length + 1);
  for (const s of spans) inQuote.fill(1, s.open, s.close);
  for (const s of transcript) inQuote.fill(1, s.span.open, s.span.close);
  const masked = (i: number) => inQuote[i] === 1;
  const people = new ArticlePeople(text, paragraphs, masked, options.knownSurname);
  const ctx: Context = { text, paragraphs, masked, people, sentenceCache: new Map(), lastOrganization: null };

  const all: { span: QuoteSpan; label?: Token[] }[] = [...spans.map((span) => ({ span })), ...transcript];
  all.sort((a, b) => a.span.open - b.span.open);
  const quotes: ExtractedQuote[] = [];
  let group = 0;
  for (const { span, label } of all) {
    if (!span.continuesPrevious) group++;
    const q: ExtractedQuote = {
      text: text.slice(span.start, span.end), start: span.start, end: span.end, open: span.open, close: span.close,
      paragraph: span.paragraph, unclosed: span.unclosed, speaker: null, speakerMention: null, cue: null, verb: null, group,
    };
    if (q.text.trim() === '') continue;
    const found = label ? transcriptSpeaker(ctx, label) : attribute(ctx, span);
    if (found) { q.speaker = found.speaker; q.speakerMention = found.mention; q.cue = found.cue; q.verb = found.verb ?? null; }
    else inherit(ctx, q, span, quotes);
    if (!q.speaker && !label) {
      const subject = clauseSubject(ctx, span, quotes[quotes.length - 1]);
      if (subject) { q.speaker = subject.speaker; q.speakerMention = subject.mention; q.cue = 'clause'; }
    }
    if (q.speaker?.kind === 'organization') ctx.lastOrganization = { speaker: q.speaker, paragraph: q.paragraph };
    quotes.push(q);
  }
  shareWithinGroups(quotes);
  return { quotes, problems, people, changes: findPositionChanges(ctx), paragraphs };
}

export interface Context {
  text: string;
  paragraphs: Span[];
  masked: (i: number) => boolean;
  people: ArticlePeople;
  sentenceCache: Map<number, number[]>;
  /** The latest quotation's speaker that is an organisation or a document: what "it" may refer to. */
  lastOrganization: { speaker: Speaker; paragraph: number } | null;
}

interface Found { speaker: Speaker | null; mention: Mention | null; cue: CueKind; verb?: Mention }
const verbOf = (t: Token): Mention => ({ text: t.text, start: t.start, end: t.end });

/** Sentence start at or before `offset` within paragraph p; quotations' own punctuation does not end a sentence. */
export function sentenceStartOf(ctx: Context, p: number, offset: number): number {
  let starts = ctx.sentenceCache.get(p);
  if (!starts) {
    const { start, end } = ctx.paragraphs[p];
    // A quotation ending a sentence (“… accurate.” Then …) ends it at its closing mark.
    const masked = (i: number) => ctx.masked(i) && !(!ctx.masked(i + 2) && /[.?!]/.test(ctx.text[i]) && /\s\p{Lu}/u.test(ctx.text.slice(i + 2, i + 4)) && !rightCueFollows(ctx.text, i + 2));
    starts = sentenceStarts(ctx.text, start, end, masked);
    ctx.sentenceCache.set(p, starts);
  }
  // Binary search: a paragraph of a megabyte may hold a hundred thousand sentences.
  let lo = 0, hi = starts.length - 1;
  while (lo < hi) { const mid = (lo + hi + 1) >> 1; if (starts[mid] <= offset) lo = mid; else hi = mid - 1; }
  return starts[lo];
}

/** How far back from a quotation its cue may be: a sentence of news copy, not a megabyte. */
export const CUE_WINDOW = 400;
const windowStart = (s: number, at: number) => Math.max(s, at - CUE_WINDOW);

function rightCueFollows(text: string, at: number): boolean {
  const toks = tokens(text, at, Math.min(text.length, at + 80)).slice(0, 5);
  return toks.some((t) => SPEECH_VERBS.has(t.fold));
}

export function sentenceEndOf(ctx: Context, p: number, offset: number): number {
  sentenceStartOf(ctx, p, offset);
  const starts = ctx.sentenceCache.get(p)!;
  let lo = 0, hi = starts.length;
  while (lo < hi) { const mid = (lo + hi) >> 1; if (starts[mid] <= offset) lo = mid + 1; else hi = mid; }
  return lo < starts.length ? starts[lo] : ctx.paragraphs[p].end;
}

function attribute(ctx: Context, span: QuoteSpan): Found | null {
  return rightCue(ctx, span) ?? dashCue(ctx, span) ?? leftCue(ctx, span) ?? accordingTo(ctx, span) ?? colonCue(ctx, span) ?? sentenceFinalCue(ctx, span);
}

/** `A cashier who “steals a handful of $20s” is held accountable, Warren said.`: the cue that ends the quotation's own sentence. */
function sentenceFinalCue(ctx: Context, span: QuoteSpan): Found | null {
  const p = span.paragraph;
  const end = sentenceEndOf(ctx, p, span.close);
  if (end <= span.close) return null;
  let e = end;
  while (e > span.close && /[\s.!?]/.test(ctx.text[e - 1])) e--;
  // Only a cue after a comma closing the sentence ("…, Warren said."), with no other quotation after this one.
  for (let i = span.close; i < e; i++) if (ctx.masked(i)) return null;
  const tail = tokens(ctx.text, Math.max(span.close, e - 60), e).filter((t) => !ctx.masked(t.start)).slice(-4);
  const v = tail.findIndex((t) => SPEECH_VERBS.has(t.fold) && !isCapitalised(t));
  if (v < 0 || !/,[^,]{1,60}$/.test(ctx.text.slice(span.close, e))) return null;
  const found = cueBefore(ctx, p, e);
  return found && { ...found, cue: 'after' };
}

/** `“…” ― Sonya Herridge`: a dash after the quotation and a name, as letters and vox pops are signed. */
function dashCue(ctx: Context, span: QuoteSpan): Found | null {
  const m = /^[ \t\u00A0]*[\u2015\u2014\u2013-][ \t\u00A0]*(?=\p{Lu})/u.exec(ctx.text.slice(span.close, span.close + 8));
  if (!m) return null;
  const from = span.close + m[0].length;
  const who = subjectAfter(ctx, from, Math.min(ctx.paragraphs[span.paragraph].end, from + 80), 2);
  return who && { ...who, cue: 'after' };
}

/** `Caddell continued:` ⏎ `“…”`: a paragraph that ends in a colon introduces the quotation opening the next. */
function colonCue(ctx: Context, span: QuoteSpan): Found | null {
  const p = span.paragraph;
  if (p === 0 || /\S/.test(ctx.text.slice(ctx.paragraphs[p].start, span.open))) return null;
  const prev = ctx.paragraphs[p - 1];
  if (ctx.text[prev.end - 1] !== ':') return null;
  const cued = cueBefore(ctx, p - 1, prev.end - 1);
  if (cued) return cued;
  // "On July 6, Sanders made the following comment:": no verb of saying, but the paragraph exists
  // to introduce the words; its subject is who said them, as a guess.
  const who = sentenceSubject(ctx, sentenceStartOf(ctx, p - 1, prev.end - 1), prev.end - 1);
  return who ? { ...clauseFound(who), cue: 'before' } : null;
}

/** `“…,” Hegseth said` / `“…,” said Hegseth` / `“…?” a reporter asked Hegseth`. */
function rightCue(ctx: Context, span: QuoteSpan): Found | null {
  if (span.unclosed && !span.continuesNext) return null;
  const { text } = ctx;
  // “You say you ‘accept responsibility,’” Merkley said: the inner quotation's mark is not the punctuation.
  const inner = text.slice(span.start, span.end).trimEnd().replace(/['\u2019\u201D"]+$/, '');
  const last = inner[inner.length - 1];
  if (!last || !/[,?!\u2014\u2013\-\u2026.;:]/.test(last)) {
    // British style puts the comma outside: “…”, Hegseth said.
    if (text[span.close] !== ',') return null;
  }
  const pEnd = ctx.paragraphs[span.paragraph].end;
  let limit = Math.min(pEnd, span.close + 240);
  for (let i = span.close; i < limit; i++) if (ctx.masked(i)) { limit = i; break; }
  const toks = tokens(text, span.close, limit);
  if (toks.length === 0) return null;
  if (/[.;!?]/.test(text.slice(span.close, toks[0].start))) return null;
  const endOfSentence = (from: number) => {
    for (let i = from; i < limit; i++) if (/[.;!?]/.test(text[i]) && !/\p{L}\./u.test(text.slice(i - 1, i + 1)) || text[i] === '\n') return i;
    return limit;
  };
  if (SPEECH_VERBS.has(toks[0].fold)) {
    const who = subjectAfter(ctx, toks[0].end, endOfSentence(toks[0].end));
    return who && { ...who, cue: 'after', verb: verbOf(toks[0]) };
  }
  // “…,” Maria Lopez, general counsel to the mayor's campaign, said: an appositive may stand between.
  const appositive = (text[toks[0].end] === ',' || /^[^,]{0,60},\s/.test(text.slice(toks[0].end, toks[0].end + 62))) && !!ctx.people.mentionAt(toks[0].start, toks[0].end);
  const maxBefore = appositive ? 40 : last === '.' ? 4 : 9;
  // “….” The network said it would …: a quotation that ends its sentence, then a new sentence whose
  // verb takes a clause of its own, is not that verb's quotation.
  const newSentence = last === '.' && isCapitalised(toks[0]);
  for (let k = 1; k < Math.min(toks.length, maxBefore + 1); k++) {
    const gap = text.slice(toks[k - 1].end, toks[k].start);
    // A full stop ends the cue's reach, unless it closes an abbreviation ("Sen.") or a label ("(R-Fla.)").
    if (/[.;!?]/.test(gap) && !(gap.startsWith('. ') && ABBREVIATIONS.has(toks[k - 1].fold)) && !/^\.\)\s+$/.test(gap)) return null;
    // "“…,” for instance, and Trump vowed": a conjunction opens a clause of its own.
    if (/,\s*(?:and|but|while|whereas|although|though)\b/i.test(text.slice(span.close, toks[k].start))) return null;
    const phrasal = PHRASAL_CUES.has(toks[k].fold) && /^(back|out)$/.test(toks[k + 1]?.fold ?? '');
    if ((SPEECH_VERBS.has(toks[k].fold) || phrasal) && !nounReading(toks[k - 1]) && !isCapitalised(toks[k])) {
      // "…,” a spokesman for Voss, who asked not to be named, said": a relative clause's verb is not the cue.
      if (/^(who|which|that)$/.test(toks[k - 1].fold)) continue;
      if (newSentence && /^\s+(?:that|it|he|she|they|we|the|a|an|his|her|their|its|there|this|to)\b/i.test(text.slice(toks[k].end, toks[k].end + 8))) return null;
      // "“….” Trump campaign spokesman Jason Miller added, “…”": a verb that opens a quotation of its own is that one's cue.
      if (newSentence && /^\s*[,:]\s*(?:[\u201C"\u00AB\u201E]|'')/.test(text.slice(toks[k].end, toks[k].end + 6))) return null;
      const who = subjectBefore(ctx, span.close, toks[k].start);
      return who && { ...who, cue: 'after', verb: verbOf(toks[k]) };
    }
  }
  return null;
}

/** `Hegseth said: “…”`, `He called it “…”`, `he said, adding that … “…”`. */
function leftCue(ctx: Context, span: QuoteSpan): Found | null {
  return cueBefore(ctx, span.paragraph, span.open) ?? colonSubject(ctx, span.paragraph, span.open);
}

/** `Clinton, on Twitter: “…”`, `Trump in a statement: “…”`: a person opening a sentence that ends in a colon. */
function colonSubject(ctx: Context, p: number, at: number): Found | null {
  const before = ctx.text.slice(Math.max(ctx.paragraphs[p].start, at - 120), at);
  if (!/:\s*$/.test(before)) return null;
  const s = sentenceStartOf(ctx, p, at);
  const toks = tokens(ctx.text, s, at).filter((t) => !ctx.masked(t.start));
  // "More from Blumenthal and Cohen: “…”": the person named right before the colon.
  const lastTok = toks[toks.length - 1];
  const end = lastTok && ctx.people.mentionAt(lastTok.start, lastTok.end);
  if (end && /^\s*:\s*$/.test(ctx.text.slice(end.end, at)) && !/['\u2019]s$/.test(ctx.text.slice(end.start, end.end + 2))) {
    return { ...personFound(end.person, { text: end.text, start: end.start, end: end.end }, 'lone-name'), cue: 'before' };
  }
  const m = toks[0] && ctx.people.mentionAt(toks[0].start, toks[0].end);
  if (!m) return null;
  const rest = ctx.text.slice(m.end, at);
  if (!/^,?\s*(?:(?:on|in|via)\s+(?:Twitter|X|Facebook|Instagram|Truth Social|a\s+\w+(?:\s+\w+)?|an\s+\w+(?:\s+\w+)?|his\s+\w+|her\s+\w+))?,?\s*:\s*$/u.test(rest)) return null;
  return { ...personFound(m.person, { text: m.text, start: m.start, end: m.end }, 'name'), cue: 'before' };
}

/** The reporting cue of the sentence that runs up to `at` in paragraph p, and its subject. */
function cueBefore(ctx: Context, p: number, at: number): Found | null {
  const s = windowStart(sentenceStartOf(ctx, p, at), at);
  if (s >= at) return null;
  const toks = tokens(ctx.text, s, at).filter((t) => !ctx.masked(t.start));
  const folds = toks.map((t) => t.fold);
  let participle = -1;
  for (let k = toks.length - 1; k >= 0; k--) {
    const f = folds[k];
    if (CONTINUING_VERBS.has(f)) {
      const prev = toks[k - 1];
      let who: Omit<Found, 'cue'> | null = null;
      // "Trump is calling it", "was claiming": a progressive is finite; its subject stands before the auxiliary.
      if (prev && progressiveAt(folds, k)) who = subjectBefore(ctx, s, prev.start);
      // "He’s claiming": the contraction holds both.
      else if (prev?.possessive && PRONOUNS.has(prev.fold)) who = subjectAt(ctx, toks, k - 1, 'before');
      // "footage of Clinton asking, “…”", "Trump saying during the debate, “…”": the person right before the participle.
      else if (prev && !prev.possessive && /^ $/.test(ctx.text.slice(prev.end, toks[k].start)) && ctx.people.mentionAt(prev.start, prev.end)) who = subjectAt(ctx, toks, k - 1, 'before');
      if (who) return { ...who, cue: 'before', verb: verbOf(toks[k]) };
      // ", calling him “…”": the participle's subject is the sentence's, unless an earlier cue says otherwise.
      if (prev && participle < 0 && /,\s*$/.test(ctx.text.slice(prev.end, toks[k].start))) participle = k;
      continue;
    }
    // "shot back", "fired back", "lashed out", "as X put it": a phrasal cue.
    if ((PHRASAL_CUES.has(f) && /^(back|out)$/.test(folds[k + 1] ?? '') || f === 'put' && folds[k + 1] === 'it') && !nounReading(toks[k - 1])) {
      const who = subjectBefore(ctx, s, toks[k].start);
      if (who) return { ...who, cue: 'before', verb: verbOf(toks[k]) };
    }
    if (!SPEECH_VERBS.has(f) || nounReading(toks[k - 1]) || (k > 0 && isCapitalised(toks[k]))) continue;
    // "Stevie Wonder, who joked of the museum, “…”": a relative clause on a person gives that person;
    // "a candidate who promised …" is not the quotation's cue.
    const rel = relativeBefore(folds, k);
    if (rel >= 0) {
      // Whether the relative clause runs on into the quotation, in the same sentence ("…, who asked
      // not to be named, said" and "…, who had condemned it. “…”" closed it before).
      const open = ctx.masked(at) && !/[,.!?;]/.test(ctx.text.slice(toks[k].end, at).replace(/[,:]\s*$/, ''));
      const found = relativeAntecedent(ctx, s, toks, rel, open);
      if (found) return { ...found, cue: 'before', verb: verbOf(toks[k]) };
      continue;
    }
    // "when asked about" is not a cue: a passive participle has no subject of its own.
    // "was widely ridiculed": an adverb may stand between the auxiliary and the participle.
    let aux = k - 1;
    while (aux > 0 && /^[a-z]{3,}ly$/.test(toks[aux].text)) aux--;
    if (aux >= 0 && /^(when|if|as|after|being|been|was|were|is|are|be|get|gets|got)$/.test(folds[aux])) continue;
    const verbFirst = /^(?:\W*(?:but|and|so|yet|still|then|now|again|also|later)\b)*\W*$/iu.test(ctx.text.slice(s, toks[k].start));
    const who = verbFirst ? subjectAfter(ctx, toks[k].end, at) : subjectBefore(ctx, s, toks[k].start) ?? coordinatedSubject(ctx, s, toks, aux);
    if (who) return { ...who, cue: 'before', verb: verbOf(toks[k]) };
  }
  if (participle >= 0) {
    const who = sentenceSubject(ctx, s, toks[participle].start) ?? namedByCueBefore(ctx, s, toks[participle].start);
    if (who) return { ...who, cue: 'before', verb: verbOf(toks[participle]) };
  }
  return null;
}

/**
 * "“…,” said Mayor Ana Ruiz, urging them to “give him time.”": the person a reporting verb names
 * right before the participle's comma is its subject.
 */
function namedByCueBefore(ctx: Context, from: number, participleStart: number): Omit<Found, 'cue'> | null {
  const mentions = ctx.people.mentions;
  for (let i = ctx.people.firstEndingAfter(from); i < mentions.length; i++) {
    const m = mentions[i];
    if (m.end > participleStart) break;
    if (m.start < from || !/^\s*,\s*$/.test(ctx.text.slice(m.end, participleStart))) continue;
    const verb = /(\p{L}+)\s+$/u.exec(ctx.text.slice(Math.max(from, m.mentionStart - 20), m.mentionStart));
    if (verb && SPEECH_VERBS.has(verb[1].toLowerCase())) return personFound(m.person, { text: m.text, start: m.start, end: m.end }, 'name');
  }
  return null;
}

/**
 * Where the relative pronoun of a cue verb stands: right before it, or before a time phrase or an
 * adverb ("who in 2010 said", "who later wrote"); -1 when the verb opens no relative clause.
 */
const TIME_OPENERS = new Set('in on during last this earlier later once also then had has have previously recently famously'.split(' '));
const TIME_WORDS = new Set([...TIME_OPENERS, ...'year week month monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september october november december'.split(' ')]);
function relativeBefore(folds: string[], k: number): number {
  if (k > 0 && /^(who|which|that)$/.test(folds[k - 1])) return k - 1;
  for (let j = k - 1; j > 0 && j >= k - 4; j--) {
    if (folds[j - 1] !== 'who' && folds[j - 1] !== 'which') continue;
    const between = folds.slice(j, k);
    const timely = TIME_OPENERS.has(between[0]) && between.every((w) => TIME_WORDS.has(w) || /^\d{1,4}$/.test(w));
    return timely ? j - 1 : -1;
  }
  return -1;
}

/**
 * The speaker a relative clause gives: "Ana Ruiz, who said" (the subject of the sentence too,
 * unless a preposition governs it), and, while the clause runs on to the quotation, "Ruiz, now the
 * majority leader, who in 2010 said" (one appositive between) and "the Lakemont Police
 * Department, which reported".
 */
function relativeAntecedent(ctx: Context, s: number, toks: Token[], rel: number, open: boolean): Omit<Found, 'cue'> | null {
  if (rel < 1) return null;
  const pronoun = toks[rel];
  if (!open) {
    const ante = pronoun.fold === 'who' && /,\s*$/.test(ctx.text.slice(toks[rel - 1].end, pronoun.start)) ? ctx.people.mentionAt(toks[rel - 1].start, toks[rel - 1].end) : undefined;
    if (!ante || /['\u2019]s$/.test(ctx.text.slice(ante.start, ante.end + 2)) || afterPreposition(ctx, s, ante.mentionStart)) return null;
    return personFound(ante.person, { text: ante.text, start: ante.start, end: ante.end }, 'name');
  }
  if (pronoun.fold === 'which') {
    if (!/^,\s*$/.test(ctx.text.slice(toks[rel - 1].end, pronoun.start))) return null;
    let a = rel - 1;
    while (a > 0 && isCapitalised(toks[a - 1]) && ctx.text.slice(toks[a - 1].end, toks[a].start) === ' ' && !toks[a - 1].possessive) a--;
    return isCapitalised(toks[a]) ? organizationRun(ctx, toks.slice(0, rel), a) : null;
  }
  if (pronoun.fold !== 'who') return null;
  for (let j = rel - 1; j >= 0 && j >= rel - 8; j--) {
    const ante = ctx.people.mentionAt(toks[j].start, toks[j].end);
    if (!ante) continue;
    const gap = ctx.text.slice(ante.end, pronoun.start);
    if (!/^,(?:\s[^,]{1,60},)?\s*$/.test(gap) || /['\u2019]s$/.test(ctx.text.slice(ante.start, ante.end + 2))) return null;
    return personFound(ante.person, { text: ante.text, start: ante.start, end: ante.end }, 'name');
  }
  return null;
}

/**
 * "Donald Trump, her opponent, bemoaned the unrest and said …", "The Republican nominee outlined
 * his plan and vowed …": a cue verb after "and" shares the subject that opens the sentence. Only
 * a person (or a role the article resolves) opening the sentence counts, with no other person
 * named before the "and", which might own a clause of its own.
 */
function coordinatedSubject(ctx: Context, s: number, toks: Token[], and: number): Omit<Found, 'cue'> | null {
  if (and < 1 || toks[and].fold !== 'and') return null;
  const andAt = toks[and].start;
  const who = sentenceSubject(ctx, s, andAt);
  if (who?.mention) {
    const others = ctx.people.mentions.some((m) => m.start > who.mention!.end && m.end <= andAt);
    const opens = !/[\p{L}]/u.test(ctx.text.slice(s, who.mention.start).replace(/^[^,]*,\s*/, ''));
    return others || !opens ? null : { ...who, speaker: who.speaker && { ...who.speaker, via: 'name' } };
  }
  // "The Republican nominee also outlined …": a role phrase opening the sentence.
  if (!/^(the|a|an)$/.test(toks[0].fold)) return null;
  for (let k = 1; k <= 4 && k < and; k++) {
    if (!ROLE_NOUNS.has(toks[k].fold)) continue;
    const role = subjectAt(ctx, toks, k, 'before');
    return role?.speaker?.via === 'role' && !role.speaker.roleOnly ? role : null;
  }
  return null;
}

/** `according to X`, `per X`, anywhere in the quotation's sentence. */
function accordingTo(ctx: Context, span: QuoteSpan): Found | null {
  const s = windowStart(sentenceStartOf(ctx, span.paragraph, span.open), span.open);
  const e = Math.min(sentenceEndOf(ctx, span.paragraph, span.close), span.close + CUE_WINDOW);
  const sentence = ctx.text.slice(s, e);
  for (const m of sentence.matchAll(/\b(?:according to|per)\s+/gi)) {
    const at = s + m.index!;
    if (ctx.masked(at)) continue;
    const from = at + m[0].length;
    const who = subjectAfter(ctx, from, Math.min(e, from + 80)) ?? loneName(ctx, from);
    if (who) return { ...who, cue: 'according-to' };
  }
  return null;
}

function subjectBefore(ctx: Context, from: number, to: number): Omit<Found, 'cue'> | null {
  // "Rep. John Mica (R-Fla.) said": a parenthesis before the verb is the name's label.
  // So is a party-and-state label between commas: "Mitch McConnell, R-Ky., said".
  const label = /\s*\([^()]{1,40}\)\s*$|,\s*[RDI]-[\p{Lu}][\p{L}.]{0,12},\s*$/u.exec(ctx.text.slice(Math.max(from, to - 44), to));
  if (label) to -= label[0].length;
  // "John Dickey, the chief executive of Ora Media -- the company that owns …, which … Ora's site -- told me":
  // an aside between dashes is no subject.
  const aside = /\s(?:--|\u2014|\u2013)\s[^\u2014\u2013]*?\s(?:--|\u2014|\u2013)\s*$/u.exec(ctx.text.slice(Math.max(from, to - 300), to));
  if (aside) {
    to -= aside[0].length;
    // The dashes close the appositive the comma after the name opened.
    const named = appositiveHead(ctx, from, to, 1);
    if (named) return named;
  }
  // "A port official, who asked not to be named, said": skip one parenthetical clause.
  const before = ctx.text.slice(from, to);
  const paren = /,\s*(?:who|which|granted|speaking|citing|according|a|an|the|himself|herself|also)\b[^,]*,\s*$/iu.exec(before);
  if (paren) {
    to = from + paren.index;
    // "Michael Mulgrew, president of the teachers' union, which represents …, said": the clause
    // closed an appositive the comma after the name opened.
    const named = appositiveHead(ctx, from, to, 1);
    if (named) return named;
  }
  // "Donna Rawlings, 59, of Ashton, Md., who watched …, said": what is left may still end an appositive.
  if (/,\s*$/.test(before) || paren && /,[^,]{1,30},?\s*$/.test(ctx.text.slice(from, to))) {
    // "Douglas Holtz-Eakin, an economist who …, and now president of …, said": a longer
    // appositive. The subject is the last person named right before a comma that opens a
    // description (lower case, a number, a determiner), within the sentence.
    const named = appositiveHead(ctx, from, to);
    if (named) return named;
  }
  const toks = tokens(ctx.text, from, to).filter((t) => !ctx.masked(t.start));
  let k = toks.length - 1;
  while (k >= 0 && (ADVERBS.has(toks[k].fold) || toks[k].fold === 'flat-out' || /^[a-z]{3,}ly$/.test(toks[k].text)) && !isCapitalName(ctx, toks[k])) k--;
  if (k < 0) return null;
  // "Sen. Bernie Sanders (I-Vt.) on Saturday criticized": a parenthesis labels the name before it.
  // Searched within [from, to) only: an unbounded lastIndexOf reads back to the article's start on every cue.
  let open = toks[k].start;
  while (--open >= from && ctx.text.charCodeAt(open) !== 40 /* ( */ && ctx.text.charCodeAt(open) !== 41 /* ) */);
  const close = open >= from && ctx.text.charCodeAt(open) === 40 ? ctx.text.indexOf(')', toks[k].end) : -1;
  if (close >= 0 && close < to) {
    while (k >= 0 && toks[k].start > open) k--;
    if (k < 0) return null;
  }
  // "Mr. Tramble, asked about …, had said": a comma right before the auxiliaries closes an appositive.
  const gapEnd = k + 1 < toks.length ? toks[k + 1].start : to;
  if (k < toks.length - 1 && ctx.text.slice(toks[k].end, gapEnd).includes(',')) {
    const named = appositiveHead(ctx, from, gapEnd);
    if (named) return named;
  }
  const who = subjectAt(ctx, toks, k, 'before');
  // "Critics of Voss mocked", "a spokesman for Voss said": a preposition's object is not the subject.
  if (who?.speaker?.via === 'name' && who.mention && afterPreposition(ctx, from, who.mention.start)) return null;
  // "Stacy Baker of Columbia, South Carolina says": a place after "of" belongs to the person before it.
  if (who?.speaker?.kind === 'organization' && who.mention) {
    for (let i = ctx.people.firstEndingAfter(who.mention.start) - 1; i >= 0; i--) {
      const m = ctx.people.mentions[i];
      if (m.end > who.mention.start) continue;
      if (m.start < from) break;
      if (/^,?\s+(?:of|from)\s[^.;:!?]*$/.test(ctx.text.slice(m.end, who.mention.start))) return personFound(m.person, { text: m.text, start: m.start, end: m.end }, 'name');
      break;
    }
  }
  return who;
}

/** The person a sentence opens with, as its subject ("In a press conference, Trump launched …"): not after a preposition, not a possessive. */
function sentenceSubject(ctx: Context, from: number, to: number): Omit<Found, 'cue'> | null {
  const mentions = ctx.people.mentions;
  for (let i = ctx.people.firstEndingAfter(from); i < mentions.length; i++) {
    const m = mentions[i];
    if (m.start < from) continue;
    if (m.start >= to) break;
    if (/['\u2019]s$/.test(ctx.text.slice(m.start, m.end + 2))) continue;
    const before = ctx.text.slice(from, m.mentionStart);
    if (/\b(?:of|to|with|for|against|about|at|by|from|than|like|on|over|into|between|among|after|before|under|and|or|that|who|which)\s+(?:the\s+)?$/i.test(before)) continue;
    // Before the subject only an opening phrase may stand (up to a comma), not a clause with its own verb.
    if (/[\p{L}]/u.test(before) && !/,\s*$/.test(before)) continue;
    return personFound(m.person, { text: m.text, start: m.start, end: m.end }, 'sentence-subject');
  }
  return null;
}

/** Words that put another's text or a title before a quotation: the sentence's subject did not say it. */
const OTHERS_WORDS = new Set(['read', 'reads', 'reading', 'recited', 'cited', 'cites', 'citing', 'quoted', 'quotes', 'quoting', 'titled', 'entitled', 'headlined', 'headline', 'headlines', 'sign', 'signs', 'banner', 'banners', 'caption', 'slogan', 'slogans', 'placard', 'placards', 'poster', 'posters', 'shirt', 'shirts', 't-shirt', 't-shirts', 'motto', 'song', 'album', 'film', 'book', 'show', 'series', 'letter', 'memo', 'says', 'said']);

/** Nouns for what someone said: the owner of the words is their speaker ("Trump’s claim that …"). */
const WORDS_NOUNS = new Set(['claim', 'claims', 'statement', 'statements', 'remark', 'remarks', 'comment', 'comments', 'words', 'assertion', 'promise', 'pledge', 'vow', 'tweet', 'tweets', 'description', 'warning', 'accusation', 'charge', 'insistence', 'suggestion', 'argument', 'quip', 'boast', 'call', 'plea', 'line', 'phrase', 'message', 'answer', 'response', 'reply', 'prediction', 'declaration', 'characterization', 'contention', 'complaint']);

/**
 * A quotation no reporting verb attributes, inside a sentence whose subject is a person
 * ("In recent weeks, Reid has gone after Trump as a “human leech”", "He released a letter that
 * says he has “extraordinarily good health”"), or after the person's own words named
 * ("Trump’s claim that …"). News copy puts a person's words there; it is evidence enough to
 * trace and to show, never to raise an alarm (see `confidentSpeaker`).
 */
function clauseSubject(ctx: Context, span: QuoteSpan, prev: ExtractedQuote | undefined): Omit<Found, 'cue'> | null {
  const p = span.paragraph;
  if (!/\S/.test(ctx.text.slice(ctx.paragraphs[p].start, span.open))) return null;
  const s = windowStart(sentenceStartOf(ctx, p, span.open), span.open);
  if (s >= span.open) return null;
  const toks = tokens(ctx.text, s, span.open).filter((t) => !ctx.masked(t.start));
  if (toks.length === 0) return null;
  // "Trump’s claim that there have been “…”": the words' owner, right before the noun.
  for (let k = toks.length - 1; k > 0 && k >= toks.length - 12; k--) {
    if (!WORDS_NOUNS.has(toks[k].fold) || !toks[k - 1].possessive) continue;
    const owner = ctx.people.mentionAt(toks[k - 1].start, toks[k - 1].end);
    if (owner) return clauseFound(personFound(owner.person, { text: owner.text, start: owner.start, end: owner.end }, 'clause-subject'));
  }
  // Another quotation earlier in the sentence hides the subject, unless it was the subject's too
  // ("Kall compared Trump to a coach who is “working the referees” in hopes that “they'll go easier”").
  for (let i = s; i < span.open; i++) if (ctx.masked(i)) return prev && prev.close > s && prev.close <= span.open && prev.speaker?.via === 'clause-subject' ? { speaker: prev.speaker, mention: prev.speakerMention } : null;
  // "Tanaka read the Herald headline: “…”", "a sign that said …", "a book titled …": someone else's words, or a title.
  if (toks.some((t) => OTHERS_WORDS.has(t.fold))) return null;
  // "However, he characterized …": an opening phrase up to a comma may stand before the subject.
  const opener = toks.findIndex((t, i) => i < 6 && /^,\s/.test(ctx.text.slice(t.end, t.end + 2)));
  const first = /^(he|she)$/.test(toks[0].fold) || opener < 0 || opener + 1 >= toks.length ? toks[0] : toks[opener + 1];
  if (/^(he|she)$/.test(first.fold)) {
    const ref = ctx.people.resolvePronoun(first.fold, first.start);
    // A clause subject is never grounds for an alarm: the one subject of the sentence before will do, whatever its sex.
    return ref?.agrees || ref?.alone ? clauseFound(personFound(ref.mention.person, { text: first.text, start: first.start, end: first.end }, 'clause-subject')) : null;
  }
  const who = sentenceSubject(ctx, s, span.open);
  if (who) return clauseFound(who);
  // "A Government Accountability Office report released last year found that …": a document or
  // an organisation opening the sentence speaks through it.
  const at = opener >= 0 && opener + 1 < toks.length && !/^(a|an|the|this|that|its|their)$/.test(toks[0].fold) ? opener + 1 : 0;
  if (!/^(a|an|the|this|that|its|their)$/.test(toks[at].fold)) return null;
  for (let k = at + 1; k < toks.length && k <= at + 5; k++) {
    if (!SOURCE_NOUNS.has(toks[k].fold) || ANONYMOUS_NOUNS.has(toks[k].fold) || ROLE_NOUNS.has(toks[k].fold) || toks[k].possessive) continue;
    // The head is the last noun of the run ("a state audit office report").
    while (k + 1 < toks.length && k + 1 <= at + 6 && SOURCE_NOUNS.has(toks[k + 1].fold) && !toks[k].possessive) k++;
    const doc = subjectAt(ctx, toks, k, 'before');
    return doc?.speaker?.kind === 'organization' ? clauseFound(doc) : null;
  }
  return null;
}

const clauseFound = (f: Omit<Found, 'cue'>): Omit<Found, 'cue'> => f.speaker ? { ...f, speaker: { ...f.speaker, via: 'clause-subject' } } : f;

function appositiveHead(ctx: Context, from: number, to: number, minCommas = 2): Omit<Found, 'cue'> | null {
  for (let i = ctx.people.firstEndingAfter(to) - 1; i >= 0; i--) {
    const m = ctx.people.mentions[i];
    if (m.end > to) continue;
    if (m.start < from) break;
    const after = ctx.text.slice(m.end, m.end + 40);
    // A description opens lower case, with a number or a determiner, or with a possessive ("Twitter’s director of …").
    if (!/^,\s+(?:[\p{Ll}\d]|(?:a|an|the|one|who|whose|now|then|also)\b|\p{Lu}[\p{L}.&-]*['\u2019]s\s+\p{Ll})/u.test(after)) continue;
    // "a spokesman for Voss, who asked not to be named, said": a preposition's object heads nothing.
    if (afterPreposition(ctx, from, m.mentionStart)) continue;
    // The appositive runs from the comma after the name to the comma before the verb: not empty.
    if ((ctx.text.slice(m.end, to).match(/,/g) ?? []).length < minCommas) continue;
    // What stands between must not be a new clause with its own finite cue verb.
    // ("Tramble, asked about …," opens with a participle of its own: that one is part of the appositive.)
    const between = tokens(ctx.text, m.end, to);
    if (between.some((t, i) => i > 0 && SPEECH_VERBS.has(t.fold) && !nounReading(between[i - 1]))) continue;
    return personFound(m.person, { text: m.text, start: m.start, end: m.end }, 'name');
  }
  return null;
}

/** Whether a preposition stands right before `at` (after `from`): its object is no subject. */
function afterPreposition(ctx: Context, from: number, at: number): boolean {
  const m = /\b(of|for|against|about|with|to|by|than|like|on|over|into|toward|towards|among|between|through|upon)\s+(?:the\s+)?$/i.exec(ctx.text.slice(Math.max(from, at - 30), at));
  if (!m) return false;
  // "Speaker of the House Paul Ryan", "Secretary of State Kerry": "of" after a capitalised title is part of the title.
  if (m[1].toLowerCase() === 'of') {
    const before = /(\p{Lu}[\p{L}.]*)\s+$/u.exec(ctx.text.slice(Math.max(from, at - 30), at - m[0].length));
    // Only where a department follows ("of the House", "of State"), not a person's title ("the secretary of Mr. Voss").
    const after = /^\p{Lu}[\p{L}]*(?=[\s,])/u.exec(ctx.text.slice(at, at + 20))?.[0];
    if (before && ROLE_NOUNS.has(foldWord(before[1])) && after && TITLE_WORDS.has(foldWord(after)) && !ROLE_NOUNS.has(foldWord(after))) return false;
  }
  return true;
}

function isCapitalName(ctx: Context, t: Token): boolean {
  return !!ctx.people.mentionAt(t.start, t.end);
}

function subjectAfter(ctx: Context, from: number, to: number, maxWords = 12): Omit<Found, 'cue'> | null {
  const toks = tokens(ctx.text, from, to).filter((t) => !ctx.masked(t.start));
  for (let k = 0; k < toks.length && k < maxWords; k++) {
    const t = toks[k];
    if (PRONOUNS.has(t.fold) || FIRST_PERSON.has(t.fold)) return subjectAt(ctx, toks, k, 'after');
    const m = ctx.people.mentionAt(t.start, t.end);
    if (m && !ctx.text.slice(m.end, m.end + 2).match(/^['\u2019]s/)) {
      // "said Clinton ally James Carville", "said Ayotte campaign manager Jon Kohan": a name used as a
      // modifier of a role, with the speaker's own name after it.
      const after = /^ \p{Ll}/u.test(ctx.text.slice(m.end, m.end + 2)) ? tokens(ctx.text, m.end, Math.min(to, m.end + 60)).slice(0, 4) : [];
      let r = 0;
      while (r < after.length - 1 && !isCapitalised(after[r]) && (ROLE_NOUNS.has(after[r].fold) || ANONYMOUS_NOUNS.has(after[r].fold) || /^(campaign|ally|former|senior|top|chief|deputy|communications|press)$/.test(after[r].fold))) r++;
      const later = r > 0 ? ctx.people.mentionAt(after[r].start, after[r].end) : undefined;
      if (later) return personFound(later.person, { text: later.text, start: later.start, end: later.end }, 'name');
      return personFound(m.person, { text: m.text, start: m.start, end: m.end }, 'name');
    }
    if (ANONYMOUS_NOUNS.has(t.fold) || SOURCE_NOUNS.has(t.fold) && !t.possessive) {
      // "said European Council President Donald Tusk": a capitalised source noun inside a title
      // names no one; the person after it does.
      const who = subjectAt(ctx, toks, k, 'after');
      if (who || !isCapitalised(t)) return who;
    }
  }
  // "said Rasmussen Reports", "— Sierra Club": an organisation named after the cue.
  const first = toks[0];
  if (first && /^\p{Lu}/u.test(first.text) && maxWords <= 12) {
    const org = organizationRun(ctx, toks, 0);
    if (org) return org;
  }
  return null;
}

/** A capitalised run starting at toks[k] that names an organisation or a place, not a person. */
function organizationRun(ctx: Context, toks: Token[], k: number): Omit<Found, 'cue'> | null {
  let b = k;
  while (b + 1 < toks.length && /^\p{Lu}/u.test(toks[b + 1].text) && ctx.text.slice(toks[b].end, toks[b + 1].start) === ' ' && !toks[b].possessive) b++;
  const words = toks.slice(k, b + 1);
  if (!words.some(organizationWord)) return null;
  const start = words[0].start, end = words[words.length - 1].end;
  return { speaker: organization(ctx.text.slice(start, end).replace(/^The\s+/, '')), mention: { text: ctx.text.slice(start, end), start, end } };
}

/**
 * "PolitiFact", "WikiLeaks", "BlackRock": a capital inside a word after four or more letters is
 * a brand's, not a name's ("McCain", "DeShawn", "MacArthur", "LaToya" capitalise within three).
 */
function isBrandWord(word: string): boolean {
  return /^\p{Lu}\p{Ll}{3,}\p{Lu}\p{Ll}/u.test(word) && !/^Fitz/.test(word);
}

/** A word that makes its capitalised run an organisation's or a place's name: a lexicon word, a nationality, an acronym, a brand. */
function organizationWord(t: Token): boolean {
  return ORG_WORDS.has(t.fold) || t.fold in NATIONALITIES || (t.text.length > 1 && t.text === t.text.toUpperCase() && /\p{Lu}{2}/u.test(t.text)) || isBrandWord(t.text);
}

function organization(name: string): Speaker {
  return { name, anonymous: false, roles: [], kind: 'organization', via: 'organization' };
}

/** "per Mensah": a capitalised name right after the cue, even one the article never gave in full. */
function loneName(ctx: Context, from: number): Omit<Found, 'cue'> | null {
  const m = /^[\p{Lu}][\p{L}\p{M}'\u2019-]+(?: [\p{Lu}][\p{L}\p{M}'\u2019-]+){0,2}/u.exec(ctx.text.slice(from, from + 60));
  if (!m || m[0].split(' ').some((w) => NOT_NAME_WORDS.has(foldWord(w)))) return null;
  if (m[0].split(' ').some((w) => ORG_WORDS.has(foldWord(w)) || isBrandWord(w))) return { speaker: organization(m[0].replace(/^The\s+/, '')), mention: { text: m[0], start: from, end: from + m[0].length } };
  return { speaker: { name: m[0], anonymous: false, roles: [], via: 'lone-name' }, mention: { text: m[0], start: from, end: from + m[0].length } };
}

function personFound(p: { name: string; roles: string[]; firstNameOnly?: boolean }, mention: Mention, via: Evidence): Omit<Found, 'cue'> {
  // A person the article names by first name only is traced, never compared with confidence.
  if (p.firstNameOnly && (via === 'name' || via === 'pronoun')) via = via === 'name' ? 'lone-name' : 'pronoun-guess';
  return { speaker: { name: p.name, anonymous: false, roles: [...p.roles], via }, mention };
}

function subjectAt(ctx: Context, toks: Token[], k: number, side: 'before' | 'after'): Omit<Found, 'cue'> | null {
  const t = toks[k];
  const mention = (a: number, b: number): Mention => ({ text: ctx.text.slice(a, b), start: a, end: b });
  if (FIRST_PERSON.has(t.fold)) return null;
  // "“…,” the Times wrote. “…,” it further wrote": "it" as a cue's subject is the organisation
  // that spoke last, in this paragraph or the one before; a guess, never grounds for a warning.
  if (t.fold === 'it' && side === 'before') {
    const org = ctx.lastOrganization;
    if (!org || ctx.paragraphs[org.paragraph].end < (ctx.paragraphs[Math.max(0, ctx.paragraphs.findIndex((p) => p.end >= t.start) - 1)]?.start ?? 0)) return null;
    return { speaker: { ...org.speaker, via: 'pronoun-guess' }, mention: mention(t.start, t.end) };
  }
  if (PRONOUNS.has(t.fold)) {
    const ref = ctx.people.resolvePronoun(t.fold, t.start);
    return ref ? personFound(ref.mention.person, mention(t.start, t.end), ref.agrees && !ref.ambiguous ? 'pronoun' : 'pronoun-guess') : null;
  }
  const named = ctx.people.mentionAt(t.start, t.end);
  if (named) return personFound(named.person, mention(named.mentionStart < named.start && side === 'before' ? named.mentionStart : named.start, named.end), 'name');
  if (SOURCE_NOUNS.has(t.fold) && !ANONYMOUS_NOUNS.has(t.fold) && !ROLE_NOUNS.has(t.fold)) {
    // "The commission says", "Clinton’s campaign said", "a joint statement from the ministries": a source that is not a person.
    let a = k;
    while (a > 0 && k - a < 4 && !/^(a|an|the)$/.test(toks[a].fold) && (toks[a - 1].possessive || /^(a|an|the|this|that|its|their|his|her|new|joint|latest|recent|same|official|internal)$/.test(toks[a - 1].fold) || /^\p{Lu}/u.test(toks[a - 1].text) || /^[\p{Ll}]+$/u.test(toks[a - 1].text) && a - 1 > 0 && /^(a|an|the)$/.test(toks[a - 2].fold))) a--;
    // Only a noun phrase that a determiner or a possessive opens names a source ("the report", "its letter").
    if (!/^(a|an|the|this|its|their|his|her)$/.test(toks[a].fold) && !toks[a].possessive) return null;
    const start = toks[a].start;
    return { speaker: organization(ctx.text.slice(start, t.end).replace(/^(?:the|a|an)\s+/i, 'the ')), mention: mention(start, t.end) };
  }
  if (ANONYMOUS_NOUNS.has(t.fold) || ROLE_NOUNS.has(t.fold)) {
    // Walk back to the determiner or possessive that opens the noun phrase.
    let a = k;
    while (a > 0 && k - a < 5 && !/^(a|an|the|one|another)$/.test(toks[a].fold) && !toks[a - 1].possessive) a--;
    if (a > 0 && toks[a - 1].possessive) a--;
    const start = toks[a].start;
    const phrase = ctx.text.slice(start, t.end);
    const det = toks[a].fold;
    if (ROLE_NOUNS.has(t.fold) && !ANONYMOUS_NOUNS.has(t.fold) || (det !== 'a' && det !== 'an' && ROLE_NOUNS.has(t.fold) && toks.slice(a, k).some((x) => x.fold in NATIONALITIES))) {
      const words = roleWords(phrase);
      const p = ctx.people.byRole(words, start);
      if (p) return personFound(p, mention(start, t.end), 'role');
      if (det === 'the' || toks[a].possessive) return { speaker: { name: phrase.replace(/^the\s+/i, ''), anonymous: false, roles: [phrase], roleOnly: true, via: 'role' }, mention: mention(start, t.end) };
    }
    if (det === 'the') {
      const earlier = ctx.people.anonymousBefore(start, 1500);
      if (earlier) return { speaker: anonymousSpeaker(earlier.text), mention: mention(start, t.end) };
    }
    return { speaker: anonymousSpeaker(phrase), mention: mention(start, t.end) };
  }
  // An organisation speaks too ("the Kremlin said"); a lone capitalised word that names no one does not.
  if (/^\p{Lu}/u.test(t.text) && !ADVERBS.has(t.fold) && !NOT_NAME_WORDS.has(t.fold)) {
    let a = k;
    while (a > 0 && /^\p{Lu}/u.test(toks[a - 1].text) && ctx.text.slice(toks[a - 1].end, toks[a].start) === ' ' && !toks[a - 1].possessive) a--;
    while (a < k && NOT_NAME_WORDS.has(toks[a].fold)) a++;
    const run = toks.slice(a, k + 1);
    const name = ctx.text.slice(toks[a].start, t.end).replace(/^The\s+/, '');
    // "Secretary of State Blinken", "Minister of the Interior Faeser": the department ends the title, the surname follows.
    if (side === 'before' && a === k - 1 && TITLE_WORDS.has(toks[a].fold) && !TITLE_WORDS.has(t.fold) && !ORG_WORDS.has(t.fold) && titleOfBefore(toks, a)) {
      return { speaker: { name: t.text, anonymous: false, roles: [], via: 'lone-name' }, mention: mention(t.start, t.end) };
    }
    const org = run.some(organizationWord) || (a > 0 && toks[a - 1].fold === 'the');
    if (org) return { speaker: organization(name), mention: mention(toks[a].start, t.end) };
    // A lone capitalised word right before a reporting verb is a surname the article never gave in full.
    if (side === 'before' && a === k && t.text.length > 1 && !TITLE_WORDS.has(t.fold)) return { speaker: { name: t.text, anonymous: false, roles: [], via: 'lone-name' }, mention: mention(t.start, t.end) };
    return { speaker: { name, anonymous: false, roles: [], via: 'lone-name' }, mention: mention(toks[a].start, t.end) };
  }
  // "“…,” the gambling tycoon told Reuters": a definite description the lexicon does not know, as
  // the subject of a cue, is someone unnamed; never compared by name, never grounds for a warning.
  // ("who has in the past described …": a time is nobody.)
  if (side === 'before' && /^\p{Ll}{3,}$/u.test(t.text) && !ADVERBS.has(t.fold) && !t.possessive && !NOT_A_NOUN.test(t.fold) && !TIME_NOUNS.has(t.fold)) {
    for (let a = k - 1; a >= 0 && k - a <= 3; a--) {
      if (toks[a].fold === 'the') return { speaker: anonymousSpeaker(ctx.text.slice(toks[a].start, t.end)), mention: mention(toks[a].start, t.end) };
      if (!/^\p{Ll}{3,}(?:-\p{Ll}+)?$/u.test(toks[a].text) || toks[a].possessive || ADVERBS.has(toks[a].fold) || NOT_A_NOUN.test(toks[a].fold)) break;
    }
  }
  return null;
}

/** Function words and common verbs: never the head of a description ("the car and", "the work is"). */
const TIME_NOUNS = new Set('past future meantime interim end time moment days years weeks months decades beginning start aftermath wake morning afternoon evening night weekend'.split(' '));
const NOT_A_NOUN = /^(?:and|but|nor|yet|that|this|these|those|which|who|whom|whose|with|from|for|into|onto|over|about|after|before|when|while|than|then|also|not|has|have|had|was|were|are|is|been|being|will|would|could|should|can|may|might|must|did|does|said|says|told|one|all|any|each|its|their|his|her|our|your)$/;

/** Whether toks[a] follows "<role noun> of" or "<role noun> of the". */
function titleOfBefore(toks: Token[], a: number): boolean {
  let i = a - 1;
  if (i >= 0 && toks[i].fold === 'the') i--;
  return i >= 1 && toks[i].fold === 'of' && ROLE_NOUNS.has(toks[i - 1].fold);
}

export function anonymousSpeaker(phrase: string): Speaker {
  const clean = phrase.replace(/[,\s]+$/, '').replace(/^(the|one|another)\s+/i, 'a ').replace(/^(A|An)\s/, (m) => m.toLowerCase());
  const name = /^an?\s/i.test(clean) ? clean.replace(/^an?\s+/i, '') : clean;
  return { name: `${/^[aeiou]/i.test(name) ? 'an' : 'a'} ${name}`, anonymous: true, roles: [], via: 'unnamed' };
}

function transcriptSpans(text: string, paragraphs: Span[], spans: QuoteSpan[]): { span: QuoteSpan; label: Token[] }[] {
  const out: { span: QuoteSpan; label: Token[] }[] = [];
  paragraphs.forEach((p, i) => {
    const m = TRANSCRIPT.exec(text.slice(p.start, Math.min(p.end, p.start + 40)));
    if (!m || spans.some((s) => s.open < p.end && s.close > p.start)) return;
    let end = p.end;
    const link = TRAILING_LINK.exec(text.slice(p.start, p.end));
    if (link) end = p.start + link.index;
    const start = p.start + m[0].length;
    if (end <= start) return;
    const label = tokens(text, p.start, p.start + m[1].length);
    if (label.every((t) => EDITORIAL_LABELS.has(t.fold))) return;
    out.push({ span: { start, end, open: start, close: end, paragraph: i, continuesNext: false, continuesPrevious: false, unclosed: false }, label });
  });
  return out;
}

function transcriptSpeaker(ctx: Context, label: Token[]): Found | null {
  const words = label.map((t) => t.text[0] + t.text.slice(1).toLowerCase());
  const name = words.join(' ');
  const mention: Mention = { text: ctx.text.slice(label[0].start, label[label.length - 1].end), start: label[0].start, end: label[label.length - 1].end };
  if (label.length === 1 && ANONYMOUS_NOUNS.has(label[0].fold)) return { speaker: anonymousSpeaker(label[0].fold), mention, cue: 'transcript' };
  const p = ctx.people.lookup(name);
  return { speaker: p ? { name: p.name, anonymous: false, roles: [...p.roles], via: 'transcript' } : { name, anonymous: false, roles: [], via: 'transcript' }, mention, cue: 'transcript' };
}

/** “…,” Vietor wrote. “…” — a quotation that is a sentence of its own keeps the speaker of the one before. */
/** A speaker carried over from elsewhere: evidence enough to trace, never for an alarm. */
function carry(q: ExtractedQuote, speaker: Speaker, mention: Mention | null, verb: Mention | null) {
  q.speaker = speaker.anonymous ? speaker : { ...speaker, via: 'carried' };
  q.speakerMention = mention;
  q.verb = verb;
  q.cue = 'inherited';
}

function inherit(ctx: Context, q: ExtractedQuote, span: QuoteSpan, before: ExtractedQuote[]) {
  const prev = before[before.length - 1];
  if (prev?.speaker && prev.paragraph === q.paragraph - 1 && quoteOnlyParagraph(ctx, q.paragraph)) {
    // News copy runs a speaker's words on in a paragraph of their own: the previous paragraph's
    // speaker, carried, which is evidence enough to trace but not to raise an alarm.
    carry(q, prev.speaker, prev.speakerMention, prev.verb);
    return;
  }
  const s = windowStart(sentenceStartOf(ctx, span.paragraph, span.open), span.open);
  // "Instead, “he just acts …”": a connective alone before the quotation still opens it on its own.
  if (/[\p{L}\p{N}]/u.test(ctx.text.slice(s, span.open).replace(CONNECTIVE_OPENING, ''))) return;
  if (!prev || prev.paragraph !== q.paragraph || !prev.speaker || prev.close < sentenceStartOf(ctx, span.paragraph, Math.max(s - 2, ctx.paragraphs[span.paragraph].start))) {
    // "…, Schiff said. “The other factor …”" and "Her old partner called her a closer. “She never
    // let a deal go.”": the sentence before, when a reporting verb is its cue, gives its speaker to
    // the quotation opening the next one, carried (not evidence enough for an alarm).
    const bridged = prev?.paragraph === q.paragraph && prev.speaker && !prev.speaker.kind ? pronounBridge(ctx, span.paragraph, s, prev) : false;
    if (bridged && prev?.speaker) { carry(q, prev.speaker, prev.speakerMention, prev.verb); return; }
    const found = cueOfSentenceBefore(ctx, span.paragraph, s);
    if (found?.speaker) carry(q, found.speaker, found.mention ?? null, found.verb ?? null);
    return;
  }
  q.speaker = prev.speaker;
  q.speakerMention = prev.speakerMention;
  q.verb = prev.verb;
  q.cue = 'inherited';
}

/**
 * "“…,” Obama said after the meeting. He didn't suggest retaliation. “Our goal …”": one sentence
 * between, whose subject is a he or she that refers to the previous quotation's speaker, keeps
 * the speaker on the next quotation (carried: not evidence enough for an alarm).
 */
function pronounBridge(ctx: Context, p: number, s: number, prev: ExtractedQuote): boolean {
  const pStart = ctx.paragraphs[p].start;
  if (s - 2 <= pStart) return false;
  const between = sentenceStartOf(ctx, p, s - 2);
  if (between <= pStart || prev.close < sentenceStartOf(ctx, p, between - 2) || prev.close > between) return false;
  const m = /^\s*(He|She)\b/.exec(ctx.text.slice(between, s));
  if (!m) return false;
  for (let i = between; i < s; i++) if (ctx.masked(i)) return false;
  const at = between + m[0].length - m[1].length;
  const ref = ctx.people.resolvePronoun(m[1].toLowerCase(), at);
  return !!ref && !ref.ambiguous && ref.mention.person.name === prev.speaker?.name;
}

/** Words that join a sentence to the one before without a subject of their own. */
const CONNECTIVE_OPENING = /^\s*(?:and|but|instead|still|yet|also|then|again|later|so)\s*,?\s*/i;

/** The reporting cue of the sentence before `sentenceStart` in the same paragraph, and its subject. */
function cueOfSentenceBefore(ctx: Context, p: number, sentenceStart: number): Found | null {
  const pStart = ctx.paragraphs[p].start;
  if (sentenceStart <= pStart) return null;
  let end = sentenceStart;
  while (end > pStart && /[\s.!?]/.test(ctx.text[end - 1])) end--;
  return cueBefore(ctx, p, end);
}

/** A paragraph that holds nothing but quotation: no word of it stands outside the marks. */
function quoteOnlyParagraph(ctx: Context, p: number): boolean {
  const { start, end } = ctx.paragraphs[p];
  const text = ctx.text;
  for (let i = start; i < end; i++) {
    if (ctx.masked(i)) continue;
    const c = text.charCodeAt(i);
    // Spaces and ASCII punctuation are no words; anything else is tested as a letter or digit.
    if (c <= 0x40 && !(c >= 48 && c <= 57) || c >= 0x5B && c <= 0x60 || c >= 0x7B && c <= 0x7F) continue;
    if (c >= 0x80 ? /[\p{L}\p{N}]/u.test(text[i]) : true) return false;
  }
  return true;
}

function shareWithinGroups(quotes: ExtractedQuote[]) {
  const byGroup = new Map<number, ExtractedQuote[]>();
  for (const q of quotes) byGroup.set(q.group, [...(byGroup.get(q.group) ?? []), q]);
  for (const members of byGroup.values()) {
    if (members.length < 2) continue;
    const named = [...members].reverse().find((q) => q.speaker);
    if (!named) continue;
    for (const q of members) if (!q.speaker) { q.speaker = named.speaker; q.speakerMention = named.speakerMention; q.cue = 'continued'; }
  }
}

