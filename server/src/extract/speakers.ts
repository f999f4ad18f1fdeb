/**
 * The people an article mentions, in order, so pronouns and surnames can be resolved to the
 * nearest compatible person, and unnamed speakers ("A NATO official") can be referred back to.
 */
import { foldWord } from '../text/normalize';
import { ABBREVIATIONS } from '../text/paragraphs';
import { ANONYMOUS_NOUNS, NATIONALITIES, SPEECH_VERBS, TITLE_WORDS } from './lexicon';
import { capitalisedRuns, mentionsInRun, type CapitalisedRun, type PersonMention } from './names';
import { isCommonWord, isGivenName, sexOfGivenName, type Sex } from '../people/nameWords';

export interface LocalPerson {
  /** The fullest form of the name the article uses ("Pete Hegseth"). */
  name: string;
  roles: string[];
  mentions: number;
  /** Which of he and she fits, where the article says (an honorific, a given name). */
  sex?: Sex;
  /** Named by first name only ("Melanie said"): who it is stays a guess, never grounds for an alarm. */
  firstNameOnly?: boolean;
}

export interface PlacedMention { person: LocalPerson; start: number; end: number; mentionStart: number; text: string }
export interface AnonymousMention { text: string; start: number; end: number; noun: string; definite: boolean }

/** "Retired Lt. Gen. ", "Mr. ": the titles before a name belong to the subject, not before it. */
function stripTitles(before: string): string {
  let out = before;
  for (let m; (m = /(?:^|\s)([\p{Lu}][\p{L}]*)\.?\s*$/u.exec(out)) && (ABBREVIATIONS.has(m[1].toLowerCase()) || TITLE_WORDS.has(m[1].toLowerCase()));) out = out.slice(0, m.index);
  return out;
}

/** Whether a sentence ends in text[from, to): a full stop, question or exclamation mark before a
 * space and a capital (or a line break); "Mr." and "H." are no ends, as `sentenceStarts` reads them.
 * A character loop: it runs for every pronoun of the corpus. */
