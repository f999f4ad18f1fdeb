/** Paragraph and sentence boundaries of plain article text. */
export interface Span { start: number; end: number }

/**
 * Articles arrive either with blank lines between paragraphs (hard-wrapped Markdown) or with
 * one paragraph per line (scraped copy, all four seed articles). A text with blank lines is
 * read the first way, otherwise every line is a paragraph.
 */
export function paragraphsOf(text: string, from = 0): Span[] {
  const out: Span[] = [];
  const blankLines = /\n[ \t]*\r?\n/.test(text.slice(from));
  const splitter = blankLines ? /\r?\n[ \t]*(?:\r?\n[ \t]*)+/g : /\r\n|\r|\n/g;
  splitter.lastIndex = from;
  let start = from;
  for (;;) {
    const m = splitter.exec(text);
    const end = m ? m.index : text.length;
    if (end > start && /\S/.test(text.slice(start, end))) out.push(trim(text, start, end));
    if (!m) break;
    start = m.index + m[0].length;
  }
  return out;
}

function trim(text: string, start: number, end: number): Span {
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  return { start, end };
}

export const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'gen', 'gov', 'sen', 'rep', 'st', 'sgt', 'col', 'lt', 'capt', 'cmdr', 'adm', 'rev', 'fr', 'msgr', 'maj', 'cpl', 'pvt', 'supt', 'det', 'hon', 'atty', 'gens', 'sens', 'reps',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'no', 'vs', 'etc', 'inc', 'co', 'corp', 'jr', 'sr',
]);

/**
 * Sentence starts within [start, end). `masked` marks offsets (inside quotations) whose
 * punctuation does not end the surrounding sentence.
 */
export function sentenceStarts(text: string, start: number, end: number, masked?: (i: number) => boolean): number[] {
  const out = [start];
  for (let i = start; i < end; i++) {
    const c = text[i];
    if (c !== '.' && c !== '?' && c !== '!') continue;
    if (masked?.(i)) continue;
    let j = i + 1;
    while (j < end && /["'\u201D\u2019)\]]/.test(text[j])) j++;
    if (j >= end || !/\s/.test(text[j])) continue;
    while (j < end && /\s/.test(text[j])) j++;
    // A sentence may open with a quotation mark, two apostrophes included (''It's …'').
    if (j >= end || !/[\p{Lu}\p{N}"\u201C\u2018\u00AB\u201E]/u.test(text[j]) && !(text[j] === "'" && text[j + 1] === "'")) continue;
    if (c === '.') {
      const word = /([\p{L}]+)$/u.exec(text.slice(Math.max(start, i - 12), i));
      // "U.S. Defense", "J. Edgar": an initial, unless a quotation opens after it ("on X. “Publicly …").
      if (word && (ABBREVIATIONS.has(word[1].toLowerCase()) || (word[1].length === 1 && /\p{Lu}/u.test(word[1]) && /\p{Lu}/u.test(text[j])))) continue;
    }
    out.push(j);
  }
  return out;
}
