/**
 * Normalisation for comparison only. Ranges always point at the original text, so every
 * function here maps a piece of text to a comparison key and never rewrites the source.
 */

const APOSTROPHES = /[\u2018\u2019\u201B\u02BC\u0060\u00B4\u2032]/g;
const COMBINING = /\p{M}+/gu;

/** Folds case, diacritics and apostrophe variants of a single word. */
const PLAIN = /^[a-z0-9]*$/;

export function foldWord(word: string): string {
  // Most words are plain ASCII once lower-cased.
  let w = word.toLowerCase();
  if (PLAIN.test(w)) return w;
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
  eachWord(text, from, to, (norm, start, end) => { out.push({ norm, start, end }); });
  return out;
}

/** Each word of text[from, to): its folded key and offsets. */
export function eachWord(text: string, from: number, to: number, visit: (norm: string, start: number, end: number) => void): void {
  WORD.lastIndex = from;
  for (;;) {
    const m = WORD.exec(text);
    if (!m || m.index >= to) break;
    const end = Math.min(m.index + m[0].length, to);
    visit(foldWord(end === m.index + m[0].length ? m[0] : text.slice(m.index, end)), m.index, end);
  }
}

export function isOpeningQuote(ch: string): boolean {
  return ch === '\u201C' || ch === '\u201E' || ch === '\u00AB';
}
export function isClosingQuote(ch: string): boolean {
  return ch === '\u201D' || ch === '\u00BB';
}
