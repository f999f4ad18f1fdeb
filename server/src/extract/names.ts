/**
 * Capitalised runs of words and what they name: a person (with the titles before the name
 * kept as roles), or something else (an organisation, a place, a weekday).
 */
import { foldWord } from '../text/normalize';
import { ANONYMOUS_NOUNS, NATIONALITIES, NOT_NAME_WORDS, ORG_WORDS, PERSON_NOUNS, ROLE_NOUNS, TITLE_WORDS } from './lexicon';
import { ABBREVIATIONS } from '../text/paragraphs';
import { isCommonWord, isGivenName, sexOfGivenName, type Sex } from '../people/nameWords';

export interface Token { text: string; fold: string; start: number; end: number; possessive: boolean }

const TOKEN = /[\p{L}\p{N}@][\p{L}\p{M}\p{N}.'\u2019\-]*/gu;
const PARTICLES = new Set(['de', 'van', 'von', 'der', 'den', 'bin', 'al', 'da', 'del', 'la', 'le', 'du', 'dos', 'ibn']);

const INITIALISM = /^(?:\p{L}\.)+$/u;
const isTrailingMark = (c: number) => c === 45 /* - */ || c === 39 /* ' */ || c === 0x2019;

export function tokens(text: string, from: number, to: number): Token[] {
  const out: Token[] = [];
  TOKEN.lastIndex = from;
  for (;;) {
    const m = TOKEN.exec(text);
    if (!m || m.index >= to) break;
    let raw = m[0];
    let end = m.index + raw.length;
    if (end > to) { raw = raw.slice(0, to - m.index); end = to; }
    // Trailing sentence dots are punctuation, except in initialisms ("U.S.", "D.C.").
    while (raw.endsWith('.') && !INITIALISM.test(raw)) { raw = raw.slice(0, -1); end--; }
    while (raw.length && isTrailingMark(raw.charCodeAt(raw.length - 1))) { raw = raw.slice(0, -1); end--; }
    if (!raw) continue;
    const n = raw.length;
    const possessive = n >= 2 && raw.charCodeAt(n - 1) === 115 /* s */ && (raw.charCodeAt(n - 2) === 39 || raw.charCodeAt(n - 2) === 0x2019);
    let fold = foldWord(possessive ? raw.slice(0, -2) : raw);
    if (fold.endsWith('.')) fold = fold.slice(0, -1);
    out.push({ text: raw, fold, start: m.index, end, possessive });
  }
  return out;
}

export function isCapitalised(t: Token): boolean {
  const c = t.text.charCodeAt(0);
  if (c < 128) return c >= 65 && c <= 90;
  return /^\p{Lu}/u.test(t.text);
}

export interface PersonMention {
  /** The name as written, without titles ("Boris Pistorius", "Hegseth"). */
  name: string;
  start: number;
  end: number;
  /** Where the whole mention starts, titles included ("German Defense Minister Boris Pistorius"). */
  mentionStart: number;
  roles: string[];
  /** A title stood before the name: a single word after a title is a person ("President Trump"). */
  titled: boolean;
  possessive: boolean;
  /** From an honorific (Mr., Mrs.) or a given name most of whose bearers share one sex. */
  sex?: Sex;
}

const PLACE_PREFIXES = new Set(['st', 'ste', 'san', 'santa', 'los', 'las', 'fort', 'mount', 'mt', 'port', 'lake', 'north', 'south', 'east', 'west']);
const HONORIFICS: Record<string, Sex> = { mr: 'm', mrs: 'f', ms: 'f', miss: 'f', sir: 'm', dame: 'f', lord: 'm', lady: 'f', madam: 'f' };
/** Role nouns that say which of he and she fits ("9/11 widow Ana Ruiz", "Congresswoman Ana Ruiz"). */
const SEXED_ROLES: Record<string, Sex> = Object.fromEntries([
  ...'widow wife mother daughter sister grandmother aunt niece congresswoman spokeswoman chairwoman businesswoman councilwoman assemblywoman actress waitress countess duchess princess queen empress baroness nun girlfriend fiancee mom'.split(' ').map((w) => [w, 'f']),
  ...'widower husband father son brother grandfather uncle nephew congressman businessman councilman assemblyman king prince duke baron emperor boyfriend fiance dad'.split(' ').map((w) => [w, 'm']),
]);
function sexOfRoleWord(fold: string): Sex | undefined {
  return Object.hasOwn(SEXED_ROLES, fold) ? SEXED_ROLES[fold] : undefined;
}

// A Set, not `in` on the lexicon object: `in` first interns the string, costly on the hot path.
const NATIONALITY_WORDS = new Set(Object.keys(NATIONALITIES));
const isTitle = (f: string) => TITLE_WORDS.has(f) || NATIONALITY_WORDS.has(f);

/**
 * Capitalised runs in [from, to) read as person names. `knownSingle` says whether a lone
 * capitalised word is a person already known (a surname met in full earlier).
 */
// A capitalised run: capitalised words joined by single spaces, with name particles between.
const RUN_AT = /[\p{Lu}][\p{L}\p{M}\p{N}.'\u2019\-]*(?:[ \u00A0\n](?:(?:de|van|von|der|den|bin|al|da|del|la|le|du|dos|ibn) )?[\p{Lu}][\p{L}\p{M}\p{N}.'\u2019\-]*)*/uy;
const UPPERISH = /[A-Z\u00C0-\uFFFF]/g;