function sentenceEndsIn(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) return true;
    if (c !== 46 && c !== 33 && c !== 63) continue; // . ! ?
    let j = i + 1;
    while (j < text.length && /["\u201D'\u2019)]/.test(text[j])) j++;
    if (j >= text.length || !/\s/.test(text[j])) continue;
    while (j < text.length && (text[j] === ' ' || text[j] === '\t')) j++;
    // "(R-Ga.) said", "etc. and": a sentence opens with a capital, a digit or a quotation mark.
    if (j < text.length && /\p{Ll}/u.test(text[j])) continue;
    if (c === 46) {
      const word = /([\p{L}]+)$/u.exec(text.slice(Math.max(0, i - 12), i));
      if (word && (ABBREVIATIONS.has(word[1].toLowerCase()) || word[1].length === 1 && /\p{Lu}/u.test(word[1]))) continue;
    }
    return true;
  }
  return false;
}
const MODIFIER_AFTER = /^ (?:(?:campaign|administration|camp|team|family|transition|White House)\s+)?(?:senior\s+|chief\s+|top\s+|deputy\s+|former\s+)?(?:(?:communications?|press|policy|political|legal|digital|national security|finance|field|research|campaign)\s+)?(?:director|secretary|counsel|consultant|operative|chief of staff|spokesman|spokeswoman|spokesperson|aide|adviser|advisor|manager|chairman|lawyer|attorney|ally|strategist|pollster|surrogate|official|staffer)\s+\p{Lu}/u;
const NOUN_AFTER = /^ (?:campaign|administration|camp|team|foundation|family|presidency|era|supporters|voters|rally|rallies|speech|aides|allies|surrogates|backers|loyalists|brand|organization|plan|policy|policies|victory|win|loss|candidacy|nomination|ticket|agenda|doctrine|years)\b/;
const MALE_DESCRIPTION = /\b(?:my|our|his|her|their|the|a)\s+(?:(?:late|older|younger|elder|eldest|old|young)\s+)?(?:father|dad|brother|son|husband|uncle|grandfather|boyfriend|nephew|man)\b/i;
const FEMALE_DESCRIPTION = /\b(?:my|our|his|her|their|the|a)\s+(?:(?:late|older|younger|elder|eldest|old|young)\s+)?(?:mother|mom|sister|daughter|wife|aunt|grandmother|girlfriend|niece|woman)\b/i;
/** What stands between a name and the role it modifies ("Trump campaign spokesman Jason Miller"). */
const MODIFIER_GAP = /^ (?:(?:campaign|administration|camp|team|family|transition)\s+)?$/;
const WITH_BEFORE = /\b[Ww]ith\s+$/;
const WITH_AGENT = /^(?:\s*(?:--|\u2014|\u2013)\s[^\u2014\u2013]{1,120}?\s(?:--|\u2014|\u2013)|,[^,]{1,80},)?\s+(?:\p{Ll}+ly\s+)?\p{Ll}{3,}ing\b/u;
const ACCORDING_TO = /(?:^|[.,;:\n]\s*|\s)[Aa]ccording to\s+$/;
const NOMINATIVE = /\b([Hh]e|[Ss]he)\b/g;
const PREPOSITION_BEFORE = /\b(?:of|to|with|for|against|about|at|by|from|than|like|toward|towards|on|over|into|between|among|through)\s+(?:the\s+)?$/i;
const ANONYMOUS_NOUN = new RegExp(`\\b(?:${[...ANONYMOUS_NOUNS].join('|')})\\b`, 'gi');
const DETERMINER_BEFORE = /\b(an?|one|another|the)\s+(?:[\p{L}.\u2019'-]+\s+){0,3}$/iu;

/** Title-case lines without closing punctuation are headlines: their capitals name no one. */
export function isHeadline(text: string, first = false): boolean {
  // The last non-space character, found from the end: a `…\s*$` regex is tried at every offset.
  let i = text.length - 1;
  while (i >= 0 && /\s/.test(text[i])) i--;
  const closed = i >= 0 && '.?!\u201D"'.includes(text[i]);
  if (closed && i < 60 && isSectionHeading(text.trim())) return true;
  // Some copy ends the headline on its first line with a full stop; elsewhere a closed line is prose.
  if (closed && (!first || text.length > 200)) return false;
  const words = text.split(/\s+/).filter((w) => /^[\p{L}]{4,}/u.test(w));
  const capitals = words.filter((w) => /^\p{Lu}/u.test(w)).length / words.length;
  // Some copy ends its headline with a full stop: then nearly every word must be capitalised.
  return words.length >= 3 && capitals >= (closed ? 0.85 : 0.6) && (!closed || words.length >= 4);
}

/**
 * A short section heading closed by a full stop ("An Ambitious, Divisive Legacy.", "Little Relief
 * For Refugees."): every word capitalised, and an article or a common word says it is no name. A
 * letter writer's signature ("Dana Whitfield.", "Atul M. Karnik.") and a credit line
 * ("Contributing: Ana Ruiz.") name a person.
 */
function isSectionHeading(line: string): boolean {
  if (line.includes(':')) return false;
  const words = line.split(/\s+/);
  if (!words.every((w) => /^[^\p{L}]*\p{Lu}/u.test(w)) || words.filter((w) => /^[\p{L}]{4,}/u.test(w)).length < 2) return false;
  if (/^(?:An?|The) /.test(line)) return true;
  const folds = words.map((w) => foldWord(w.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '')));
  return !isGivenName(folds[0]) && folds.some(isCommonWord);
}

/**
 * Where a paragraph's prose starts after a run-in heading ("Little Relief for Refugees: The crisis
 * …"): three or more capitalised words with a lowercase joining word, or four or more, before a
 * colon that opens a capitalised sentence. "Sen. Ana Ruiz: …" is a speaker's label, not a heading.
 */
const RUN_IN_HEADING = /^((?:\p{Lu}[\p{L}'\u2019-]*|of|for|and|on|in|to|the|with|at|a|an)(?: (?:\p{Lu}[\p{L}'\u2019-]*|of|for|and|on|in|to|the|with|at|a|an)){2,7}): (?=\p{Lu})/u;
export function proseStart(text: string, p: { start: number; end: number }, colon = text.indexOf(':', p.start)): number {
  if (colon < 0 || colon >= Math.min(p.end, p.start + 90)) return p.start;
  const to = Math.min(p.end, p.start + 90);
  const m = RUN_IN_HEADING.exec(text.slice(p.start, to));
  if (!m) return p.start;
  const words = m[1].split(' ');
  const capitals = words.filter((w) => /^\p{Lu}/u.test(w));
  if (capitals.length < 3 || !/^\p{Lu}/u.test(words[words.length - 1])) return p.start;
  return capitals.length < words.length || capitals.length >= 4 ? p.start + m[0].length : p.start;
}

