/**
 * Draft text → quotations → candidates → alignment → verdict. The one entry point the LSP
 * server and the command line share.
 */
import { runSteps, runStepsInSlices } from '../steps';
import type { Article } from '../corpus/article';
import { confidentSpeaker, type Mention, type Speaker } from '../extract/extract';
import type { TraceCorpus, CorpusQuote, PositionChangeRef } from '../index/traceCorpus';
import type { Person } from '../people/registry';
import { foldWord } from '../text/normalize';
import { quoteTokens, TokenKind, wordCount } from '../text/quoteTokens';
import { align, type Alignment } from './align';
import { isDated, presentTenseVerb } from './dating';
import { scanDraft, type PlainDraftScan } from './draftScan';
import { OFF_THREAD_CHARS, scanDraftOffThread } from './scanOffThread';
import { sentenceAround, speakerWords, subjectOverlap, subjectWords, type Subject } from './topic';
import { readArticleText } from '../corpus/articleText';

export type Verdict = 'verified' | 'misquote' | 'misattributed' | 'outdated' | 'unsourced';
export type Code = Exclude<Verdict, 'verified'>;
export const CODES: Code[] = ['misattributed', 'misquote', 'outdated', 'unsourced'];

export interface WordChange { op: 'replace' | 'insert' | 'delete'; draft: string; source: string }

export interface SourceMatch {
  quote: CorpusQuote;
  article: Article;
  speaker: string | null;
  /** The part of the source quotation the draft covers (offsets into the article text). */
  start: number;
  end: number;
  /** Exact wording of that part, as the source has it. */
  wording: string;
  errors: number;
  changes: WordChange[];
}

export interface Finding {
  text: string;
  /** Offsets of the words (inside the marks) and of the marks, in the draft. */
  start: number;
  end: number;
  open: number;
  close: number;
  words: number;
  /** From the first word's start to the last word's end (the marks' inner punctuation excluded). */
  wordsStart: number;
  wordsEnd: number;
  attributedTo: string | null;
  attributedPerson: Person | null;
  attributionMention: Mention | null;
  /** The draft's reporting verb for this quotation, if it has one. */
  verb: Mention | null;
  verdict: Verdict;
  codes: Code[];
  source: SourceMatch | null;
  /** Other corpus articles that carry the same words. */
  alsoIn: SourceMatch[];
  /** For outdated: the later article that reports the change, and the draft's present-tense verb. */
  outdated: { change: PositionChangeRef; verb: string | null; overlap: string[] } | null;
}

export interface DraftReport {
  findings: Finding[];
  /** Quotations skipped by ignore comments, disabled regions or `source-trace: off`. */
  ignored: number;
  /** More quotations than maxQuotes: the rest were not checked. */
  capped: number;
  /** People the draft names, resolved against the corpus (for hovers on names). */
  people: { start: number; end: number; text: string; person: Person | null }[];
  /** The check stopped early because a newer version of the draft arrived. */
  cancelled: boolean;
}

export interface CheckOptions {
  minQuoteWords?: number;
  maxQuotes?: number;
  /** Cooperative cancellation: checked between quotations. */
  isCancelled?: () => boolean;
}

/**
 * The check as a sequence of steps, one quotation each, so a caller can run it to the end
 * (checkDraft) or in time slices that leave the event loop free and stop when cancelled
 * (checkDraftAsync, what the language server uses).
 */
