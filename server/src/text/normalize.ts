/**
 * Normalisation for comparison only. Ranges always point at the original text, so every
 * function here maps a piece of text to a comparison key and never rewrites the source.
 */

const APOSTROPHES = /[\u2018\u2019\u201B\u02BC\u0060\u00B4\u2032]/g;
const COMBINING = /\p{M}+/gu;

/** Folds case, diacritics and apostrophe variants of a single word. */
const PLAIN = /^[a-z0-9]*$/;

export function foldWord(word: string): string {
  if (PLAIN.test(word)) return word;
  let w = word.toLowerCase();
  // NFD + dropping combining marks folds "Zelenskiy"/"Zelenskíy", "Pevkur"/"Pèvkur".
  if (/[^\x00-\x7f]/.test(w)) w = w.normalize('NFD').replace(COMBINING, '').normalize('NFC');
  return w.replace(APOSTROPHES, "'");
}

/** Folds a whole phrase: words folded, punctuation and whitespace collapsed to single spaces. */
export function foldPhrase(text: string): string {
  const out: string[] = [];
  for (const t of wordSpans(text)) out.push(t.norm);
  return out.join(' ');
}

export interface WordSpan {
  /** Folded comparison key. */
  norm: string;
  /** Offsets into the text that was tokenised (UTF-16 code units). */
  start: number;
  end: number;
}

// A word is letters/digits, joined by apostrophes ("that’s", "won't"). Hyphens and dashes
// split words on both sides, so "great-power" matches "great power" and "great—power".
const WORD = /[\p{L}\p{N}]+(?:['\u2019\u02BC][\p{L}\p{N}]+)*/gu;

export function wordSpans(text: string, from = 0, to = text.length): WordSpan[] {
  const out: WordSpan[] = [];
  WORD.lastIndex = from;
  for (;;) {
    const m = WORD.exec(text);
    if (!m || m.index >= to) break;
    const end = Math.min(m.index + m[0].length, to);
    out.push({ norm: foldWord(text.slice(m.index, end)), start: m.index, end });
  }
  return out;
}

export function isOpeningQuote(ch: string): boolean {
  return ch === '\u201C' || ch === '\u201E' || ch === '\u00AB';
}
export function isClosingQuote(ch: string): boolean {
  return ch === '\u201D' || ch === '\u00BB';
}
