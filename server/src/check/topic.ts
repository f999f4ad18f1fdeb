/**
 * Whether a reported change of position is about what a quotation is about. A later article
 * saying someone "reversed his prior commitment not to raise taxes" does not make their earlier
 * words on foreign policy outdated: the change's sentence (and the one before it) must share subject
 * words with the quotation and the sentence it was said in.
 */
import { isGivenName } from '../people/nameWords';

const STOP = new Set(`
  about above after again against almost along already also although always among another around
  because been before being below between both came come comes could does doing done down during each
  either enough even ever every first from further give given going gone good great have having here
  however into just keep know known last later least less like likely made make makes many might more
  most much must never next none nothing often once only other others over own part people perhaps
  place point quite rather really right said same says seem seen several shall should since some
  something still such sure take taken than that their them then there these they thing things think
  this those though three through thus time times today told toward under until upon very want wants
  well were what whatever when where whether which while whose will with within without would year
  years your first second comments comment statement remarks position view views move stance
  change changed changes reversal reversed about-face u-turn walk-back shift shifted turnaround
  monday tuesday wednesday thursday friday saturday sunday january february march april june july
  august september october november december week weeks month months night morning evening
  republican republicans democrat democrats democratic party campaign campaigns president presidential
  candidate candidates nominee election elections primary primaries debate debates state states
  country nation national government administration official officials america american americans
  call called calls tell tells back earlier recent recently hold start super front-runner rival new
  news report reported reports interview speech rally event statement say says tell note leave issue
  issues support vote attack address audience leader leaders women people different criticism walk
  walked remark remarks won't can't don't didn't isn't doesn't earlier later thing going done look
`.split(/\s+/).filter(Boolean));

const WORD = /[\p{L}][\p{L}\p{M}'\u2019-]*/gu;

/** Content words, lower-cased and lightly stemmed; capitalised ones (names of things) kept apart. */
export function subjectWords(text: string, exclude: Set<string>, isPerson: (fold: string) => boolean = () => false): { words: Set<string>; names: Set<string> } {
  const words = new Set<string>(), names = new Set<string>();
  for (const m of text.matchAll(WORD)) {
    const raw = m[0].replace(/['\u2019]s$/, '');
    const low = raw.toLowerCase();
    if (low.length < 4 || STOP.has(low) || exclude.has(low) || (/^\p{Lu}/u.test(raw) && isGivenName(low)) || isPerson(low)) continue;
    const stem = low.replace(/(?:ies|es|s|ed|ing|ly)$/, '') || low;
    if (STOP.has(stem)) continue;
    if (/^\p{Lu}/u.test(raw) && m.index! > 0 && !/[.!?\u201C"]\s*$/.test(text.slice(Math.max(0, m.index! - 3), m.index!))) names.add(stem);
    else words.add(stem);
  }
  return { words, names };
}

/**
 * The sentence of `text` around [start, end) (and the one before it): where a quotation's or a
 * change's subject is named. Sentences end at . ? ! before a space or a line break.
 */
export function sentenceAround(text: string, start: number, end: number, withPrevious = false): string {
  const back = (from: number) => {
    let a = from;
    while (a > 0 && from - a < 500 && !(/[.?!]/.test(text[a - 1]) && /\s/.test(text[a] ?? '')) && text[a - 1] !== '\n') a--;
    return a;
  };
  let a = back(start);
  if (withPrevious) {
    // The sentence before may stand in the paragraph before ("… the port levy on Monday.⏎⏎The announcement is a U-turn …").
    let p = a;
    while (p > 0 && /\s/.test(text[p - 1])) p--;
    if (p > 1) a = back(p - 1);
  }
  let b = end;
  while (b < text.length && b - end < 500 && text[b] !== '\n' && !(/[.?!]/.test(text[b]) && /\s|$/.test(text[b + 1] ?? ''))) b++;
  return text.slice(a, b + 1);
}

export type Subject = ReturnType<typeof subjectWords>;
export const speakerWords = (speakerName: string) => new Set(speakerName.toLowerCase().split(/\s+/));

/**
 * Words the quotation's side and the change's side share, at least two: content words or names of
 * things (a country, an organisation, a programme); no person's name, given name or surname
 * (`subjectWords` leaves those out, with the speaker's own words in `speakerWords`).
 */
export function subjectOverlap(a: Subject, b: Subject): string[] | null {
  const names = [...a.names].filter((w) => b.names.has(w) || b.words.has(w));
  const words = [...a.words].filter((w) => b.words.has(w) || b.names.has(w));
  return names.length + words.length >= 2 ? [...names, ...words] : null;
}