/**
 * Words of the article's firm names ("Hogan & Hartson", "Procter & Gamble"): a run they open names
 * the firm ("now Hogan Lovells"), not a person, in that article. Null when the article has none.
 */
function firmWords(text: string, paragraphRuns: CapitalisedRun[][]): Set<string> | null {
  let words: Set<string> | null = null;
  // From the capitalised runs already found: scanning the whole text again costs every article.
  for (const runs of paragraphRuns) for (let i = 0; i + 1 < runs.length; i++) {
    const end = runs[i].start + runs[i].text.length;
    if (runs[i + 1].start !== end + 3 || text.charCodeAt(end + 1) !== 38 /* & */ || text.charCodeAt(end) !== 32) continue;
    const a = foldWord(runs[i].text.slice(runs[i].text.lastIndexOf(' ') + 1)), b = foldWord(/^[\p{L}\p{M}'\u2019-]+/u.exec(runs[i + 1].text)?.[0] ?? '');
    // "Jim & Sarah" are two people; a firm has a word that is no given name.
    if (isGivenName(a) && isGivenName(b)) continue;
    (words ??= new Set()).add(a).add(b);
  }
  return words;
}

/** Levenshtein distance of a and b, or max + 1 as soon as it must exceed max. */
// Two rows reused across calls: it runs for lone capitalised words on the indexing hot path.
let rowA = new Int32Array(64), rowB = new Int32Array(64);
export function editDistance(a: string, b: string, max: number): number {
  if (b.length + 1 > rowA.length) { rowA = new Int32Array(b.length + 1); rowB = new Int32Array(b.length + 1); }
  let prev = rowA, cur = rowB;
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let best = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca === b.charCodeAt(j - 1) ? 0 : 1));
      cur[j] = v;
      if (v < best) best = v;
    }
    if (best > max) return max + 1;
    const t = prev; prev = cur; cur = t;
  }
  return prev[b.length];
}

/**
 * "“I would,” Melanie said": a feature story names some people by first name only. A lone given
 * name that no common word shares, most of whose bearers are of one sex, as the subject of a
 * reporting verb, is such a person (with the sex the name tells, for he and she).
 */
// "in Brooklyn said": a place after a preposition.
const PLACE_BEFORE = /\b(?:in|from|at|of|to|near|outside|across|around|for|on|with|by)\s+$/i;
function firstNameSpeakers(text: string, runs: { run: CapitalisedRun; fold: string }[]): Map<string, Sex> {
  const out = new Map<string, Sex>();
  for (const { run: r, fold: f } of runs) {
    // The word after first, read by hand: a lone capitalised word opens most sentences, and a
    // miss in the small verb set costs less than one in the long list of given names.
    if (!reportingVerbAfter(text, r.start + r.text.length)) continue;
    const sex = sexOfGivenName(f);
    if (!sex || out.has(f) || isCommonWord(f)) continue;
    if (!PLACE_BEFORE.test(text.slice(Math.max(0, r.start - 12), r.start)) && !usedAsSurname(text, r.text)) out.set(f, sex);
  }
  return out;
}