function* checkSteps(corpus: TraceCorpus, text: string, options: CheckOptions, out: DraftReport, scanned?: PlainDraftScan): Generator<void, DraftReport> {
  const minWords = options.minQuoteWords ?? 4;
  const maxQuotes = options.maxQuotes ?? 5000;
  const people = corpus.people;
  const scan = scanned ?? scanDraft(text, (f) => people.resolve(f) !== undefined);
  out.ignored = scan.ignored;
  out.people = scan.extraction.people.mentions.map((m) => ({ start: m.mentionStart, end: m.end, text: m.text, person: people.resolve(m.person.name) ?? null }));
  const findings = out.findings;
  let checked = 0;
  for (const q of scan.quotes) {
    if (checked >= maxQuotes) break;
    yield;
    checked++;
    const tokens = quoteTokens(scan.prose, q.start, q.end, 'draft');
    const words = wordCount(tokens);
    if (words === 0) continue;
    const person = resolveSpeaker(corpus, q.speaker);
    const matches = findSources(corpus, scan.prose, tokens, words, person, q.speaker);
    const best = matches[0] ?? null;
    const attributedTo = q.speaker ? person?.name ?? q.speaker.name : null;
    const base = { text: q.text, start: q.start, end: q.end, open: q.open, close: q.close, words, wordsStart: tokens.starts[0], wordsEnd: tokens.ends[tokens.ends.length - 1], attributedTo, attributedPerson: person, attributionMention: q.speakerMention, verb: q.verb };
    if (!best) {
      if (words >= minWords) findings.push({ ...base, verdict: 'unsourced', codes: ['unsourced'], source: null, alsoIn: [], outdated: null });
      continue;
    }
    const codes: Code[] = [];
    if (q.speaker && misattributed(corpus, q.speaker, person, best, matches)) codes.push('misattributed');
    if (best.errors > 0) codes.push('misquote');
    const outdated = codes.includes('misattributed') ? null : outdatedBy(corpus, scan.prose, scan.extraction.paragraphs[q.paragraph], q, best);
    if (outdated) codes.push('outdated');
    const verdict: Verdict = codes[0] ?? 'verified';
    const alsoIn = matches.filter((m) => m !== best && m.errors === 0 && m.article.id !== best.article.id);
    findings.push({ ...base, verdict, codes, source: best, alsoIn, outdated });
  }
  out.capped = Math.max(0, scan.quotes.length - checked);
  return out;
}

const emptyReport = (): DraftReport => ({ findings: [], ignored: 0, capped: 0, people: [], cancelled: false });

export function checkDraft(corpus: TraceCorpus, text: string, options: CheckOptions = {}): DraftReport {
  const out = emptyReport();
  if (!runSteps(checkSteps(corpus, text, options, out), options.isCancelled)) out.cancelled = true;
  return out;
}

/** Runs the check in slices of `sliceMs`, yielding to the event loop between them; stops early when cancelled. */
export async function checkDraftAsync(corpus: TraceCorpus, text: string, options: CheckOptions & { sliceMs?: number } = {}): Promise<DraftReport> {
  const out = emptyReport();
  // A long draft is read on a worker thread: reading it cannot be sliced.
  const scanned = text.length >= OFF_THREAD_CHARS ? await scanDraftOffThread(corpus, text) : undefined;
  if (options.isCancelled?.()) { out.cancelled = true; return out; }
  if (!(await runStepsInSlices(checkSteps(corpus, text, options, out, scanned), { sliceMs: options.sliceMs, stop: options.isCancelled }))) out.cancelled = true;
  return out;
}

export function resolveSpeaker(corpus: TraceCorpus, s: Speaker | null): Person | null {
  if (!s || s.anonymous) return null;
  const people = corpus.people;
  return (s.roleOnly ? people.byRole(s.name) : people.resolve(s.name)) ?? null;
}

/**
 * Whether the draft gives the words to someone the corpus shows did not say them. Raised only on
 * evidence: the source's speaker was found confidently (a named subject of a cue, a transcript
 * label, a pronoun that agrees, a role the article resolves, an organisation), the draft's
 * speaker is a named person or organisation, and no article with the same words gives them to
 * the draft's speaker (then the corpus disagrees with itself: disputed, not misattributed).
 */
function misattributed(corpus: TraceCorpus, draft: Speaker, person: Person | null, best: SourceMatch, matches: SourceMatch[]): boolean {
  if (!confidentSpeaker(best.quote.speaker)) return false;
  if (draft.anonymous || draft.roleOnly && !person || draft.via === 'pronoun-guess') return false;
  if (sameSpeaker(corpus, draft, person, best.quote)) return false;
  return !matches.some((m) => m !== best && m.errors === 0 && sameSpeaker(corpus, draft, person, m.quote));
}

