/**
 * Finds the spans between quotation marks in a run of paragraphs. Knows nothing about
 * speakers: extract/attribute.ts decides who says what.
 */
import { isClosingQuote, isOpeningQuote } from '../text/normalize';
import type { Span } from '../text/paragraphs';

export interface QuoteSpan {
  /** The words inside the marks. */
  start: number;
  end: number;
  /** Offset of the opening mark and one past the closing mark (equal to end when unclosed). */
  open: number;
  close: number;
  paragraph: number;
  /** The paragraph ends inside the quote and the next paragraph reopens it (news style). */
  continuesNext: boolean;
  /** This span reopens a quote left open at the end of the previous paragraph. */
  continuesPrevious: boolean;
  unclosed: boolean;
}

export interface TextProblem { offset: number; message: string }

const STRAIGHT = '"';

/** A straight quote opens when it follows a space or opening punctuation and precedes a non-space. */
function straightOpens(text: string, i: number, paraStart: number): boolean {
  const before = i > paraStart ? text[i - 1] : ' ';
  const after = text[i + 1] ?? ' ';
  return /[\s([{\u2014\u2013\-\/:>*_]/.test(before) && !/\s/.test(after);
}

export function findQuoteSpans(text: string, paragraphs: Span[], problems: TextProblem[] = []): QuoteSpan[] {
  const out: QuoteSpan[] = [];
  let carry = false; // previous paragraph ended inside a quote that this one reopens
  for (let p = 0; p < paragraphs.length; p++) {
    const { start: ps, end: pe } = paragraphs[p];
    let openAt = -1;
    let openChar = '';
    let reopened = false;
    for (let i = ps; i < pe; i++) {
      const c = text[i];
      if (openAt < 0) {
        if (isOpeningQuote(c) || (c === STRAIGHT && straightOpens(text, i, ps))) {
          openAt = i;
          openChar = c;
          reopened = carry && !/\S/.test(text.slice(ps, i));
        }
        continue;
      }
      const closes = openChar === STRAIGHT ? c === STRAIGHT : isClosingQuote(c);
      if (closes) {
        out.push({ start: openAt + 1, end: i, open: openAt, close: i + 1, paragraph: p, continuesNext: false, continuesPrevious: reopened, unclosed: false });
        openAt = -1;
      } else if (openChar !== STRAIGHT && isOpeningQuote(c)) {
        // A second opening mark before any closing one: the first was never closed.
        problems.push({ offset: openAt, message: 'unclosed quotation mark (another quotation opens before it closes)' });
        out.push({ start: openAt + 1, end: trimEnd(text, openAt + 1, i), open: openAt, close: trimEnd(text, openAt + 1, i), paragraph: p, continuesNext: false, continuesPrevious: reopened, unclosed: true });
        openAt = i;
        reopened = false;
      }
    }
    carry = false;
    if (openAt >= 0) {
      const next = paragraphs[p + 1];
      const nextOpens = next !== undefined && (isOpeningQuote(text[next.start]) || text[next.start] === STRAIGHT);
      const end = trimEnd(text, openAt + 1, pe);
      if (nextOpens) carry = true;
      else problems.push({ offset: openAt, message: 'unclosed quotation mark (the paragraph ends inside the quotation)' });
      out.push({ start: openAt + 1, end, open: openAt, close: end, paragraph: p, continuesNext: nextOpens, continuesPrevious: reopened, unclosed: !nextOpens });
    }
  }
  return out;
}

function trimEnd(text: string, start: number, end: number): number {
  while (end > start && /\s/.test(text[end - 1])) end--;
  return end;
}