/** Whether a reporting verb follows `at`, after whitespace and perhaps an adverb ("Melanie quietly said"). */
function reportingVerbAfter(text: string, at: number): boolean {
  const first = wordAfter(text, at);
  if (!first) return false;
  if (SPEECH_VERBS.has(first.word)) return true;
  if (!first.word.endsWith('ly')) return false;
  const second = wordAfter(text, first.end);
  return !!second && SPEECH_VERBS.has(second.word);
}

/** The lowercase ASCII word after whitespace at `at`, and where it ends. */
function wordAfter(text: string, at: number): { word: string; end: number } | null {
  let i = at;
  while (i < text.length && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 10 || text.charCodeAt(i) === 160)) i++;
  if (i === at) return null;
  let j = i;
  while (j < text.length && j - i < 20) { const c = text.charCodeAt(j); if (c < 97 || c > 122) break; j++; }
  return j - i > 1 ? { word: text.slice(i, j), end: j } : null;
}

/**
 * "the Clinton campaign", "the Carter years", "the Clintons": Clinton, Carter and Taylor are given
 * names too, but an article that uses the word as a family's name is not naming someone by first name.
 */
function usedAsSurname(text: string, word: string): boolean {
  for (let i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + word.length)) {
    if (i > 0 && /\p{L}/u.test(text[i - 1])) continue;
    const after = text.slice(i + word.length, i + word.length + 16);
    if (/^e?s(?!\p{L})/u.test(after) || NOUN_AFTER.test(after)) return true;
    if (/^(?!\p{L})/u.test(after) && /\bthe\s+$/i.test(text.slice(Math.max(0, i - 5), i))) return true;
  }
  return false;
}

export class ArticlePeople {
  readonly persons: LocalPerson[] = [];
  readonly mentions: PlacedMention[] = [];
  /** Unnamed speakers per paragraph, found when first asked for: only cues like "the official said" need them. */
  private readonly anonymousIn = new Map<number, AnonymousMention[]>();
  private readonly paragraphs: { start: number; end: number }[];
  private readonly byFull = new Map<string, LocalPerson>();
  /** Everyone the article names in full with a surname, in order of introduction. */
  private readonly bySurname = new Map<string, LocalPerson[]>();

  /**
   * @param knownSurname a surname known from elsewhere (the people file, other articles), so a
   * lone "Hegseth" is read as a person even in an article that never names him in full.
   */
  constructor(private readonly text: string, paragraphs: { start: number; end: number }[], private readonly masked: (i: number) => boolean, knownSurname: (fold: string) => boolean = () => false) {
    // First pass: full names, so that the second knows this article's surnames. A run is read
    // again in the second pass only if its reading asked about a lone word and was told no.
    // The next colon, found once for all paragraphs after it: a search per paragraph would read the rest of the text each time.
    let colon = -1;
    paragraphs = this.paragraphs = paragraphs.filter((p, k) => !isHeadline(text.slice(p.start, p.end), k === 0)).map((p) => {
      if (colon !== -2 && colon < p.start) colon = text.indexOf(':', p.start), colon = colon < 0 ? -2 : colon;
      const start = colon === -2 ? p.start : proseStart(text, p, colon);
      return start === p.start ? p : { ...p, start };
    });
    const runs = paragraphs.map((p) => capitalisedRuns(text, p.start, p.end, masked));
    const firm = firmWords(text, runs);
    const named = (ms: PersonMention[]) => firm ? ms.filter((m) => m.titled || !firm.has(foldWord(m.name.split(' ')[0]))) : ms;
    const firstPass = paragraphs.map((p, k) => runs[k].map((run) => {
      const read = mentionsInRun(text, run, p.start, p.end, knownSurname, masked);
      return { run, askedSingle: read.askedSingle, singleFold: read.singleFold, mentions: named(read.mentions) };
    }));
    for (const runs of firstPass) for (const r of runs) for (const m of r.mentions) this.person(m);
    const asked: { run: CapitalisedRun; fold: string }[] = [];
    for (const runs of firstPass) for (const r of runs) if (r.askedSingle && r.singleFold !== undefined) asked.push({ run: r.run, fold: r.singleFold });
    const firstNames = firstNameSpeakers(text, asked);
    const known = (f: string) => this.bySurname.has(f) || knownSurname(f) || this.misspelt(f) !== undefined || firstNames.has(f);
    paragraphs.forEach((p, k) => {
      for (const r of firstPass[k]) {
        const mentions = r.askedSingle ? named(mentionsInRun(text, r.run, p.start, p.end, known, masked).mentions) : r.mentions;
        for (const m of mentions) {
          const person = this.person(m);
          if (!m.name.includes(' ') && person.name === m.name && firstNames.has(foldWord(m.name))) {
            person.sex ??= firstNames.get(foldWord(m.name));
            person.firstNameOnly = true;
          }
          this.mentions.push({ person, start: m.start, end: m.end, mentionStart: m.mentionStart, text: m.name });
        }
      }
    });
  }