export interface CapitalisedRun { start: number; text: string }

/** Capitalised runs in [from, to) that start outside masked text. */
export function capitalisedRuns(text: string, from: number, to: number, masked?: (i: number) => boolean): CapitalisedRun[] {
  const out: CapitalisedRun[] = [];
  // A run starts with an uppercase letter: A-Z or a character from U+00C0 up. Finding those with a
  // plain class and trying the Unicode run only there is five times faster than letting the run
  // regex look for its own start, with the same matches.
  UPPERISH.lastIndex = from;
  for (;;) {
    const c = UPPERISH.exec(text);
    if (!c || c.index >= to) break;
    RUN_AT.lastIndex = c.index;
    const m = RUN_AT.exec(text);
    if (!m) continue;
    UPPERISH.lastIndex = m.index + m[0].length;
    const run = m.index + m[0].length > to ? m[0].slice(0, to - m.index).trimEnd() : m[0];
    if (!masked?.(m.index)) out.push({ start: m.index, text: run });
  }
  return out;
}

/**
 * The person mentions in one capitalised run. `askedSingle` says whether the reading asked
 * `knownSingle` and was told no: only such a run can read differently once more surnames are known.
 */
export function mentionsInRun(text: string, run: CapitalisedRun, from: number, to: number, knownSingle: (fold: string) => boolean, masked?: (i: number) => boolean): { mentions: PersonMention[]; askedSingle: boolean; singleFold?: string } {
  let askedSingle = false;
  const known = (f: string) => { const k = knownSingle(f); if (!k) askedSingle = true; return k; };
  const mentions: PersonMention[] = [];
  // Most runs are one sentence-initial word: decide those without tokenising anything.
  if (!/[ \u00A0\n]/.test(run.text)) {
    const f = foldWord(run.text.replace(/(?:['\u2019]s)?[.'\u2019-]*$/, ''));
    // The folded word goes back with the answer, so the caller need not fold it again.
    if (NOT_NAME_WORDS.has(f) || ORG_WORDS.has(f) || !known(f)) return { mentions, askedSingle, singleFold: f };
  }
  // Only the run and a few words before it (for roles) are tokenised: the hot path of indexing.
  const windowStart = Math.max(from, run.start - 80);
  const toks = tokens(text, windowStart, Math.min(to, run.start + run.text.length)).filter((t) => !masked?.(t.start));
  let i = toks.findIndex((t) => t.start >= run.start);
  if (i < 0) return { mentions, askedSingle };
  // The regex run may hold a possessive in the middle ("Trump’s National"): split there, as before.
  while (i < toks.length) {
    let j = i;
    while (j + 1 < toks.length && !toks[j].possessive && adjacent(text, toks[j], toks[j + 1]) &&
      (isCapitalised(toks[j + 1]) || (PARTICLES.has(toks[j + 1].fold) && toks[j + 2] && isCapitalised(toks[j + 2])))) j++;
    const found = readRun(text, toks.slice(i, j + 1), toks, i, known);
    if (found) mentions.push(found);
    i = j + 1;
    while (i < toks.length && !isCapitalised(toks[i])) i++;
  }
  return { mentions, askedSingle };
}

function adjacent(text: string, a: Token, b: Token): boolean {
  const gap = text.slice(a.end, b.start);
  // "Mr. Okafor", "Sen. Lopez": an abbreviated title keeps its full stop and still opens the name.
  if (gap === '. ' && (Object.hasOwn(HONORIFICS, a.fold) || ABBREVIATIONS.has(a.fold))) return true;
  return gap === ' ' || gap === '\u00A0' || gap === '\n' || gap === '\r\n';
}

function readRun(text: string, run: Token[], all: Token[], runIndex: number, knownSingle: (fold: string) => boolean): PersonMention | null {
  let k = 0;
  let titled = false;
  let sex: Sex | undefined;
  let surnameAfterHonorific = false;
  while (k < run.length && (NOT_NAME_WORDS.has(run[k].fold) || isTitle(run[k].fold)) && !run[k].possessive) {
    // "Mr. King" after "Larry King": a surname that is also a title word, where the article knows it
    // as a surname ("Mr. President" stays a title).
    if (k > 0 && k === run.length - 1 && Object.hasOwn(HONORIFICS, run[k - 1].fold) && knownSingle(run[k].fold)) { surnameAfterHonorific = true; break; }
    if (isTitle(run[k].fold) && ROLE_NOUNS.has(run[k].fold)) titled = true;
    // "Mr. Burman": an honorific makes the next word a person and tells which pronoun fits.
    const h = HONORIFICS[run[k].fold];
    if (h && k + 1 < run.length) { sex = h; titled = true; }
    k++;
  }
  let name = run.slice(k);
  // "Transport Minister Mark Harbers": department words the lexicon lacks still end at the role noun.
  // So do abbreviated titles and other title words ("Retired U.S. Air Force Gen. Norman Ham").
  // A nationality ends a role too ("African American History"), but makes no lone word a person.
  for (let r = name.length - 2; r >= 0; r--) if ((ROLE_NOUNS.has(name[r].fold) || isTitle(name[r].fold) && name[r].text.length > 1) && !name[r].possessive) { titled = !NATIONALITY_WORDS.has(name[r].fold) || ROLE_NOUNS.has(name[r].fold); name = name.slice(r + 1); break; }
  if (name.length === 0 || name.length > 4) return null;
  // "Bill Clinton", "Grant Woods": a given name opening a longer run is a name, whatever else the word means.
  const givenFirst = name.length > 1 && isGivenName(name[0].fold);
  const given = givenFirst;
  for (const t of name) {
    if (t === name[0] && givenFirst && !NOT_NAME_WORDS.has(t.fold)) continue;
    // "Julie A. Diaz", "A. Diaz": an initial, not the article "a".
    if (t !== name[name.length - 1] && (t.text.length === 2 && t.text.endsWith('.') || t.text.length === 1 && text.charCodeAt(t.end) === 46)) continue;
    if (ORG_WORDS.has(t.fold) || NOT_NAME_WORDS.has(t.fold) || /\d/.test(t.text) || t.text.startsWith('@') || t.text.length > 11 && GLUED.test(t.text)) return null;
    if (isTitle(t.fold) && name.length === 1 && !surnameAfterHonorific) return null;
  }
  // All-capitals words are acronyms (NATO, CBS), unless short initials ("JD Vance").
  if (name.some((t, idx) => t.text.length > 2 && t.text === t.text.toUpperCase() && !(idx === 0 && name.length > 1 && /^(?:\p{Lu}\.?){1,3}$/u.test(t.text)))) return null;
  const last = name[name.length - 1];
  if (name.length === 1 && !titled && !knownSingle(last.fold)) return null;
  // "Grand Bargain", "Personal Insult": a run that starts with a common word is a phrase, unless
  // a title, an honorific or a given name says it is a person.
  const first = name[0].fold;
  // "St. Louis", "San Bernardino", "Fort Pierce": a place, whatever follows.
  if (PLACE_PREFIXES.has(first) && name.length > 1) return null;
  const start = name[0].start;
  if (name.length > 1 && !titled && !given && isCommonWord(first)) return null;
  // Lone words are persons only on other evidence; these rules read runs of two or more.
  if (!titled && name.length > 1 && (modifiesRole(text, last.end, given) || productAfterNumber(all, runIndex) || calledThing(text, start))) return null;
  if (!sex && given) sex = sexOfGivenName(first);
  // "said 9/11 widow Ana Ruiz", "Congresswoman Ana Ruiz": the role noun right before the name.
  const at = all.indexOf(name[0]);
  const before = all[at - 1];
  if (!sex && before && before.end + 1 === name[0].start) sex = sexOfRoleWord(before.fold);
  const end = last.possessive ? last.end - 2 : last.end;
  const rolesStart = roleStart(text, all, at);
  const roles = rolesStart < start ? [cleanRole(text.slice(rolesStart, start))].filter(isRole) : [];
  return { name: text.slice(start, end).replace(/\s+/g, ' '), start, end, mentionStart: rolesStart, roles, titled: titled || roles.length > 0, possessive: last.possessive, sex };
}

// "TD Ameritrade founder J. Joe Ricketts", "Cleveland Cavaliers basketball star LeBron James": a run
// followed by a role and a name is the organisation or place of the role. A person's name does that
// too ("Donald Trump adviser Roger Stone", "Hillary Clinton campaign chairman John Podesta"), so a
// run opening with a given name counts as a modifier only when a plain noun ("basketball") stands
// before the role, not one of a person's entourage ("campaign").
const ROLE_AFTER = /^ ((?:[a-z][a-z-]* ){0,2})(?:[a-z][a-z-]*) (?=\p{Lu}\p{L}*[ .])/u;
const ENTOURAGE = new Set(['campaign', 'administration', 'camp', 'team', 'family', 'transition', 'former', 'senior', 'chief', 'top', 'deputy', 'longtime', 'personal', 'press', 'communications', 'policy', 'political', 'legal', 'vice', 'presidential']);
const MODIFIED_ROLES = new Set(['star', 'player', 'owner', 'coach', 'anchor', 'host', 'reporter', 'writer', 'partner', 'lawyer', 'employee', 'worker', 'fan', 'member', 'boss', 'president', 'cofounder', 'co-founder']);
// Page furniture run together ("BobicFlagShareLikeReply"): a name word has at most two inner capitals
// ("McDonald", "DeVito", "MacLeod"), never three.
const GLUED = /\p{Ll}\p{Lu}.*\p{Ll}\p{Lu}.*\p{Ll}\p{Lu}/u;
const JOINING_WORDS = new Set(['and', 'or', 'but', 'nor', 'the', 'a', 'an', 'of', 'to', 'for', 'with', 'by', 'as', 'at', 'in', 'on', 'from', 'who', 'whose', 'which', 'that', 'said', 'says', 'told', 'than', 'is', 'was']);
function modifiesRole(text: string, end: number, given: boolean): boolean {
  const c = text.charCodeAt(end + 1);
  if (text.charCodeAt(end) !== 32 || c < 97 || c > 122) return false;
  const m = ROLE_AFTER.exec(text.slice(end, end + 60));
  if (!m) return false;
  const words = m[0].trim().split(' ');
  if (words.some((w) => JOINING_WORDS.has(w))) return false;
  const head = words[words.length - 1];
  if (!ROLE_NOUNS.has(head) && !MODIFIED_ROLES.has(head)) return false;
  return !given || words.slice(0, -1).some((w) => !ENTOURAGE.has(w) && !TITLE_WORDS.has(w));
}

// "the 2017 Ford Fusion", "a 1964 Ford Mustang": a determiner and a number before the run make it a thing.
function productAfterNumber(all: Token[], runIndex: number): boolean {
  const n = all[runIndex - 1], d = all[runIndex - 2];
  if (!n || !d) return false;
  const c = n.text.charCodeAt(0);
  return c >= 48 && c <= 57 && /^\d+$/.test(n.text) && /^(?:the|a|an|his|her|its|their|my|our|this|that)$/.test(d.fold);
}

// "a mountain stream called Miracle Run", "a group named Faith Forward": the name of a thing. "A man
// named Ron Tully" names a person.
const CALLED_BEFORE = /\b(?:a|an|the)\s+(?:[\p{L}-]+\s+){0,3}?([\p{Ll}-]+),?\s+(?:called|named|dubbed|nicknamed|known as)\s+$/u;
const CALLED_END = /(?:called|named|dubbed|known as) $/;
function calledThing(text: string, start: number): boolean {
  // The cheap test first: runs after "called" are rare, and this is the indexing hot path.
  const c = text.charCodeAt(start - 2);
  if (text.charCodeAt(start - 1) !== 32 || (c !== 100 /* d */ && c !== 115 /* s */) || !CALLED_END.test(text.slice(Math.max(0, start - 10), start))) return false;
  const m = CALLED_BEFORE.exec(text.slice(Math.max(0, start - 60), start));
  if (!m) return false;
  const noun = m[1];
  const single = noun.endsWith('s') ? noun.slice(0, -1) : noun;
  return ![noun, single].some((w) => PERSON_NOUNS.has(w) || ROLE_NOUNS.has(w) || ANONYMOUS_NOUNS.has(w));
}

/** Walks back from a name over title words, nationalities and possessives ("Trump’s former national security adviser"). */
function roleStart(text: string, all: Token[], nameIndex: number): number {
  let start = all[nameIndex].start;
  for (let i = nameIndex - 1; i >= 0 && nameIndex - i <= 7; i--) {
    const t = all[i];
    const gap = text.slice(t.end, all[i + 1].start);
    // "Gov. Earl Ray Tomblin": an abbreviated title keeps its full stop and still opens the mention.
    const abbreviated = gap === '. ' && (ABBREVIATIONS.has(t.fold) || Object.hasOwn(HONORIFICS, t.fold)) && isTitle(t.fold);
    if (!/^(?:\s|,\s)$/.test(gap) && !(gap === ', ' && i === nameIndex - 1) && !abbreviated) break;
    if (gap.includes(',') && i !== nameIndex - 1) break;
    // "the chief of staff of Senator Voss": "of" before a person's own title makes the name its
    // object; before a department ("Secretary of State Kerry") it stays inside the title.
    const next = all[i + 1];
    if (t.fold === 'of' && (Object.hasOwn(HONORIFICS, next.fold) || ROLE_NOUNS.has(next.fold) || ABBREVIATIONS.has(next.fold))) break;
    // "Transport Secretary, Ana Ruiz": across a comma only a role noun is the name's role; "On the subject of
    // Israel, Ruiz added" and "In the harbor, Ruiz said" end an opening phrase there.
    if (gap === ', ' && !ROLE_NOUNS.has(t.fold)) break;
    if (isTitle(t.fold) || t.possessive || ROLE_NOUNS.has(t.fold) || (/^\p{Lu}/u.test(t.text) && i > 0 && nameIndex - i <= 3 && all.slice(i + 1, nameIndex).some((x) => ROLE_NOUNS.has(x.fold)))) start = t.start;
    else break;
  }
  // A role never opens with a preposition or an article ("footage of Ana Ruiz" is no role "of").
  for (let i = all.findIndex((t) => t.start === start); i >= 0 && i < nameIndex && /^(?:of|the|a|an|for|to|and)$/.test(all[i].fold); i++) start = all[i + 1].start;
  return start;
}

function cleanRole(s: string): string {
  return s.replace(/[,\s]+$/, '').replace(/^(?:the|a|an)\s+/i, '').trim();
}

export function isRole(s: string): boolean {
  return s.split(/\s+/).some((w) => ROLE_NOUNS.has(foldWord(w)));
}