/** Whether the draft's speaker can be the source quotation's (a shared surname counts: the draft may mean either). */
function sameSpeaker(corpus: TraceCorpus, draft: Speaker, person: Person | null, source: CorpusQuote): boolean {
  if (!source.speaker) return true; // words nobody is recorded as saying cannot be misattributed
  if (draft.anonymous) return true; // an unnamed attribution hides who, it does not change who
  if (source.speaker.anonymous) return false;
  if (person && source.person && person.id === source.person.id) return true;
  const draftWords = draft.name.split(/\s+/).map(foldWord);
  const surname = draftWords[draftWords.length - 1];
  if (source.person) {
    for (const form of source.person.forms) if (form === surname || form.endsWith(' ' + surname)) return true;
    return false;
  }
  // An organisation or a name the registry does not hold: the names must share their last word.
  const sourceWords = (corpus.speakerName(source) ?? '').split(/\s+/).map(foldWord);
  return sourceWords[sourceWords.length - 1] === surname || (source.speaker.kind === 'organization' && draftWords.every((w) => sourceWords.includes(w)));
}

function findSources(corpus: TraceCorpus, prose: string, tokens: ReturnType<typeof quoteTokens>, words: number, person: Person | null, speaker: Speaker | null): SourceMatch[] {
  const ids = tokens.norms.map((w, i) => (tokens.kinds[i] === TokenKind.Word ? corpus.vocab.lookup(w) : -2));
  const draftIds = Int32Array.from(ids);
  const draftKinds = Uint8Array.from(tokens.kinds);
  const aligned: { q: CorpusQuote; a: Alignment; rank: number[] }[] = [];
  for (const c of corpus.index.candidates(ids, 12)) {
    const q = corpus.quotes[c.quote];
    if (!q) continue;
    const source = corpus.tokensOf(q);
    const a = align({ ids: draftIds, kinds: draftKinds }, source, windowFor(source.ids, draftIds));
    if (!a || !accept(a, words)) continue;
    const speaks = !speaker || sameSpeaker(corpus, speaker, person, q);
    aligned.push({ q, a, rank: [a.errors, speaks ? 0 : 1, dateRank(q.article), q.n] });
  }
  aligned.sort((x, y) => { for (let i = 0; i < x.rank.length; i++) if (x.rank[i] !== y.rank[i]) return x.rank[i] - y.rank[i]; return 0; });
  // Only the best match and exact copies elsewhere (the "also in" list) are reported: only they
  // are described, which re-tokenises the source quotation for its word offsets.
  return aligned.filter((m, i) => i === 0 || m.a.errors === 0)
    .map(({ q, a }) => ({ ...describe(prose, tokens, q, corpus.offsetsOf(q), a), speaker: corpus.speakerName(q) }));
}

/** Long source quotations (transcripts) are aligned only around the draft's words. */
function windowFor(source: Int32Array, draft: Int32Array): [number, number] | undefined {
  if (source.length * draft.length < 200_000) return undefined;
  const wanted = new Set(draft);
  let first = -1, last = -1;
  for (let i = 0; i < source.length; i++) if (wanted.has(source[i])) { if (first < 0) first = i; last = i; }
  return first < 0 ? undefined : [first - draft.length, last + draft.length];
}

function accept(a: Alignment, words: number): boolean {
  if (a.matched === 0) return false;
  if (a.errors === 0) return a.matched >= Math.min(2, words);
  if (words <= 3) return a.errors <= 1 && a.matched >= 2;
  return a.matched >= 3 && a.matched / (a.matched + a.errors) >= 0.6;
}

const dateRank = (a: Article) => (a.date ? Number(a.date.replace(/-/g, '')) : 99999999);