  private person(m: PersonMention): LocalPerson {
    const words = m.name.split(/\s+/);
    const fold = words.map(foldWord).join(' ');
    const surname = foldWord(words[words.length - 1]);
    let p = this.byFull.get(fold) ?? (words.length === 1 ? this.surnamed(surname) : this.byEnding(fold));
    if (p && words.length > 1) this.byFull.set(fold, p);
    if (!p) {
      p = { name: m.name, roles: [], mentions: 0 };
      this.persons.push(p);
      this.byFull.set(fold, p);
    }
    if (words.length > p.name.split(/\s+/).length) { this.byFull.set(fold, p); p.name = m.name; this.folded.delete(p); }
    const holders = this.bySurname.get(surname);
    if (!holders) this.bySurname.set(surname, [p]);
    else if (!holders.includes(p)) holders.push(p);
    for (const r of m.roles) if (!p.roles.includes(r)) p.roles.push(r);
    if (m.sex && !p.sex) p.sex = m.sex;
    p.mentions++;
    return p;
  }

  /** "Guajardo Villarreal", "Peña Nieto": the last words of a fuller name the article gave ("Ildefonso Guajardo Villarreal"). */
  private byEnding(fold: string): LocalPerson | undefined {
    for (const holder of this.bySurname.get(fold.slice(fold.lastIndexOf(' ') + 1)) ?? []) {
      let full = this.folded.get(holder);
      if (full === undefined) this.folded.set(holder, (full = holder.name.split(/\s+/).map(foldWord).join(' ')));
      if (full.endsWith(' ' + fold)) return holder;
    }
    return undefined;
  }
  private readonly folded = new Map<LocalPerson, string>();

  /**
   * Who a lone surname is, where the article names several with it ("Ted Cruz", "Heidi Cruz"):
   * the one it mentions most, the first introduced on a tie. A family member named once in
   * passing does not take over the surname of the person the story is about.
   */
  private surnamed(fold: string): LocalPerson | undefined {
    const holders = this.bySurname.get(fold) ?? this.misspelt(fold);
    if (!holders) return undefined;
    let best = holders[0];
    for (const h of holders) if (h.mentions > best.mentions) best = h;
    return best;
  }

  /**
   * "McLenney said" after "Tyresha McClenney", "Wimes" spelt "Wines": copy misspells the surname
   * it gave in full. A capitalised word that is no common word, within one edit of a surname of the
   * article (two for long ones), with the same first letter, is that surname.
   */
  private misspelt(fold: string): LocalPerson[] | undefined {
    // A given name ("Francis" near "Franco") or a family in the plural ("the Clintons") is no misspelling.
    if (fold.length < 5) return undefined;
    // The surnames' cheap tests first: the word lists are asked only about a word that might be one.
    let plain: boolean | undefined;
    const max = fold.length >= 7 ? 2 : 1;
    for (const [surname, holders] of this.bySurname) {
      if (surname[0] !== fold[0] || Math.abs(surname.length - fold.length) > max || surname.length < 5 || fold === surname + 's' || fold === surname + 'es') continue;
      if ((plain ??= isCommonWord(fold) || isGivenName(fold))) return undefined;
      if (editDistance(surname, fold, max) <= max) return holders;
    }
    return undefined;
  }

