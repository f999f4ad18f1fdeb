/**
 * The words of a quotation as the aligner sees them: folded words, plus editorial marks.
 * In a source, bracketed words ("[Vladimir] Putin") are the editor's: optional when matching.
 * In a draft, an ellipsis is an elision (any run of source words may be skipped there) and a
 * bracketed insertion stands in for a few source words.
 */
import { eachWord } from './normalize';

export const enum TokenKind { Word = 0, Bracketed = 1, Elision = 2, Wildcard = 3 }

export interface QuoteTokens {
  norms: string[];
  starts: number[];
  ends: number[];
  kinds: TokenKind[];
}

const MARK = /\[[^\]\n]{0,200}\]|\u2026|\.(?:\s?\.){2,}/g;

export function quoteTokens(text: string, start: number, end: number, side: 'source' | 'draft'): QuoteTokens {
  const out: QuoteTokens = { norms: [], starts: [], ends: [], kinds: [] };
  const push = (norm: string, s: number, e: number, kind: TokenKind) => { out.norms.push(norm); out.starts.push(s); out.ends.push(e); out.kinds.push(kind); };
  scanQuote(text, start, end, side, (from, to, kind) => eachWord(text, from, to, (norm, s, e) => push(norm, s, e, kind)), push);
  return out;
}

/**
 * Walks a quotation: `words` gets each stretch of words with its kind, `mark` each editorial
 * mark (drafts only). Indexing passes its own `words` (word ids straight from the text).
 */
export function scanQuote(text: string, start: number, end: number, side: 'source' | 'draft', words: (from: number, to: number, kind: TokenKind) => void, mark: (norm: string, s: number, e: number, kind: TokenKind) => void = () => {}): void {
  const slice = text.slice(start, end);
  let at = start;
  for (const m of slice.matchAll(MARK)) {
    const ms = start + m.index!;
    const me = ms + m[0].length;
    words(at, ms, TokenKind.Word);
    if (m[0].startsWith('[')) {
      if (side === 'source') words(ms + 1, me - 1, TokenKind.Bracketed);
      else mark('[…]', ms, me, TokenKind.Wildcard);
    } else if (side === 'draft') mark('…', ms, me, TokenKind.Elision);
    at = me;
  }
  words(at, end, TokenKind.Word);
}

/** Number of words a reader would count (editorial marks excluded). */
export function wordCount(t: QuoteTokens): number {
  let n = 0;
  for (const k of t.kinds) if (k === TokenKind.Word) n++;
  return n;
}
