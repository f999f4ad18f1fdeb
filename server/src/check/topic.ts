/**
 * Whether a reported change of position is about what a quotation is about. A later article
 * saying someone "reversed his prior commitment not to raise taxes" does not make their earlier
 * words on foreign policy outdated: the change's sentence and paragraph must share subject words
 * with the quotation and the paragraph it was said in.
 */
import { paragraphsOf } from '../text/paragraphs';

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
`.split(/\s+/).filter(Boolean));

const WORD = /[\p{L}][\p{L}\p{M}'\u2019-]*/gu;

/** Content words, lower-cased and lightly stemmed; capitalised ones (names of things) kept apart. */
export function subjectWords(text: string, exclude: Set<string>): { words: Set<string>; names: Set<string> } {
  const words = new Set<string>(), names = new Set<string>();
  for (const m of text.matchAll(WORD)) {
    const raw = m[0].replace(/['\u2019]s$/, '');
    const low = raw.toLowerCase();
    if (low.length < 4 || STOP.has(low) || exclude.has(low)) continue;
    const stem = low.replace(/(?:ies|es|s|ed|ing|ly)$/, '') || low;
    if (/^\p{Lu}/u.test(raw) && m.index! > 0 && !/[.!?\u201C"]\s*$/.test(text.slice(Math.max(0, m.index! - 3), m.index!))) names.add(stem);
    else words.add(stem);
  }
  return { words, names };
}

/** The paragraph of `text` around [start, end), and the one before it. */
export function paragraphAround(text: string, start: number, end: number, withPrevious = false): string {
  const paragraphs = paragraphsOf(text);
  const i = paragraphs.findIndex((p) => p.start <= start && end <= p.end + 1);
  if (i < 0) return text.slice(Math.max(0, start - 400), end + 400);
  const from = withPrevious && i > 0 ? paragraphs[i - 1].start : paragraphs[i].start;
  return text.slice(from, paragraphs[i].end);
}

/**
 * Words the quotation's side and the change's side share: at least two content words, or one
 * name of a thing (a country, an organisation, a programme) that is not the speaker's own.
 */
export function sharedSubject(quoteSide: string, changeSide: string, speakerName: string): string[] | null {
  const exclude = new Set(speakerName.toLowerCase().split(/\s+/));
  const a = subjectWords(quoteSide, exclude), b = subjectWords(changeSide, exclude);
  const names = [...a.names].filter((w) => b.names.has(w) || b.words.has(w));
  const words = [...a.words].filter((w) => b.words.has(w) || b.names.has(w));
  return names.length >= 1 || words.length >= 2 ? [...names, ...words] : null;
}