  private anonymousOf(k: number): AnonymousMention[] {
    let found = this.anonymousIn.get(k);
    if (found) return found;
    this.anonymousIn.set(k, (found = []));
    // The nouns first (a literal alternation scans fast), then the determiner a few words before:
    // a leading "(a|the) … noun" pattern would be tried at every "a" and "the" of the article.
    const { start, end } = this.paragraphs[k];
    const slice = this.text.slice(start, end);
    let lastEnd = 0;
    for (const n of slice.matchAll(ANONYMOUS_NOUN)) {
      const before = DETERMINER_BEFORE.exec(slice.slice(Math.max(lastEnd, n.index! - 80), n.index!));
      if (!before) continue;
      const from = n.index! - before[0].length;
      const at = start + from;
      if (this.masked(at)) continue;
      lastEnd = n.index! + n[0].length;
      found.push({ text: slice.slice(from, lastEnd), start: at, end: start + lastEnd, noun: foldWord(n[0]), definite: before[1].toLowerCase() === 'the' });
    }
    return found;
  }

  /** The person a name mention refers to. */
  lookup(name: string): LocalPerson | undefined {
    const words = name.split(/\s+/);
    return this.byFull.get(words.map(foldWord).join(' ')) ?? this.surnamed(foldWord(words[words.length - 1]));
  }

  mentionAt(start: number, end: number): PlacedMention | undefined {
    // Mentions are in text order and do not overlap: binary search for the first ending after `start`.
    const i = this.firstEndingAfter(start);
    const m = this.mentions[i];
    return m && m.start < end ? m : undefined;
  }