/** The source side's words come from the quotation's own text (offsets are the article's, so shifted by its start). */
function describe(prose: string, draft: ReturnType<typeof quoteTokens>, q: CorpusQuote, source: { starts: number[]; ends: number[] }, a: Alignment): SourceMatch {
  const start = source.starts[a.sourceFrom] ?? q.start;
  const end = a.sourceTo > a.sourceFrom ? source.ends[a.sourceTo - 1] : start;
  const piece = (starts: ArrayLike<number>, ends: ArrayLike<number>, src: string, shift: number, [x, y]: [number, number]) => (y > x ? src.slice(starts[x] - shift, ends[y - 1] - shift) : '');
  const changes: WordChange[] = [];
  for (const d of a.diff) {
    if (d.op === 'equal' || d.op === 'elided') continue;
    changes.push({ op: d.op, draft: piece(draft.starts, draft.ends, prose, 0, d.draft), source: piece(source.starts, source.ends, q.text, q.start, d.source) });
  }
  return { quote: q, article: q.article, speaker: null, start, end, wording: q.text.slice(start - q.start, end - q.start), errors: a.errors, changes };
}

const changeSubjects = new WeakMap<object, WeakMap<PositionChangeRef, Subject>>();

/** How far before and after a quotation its dating phrase may stand: a long paragraph of copy. */
const DATING_REACH = 2000;

function outdatedBy(corpus: TraceCorpus, prose: string, paragraph: { start: number; end: number } | undefined, q: { open: number; close: number }, best: SourceMatch): Finding['outdated'] {
  const person = best.quote.person;
  const date = best.article.date;
  if (!person || !date) return null;
  const changes = corpus.changesOf(person).filter((c) => c.article.date && c.article.date > date)
    .sort((x, y) => (x.article.date! < y.article.date! ? -1 : 1));
  if (!changes.length) return null;
  // Only a change on the same subject: the quotation with its source sentence against the change's
  // sentence and the one before (the articles are re-read: changes are rare).
  const sourceText = readArticleText(best.article);
  const quoteSide = `${best.quote.text} ${sourceText ? sentenceAround(sourceText, best.quote.start, best.quote.end) : ''}`;
  const personWord = (w: string) => corpus.people.isSurname(w);
  const exclude = speakerWords(person.name);
  const quoteSubject = subjectWords(quoteSide, exclude, personWord);
  // A change's subject is read once per registry (its article re-read from disk), not once per quotation.
  let cache = changeSubjects.get(corpus.people);
  if (!cache) changeSubjects.set(corpus.people, (cache = new WeakMap()));
  let later: PositionChangeRef | undefined, overlap: string[] | null = null;
  for (const c of changes) {
    let subject = cache.get(c);
    if (!subject) {
      const changeText = readArticleText(c.article);
      cache.set(c, (subject = subjectWords(changeText ? sentenceAround(changeText, c.start, c.end, true) : c.sentence, exclude, personWord)));
    }
    overlap = subjectOverlap(quoteSubject, subject);
    if (overlap) { later = c; break; }
  }
  if (!later || !overlap) return null;
  // The quotation's sentence and what precedes it in the paragraph, within reach: a megabyte-long
  // single-line draft must not make every quotation scan its whole "paragraph" for date phrases.
  const pStart = Math.max(paragraph ? paragraph.start : q.open, q.open - DATING_REACH);
  const pEnd = Math.min(paragraph ? paragraph.end : q.close, q.close + DATING_REACH);
  // The quotation's sentence runs on to the next full stop after the closing mark.
  const after = prose.slice(q.close, pEnd);
  const stop = /[.!?](?=\s|$)/.exec(after);
  const context = prose.slice(pStart, stop ? q.close + stop.index + 1 : pEnd);
  const outside = context.slice(0, q.open - pStart) + ' ' + context.slice(q.close - pStart);
  if (isDated(outside)) return null;
  return { change: later, verb: presentTenseVerb(outside), overlap };
}

/** Traces one quotation's words (no draft around it): the best source, or null. */
export function traceQuotation(corpus: TraceCorpus, quote: string): SourceMatch | null {
  const tokens = quoteTokens(quote, 0, quote.length, 'draft');
  const words = wordCount(tokens);
  if (words === 0) return null;
  return findSources(corpus, quote, tokens, words, null, null)[0] ?? null;
}