  /** Index of the first mention whose end lies after `offset` (mentions.length if none). */
  firstEndingAfter(offset: number): number {
    let lo = 0, hi = this.mentions.length;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (this.mentions[mid].end <= offset) lo = mid + 1; else hi = mid; }
    return lo;
  }

  /**
   * The person a third-person pronoun at `offset` refers to, among earlier mentions whose sex does
   * not contradict the pronoun's (`agrees` when the sex is known and fits). "They" is left
   * unresolved: it names a group or an organisation as often as a person. Unresolved means no
   * speaker, not a guess.
   */
  resolvePronoun(fold: string, offset: number, depth = 0): { mention: PlacedMention; agrees: boolean; ambiguous?: boolean; alone?: boolean } | undefined {
    const want: Sex | undefined = /^(he|him|his|himself)$/.test(fold) ? 'm' : /^(she|her|hers|herself)$/.test(fold) ? 'f' : undefined;
    if (!want) return undefined;
    const at = this.firstEndingAfter(offset) - 1; // the last mention ending at or before the pronoun
    // Salience: the latest sentence that names a person who fits decides; within it, its subject
    // ("Ham explained why he backs Trump. “…,” he said" is Ham's), else the nearest mention that is
    // not a possessive or a preposition's object ("… concerns Henry Crespo. “…,” he said"), else any.
    const group: { mention: PlacedMention; agrees: boolean; role: 'subject' | 'weak' | 'other' }[] = [];
    let groupEnd = offset;
    for (let i = at, seen = 0; i >= 0 && seen < 12; i--, seen++) {
      const m = this.mentions[i];
      if (offset - m.end > 2500) break;
      // A sentence boundary between this mention and the group so far closes the group.
      if (group.length && sentenceEndsIn(this.text, m.end, groupEnd)) break;
      const sex = m.person.sex ?? this.pronounSex(m.person);
      if (sex && sex !== want) continue;
      if (!group.length) groupEnd = m.mentionStart;
      group.push({ mention: m, agrees: sex === want, role: this.grammaticalRole(m, this.mentions[i - 1]) });
    }
    const pick = group.find((c) => c.role === 'subject') ?? group.find((c) => c.role === 'other') ?? group[0];
    if (!pick) return undefined;
    // A chain: "She has faced … his wife, Hillary Clinton, … . “…,” she said" is the woman the
    // sentence opened with, not the one it spoke of. A "he" or "she" before every fitting name of
    // the deciding sentence, where none of them is its subject, refers further back, and so does this one.
    if (pick.role !== 'subject' && depth < 3) {
      const earliest = group[group.length - 1].mention.mentionStart;
      const from = this.sentenceStartBefore(earliest);
      const nominative = want === 'm' ? /\b[Hh]e\b/g : /\b[Ss]he\b/g;
      for (const n of this.text.slice(from, earliest).matchAll(nominative)) {
        const at = from + n.index!;
        if (this.masked(at)) continue;
        const chained = this.resolvePronoun(fold, at, depth + 1);
        // Overriding a nearer person who fits is a reading, not a certainty: a guess, never warned on.
        if (chained) return chained.mention.person === pick.mention.person ? chained : { ...chained, ambiguous: true };
        break;
      }
    }
    // "“…,” my father often said. He also told …": a man named by kinship or "the man" between the
    // name and the pronoun may be the one meant; the name is then a guess.
    const between = this.text.slice(pick.mention.end, offset);
    const described = (want === 'm' ? MALE_DESCRIPTION : FEMALE_DESCRIPTION).exec(between);
    if (described && !this.masked(pick.mention.end + described.index)) return { mention: pick.mention, agrees: pick.agrees, ambiguous: true };
    // Another person who fits as well in the same sentence makes the reading a guess: shown, never warned on.
    const rival = group.some((c) => c.mention.person !== pick.mention.person && c.role !== 'weak' && (pick.role !== 'subject' || c.role === 'subject'));
    // A possessive or an object alone ("the Voss campaign took …") is where the pronoun may point, not a certainty.
    // `alone`: the deciding sentence names no one else, and this person is its subject, sex unknown.
    const alone = pick.role === 'subject' && group.every((c) => c.mention.person === pick.mention.person);
    return { mention: pick.mention, agrees: pick.agrees, ambiguous: rival || pick.role === 'weak', alone };
  }

  /**
   * Which of he and she the article itself uses for a person whose name and roles do not say:
   * "Johnnie Wilson, of Springfield, Va., said he had fought", "Ban Ki-moon condemned what he
   * called": the first he or she after the person as its sentence's subject, with no one else
   * named between. Every such pronoun must agree; found when a pronoun first asks.
   */
  private pronounSex(person: LocalPerson): Sex | undefined {
    if (this.inferredSex.has(person)) return this.inferredSex.get(person);
    let found: Sex | undefined, conflict = false;
    for (let i = 0; i < this.mentions.length && !conflict; i++) {
      const m = this.mentions[i];
      if (m.person !== person || this.grammaticalRole(m, this.mentions[i - 1]) !== 'subject') continue;
      const limit = Math.min(this.mentions[i + 1]?.mentionStart ?? this.text.length, m.end + 200);
      NOMINATIVE.lastIndex = m.end;
      for (let n; (n = NOMINATIVE.exec(this.text)) && n.index < limit;) {
        if (this.masked(n.index)) continue;
        if (sentenceEndsIn(this.text, m.end, n.index)) break;
        const sex: Sex = n[1].length === 2 ? 'm' : 'f';
        if (found && found !== sex) conflict = true;
        found = sex;
        break;
      }
    }
    const sex = conflict ? undefined : found;
    this.inferredSex.set(person, sex);
    return sex;
  }
  private readonly inferredSex = new Map<LocalPerson, Sex | undefined>();

  /** Where the sentence holding `offset` starts (bounded: a sentence of copy is rarely longer). */
  private sentenceStartBefore(offset: number): number {
    let i = offset - 1;
    while (i > 0 && offset - i < 600 && !(this.text[i] === '\n' || /[.!?]/.test(this.text[i]) && sentenceEndsIn(this.text, i, i + 1))) i--;
    return i + 1;
  }

  /** Whether a mention opens its sentence (its subject), is a possessive or a preposition's object (weak), or neither. */
  private grammaticalRole(m: PlacedMention, previous?: PlacedMention): 'subject' | 'weak' | 'other' {
    const text = this.text;
    if (/^['\u2019]s\b/.test(text.slice(m.end, m.end + 3))) return 'weak';
    const lead = text.slice(Math.max(0, m.mentionStart - 13), m.mentionStart);
    // "According to Ham, the administration …": the person the sentence reports, its source.
    if (ACCORDING_TO.test(lead)) return 'subject';
    // "with Hillary Clinton — who has called for … — lambasting the plan": the absolute
    // construction makes the name the agent of its participle, not a preposition's object.
    if (PREPOSITION_BEFORE.test(lead)) return WITH_BEFORE.test(lead) && WITH_AGENT.test(text.slice(m.end, m.end + 160)) ? 'other' : 'weak';
    // "Trump campaign spokesman Jason Miller": a name that modifies another's role is nobody's subject.
    if (MODIFIER_AFTER.test(text.slice(m.end, m.end + 40))) return 'weak';
    // "the Clinton campaign", "Trump supporters": a name modifying a noun names no one who acts.
    if (NOUN_AFTER.test(text.slice(m.end, m.end + 16))) return 'weak';
    let i = m.mentionStart - 1;
    while (i >= 0 && m.mentionStart - i < 80 && (!/[.!?\n\u201D"]/.test(text[i]) && !(text[i] === "'" && text[i - 1] === "'") || text[i] === '.' && !sentenceEndsIn(text, i, i + 2))) i--;
    // A conjunction or a sentence adverb may open the sentence before its subject ("And Hegseth …").
    // "Mr. Voss", "Sen. Voss": the title's full stop ends nothing, and the title is part of the subject.
    // "Trump campaign spokesman Jason Miller": the name modifying the role opens the subject with it.
    const from = previous && previous.mentionStart > i && MODIFIER_GAP.test(text.slice(previous.end, m.mentionStart)) ? previous.mentionStart : m.mentionStart;
    const before = stripTitles(text.slice(i + 1, from)).replace(/^\s*(?:(?:and|but|so|yet|still|meanwhile|then|now|also|however|later|earlier|instead|indeed)\b,?\s*)+/i, '');
    return !/[\p{L}\p{N}]/u.test(before) || /^[^,]{0,100},\s*$/u.test(before) ? 'subject' : 'other';
  }

  /** An unnamed speaker introduced earlier ("A NATO official, granted anonymity, …") that "the person" refers back to. */
  anonymousBefore(offset: number, maxDistance: number): AnonymousMention | undefined {
    // Paragraphs from the one holding `offset` back: the nearest indefinite mention decides.
    for (let k = this.paragraphs.length - 1; k >= 0; k--) {
      const p = this.paragraphs[k];
      if (p.start >= offset) continue;
      if (p.end < offset - maxDistance) return undefined;
      const found = this.anonymousOf(k);
      for (let i = found.length - 1; i >= 0; i--) {
        const a = found[i];
        if (a.end > offset || a.definite) continue;
        return offset - a.end <= maxDistance ? a : undefined;
      }
    }
    return undefined;
  }

  /** A person of this article whose roles contain every word of a role phrase ("the defense minister"). */
  byRole(roleWords: string[], before: number): LocalPerson | undefined {
    for (let i = this.mentions.length - 1; i >= 0; i--) {
      const m = this.mentions[i];
      if (m.start > before) continue;
      if (roleMatches(m.person.roles, roleWords)) return m.person;
    }
    return this.persons.find((p) => roleMatches(p.roles, roleWords));
  }
}


/** Folds a role phrase to comparable words: "Germany’s defense minister" → germany defense minister. */
export function roleWords(role: string): string[] {
  return role.split(/[\s,]+/).map((w) => foldWord(w).replace(/'s$/, '').replace(/\.$/, '')).filter((w) => w && !/^(the|a|an|of|for|and)$/.test(w))
    .map((w) => NATIONALITIES[w] ?? (w === 'defence' ? 'defense' : w));
}

export function roleMatches(roles: string[], words: string[]): boolean {
  return roles.some((r) => { const have = new Set(roleWords(r)); return words.every((w) => have.has(w)); });
}
