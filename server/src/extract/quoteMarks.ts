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

/** A mark opens when it follows a space or opening punctuation and precedes a non-space. */
function opensAt(text: string, i: number, width: number, paraStart: number): boolean {
  const before = i > paraStart ? text[i - 1] : ' ';
  const after = text[i + width] ?? ' ';
  return /[\s([{\u2014\u2013\-\/:>*_]/.test(before) && !/\s/.test(after);
}

/** A mark closes when what follows it is not a letter ("don’t" keeps its apostrophe). */
const closesBefore = (text: string, i: number) => !/[\p{L}\p{N}]/u.test(text[i] ?? ' ');

/**
 * The opening mark at i, if any, and how wide it is. Copy writes quotations as “…”, "…", „…“,
 * «…», ''…'' (two apostrophes, as some wire and newspaper copy does), ``…'' and, where a
 * paragraph has no double marks at all, ‘…’ or '…'.
 */
function openingAt(text: string, i: number, ps: number, singles: () => boolean): { kind: string; width: number } | null {
  const c = text[i];
  if (c === "'" && text[i + 1] === "'") return opensAt(text, i, 2, ps) ? { kind: "''", width: 2 } : null;
  if (c === '`' && text[i + 1] === '`') return { kind: "''", width: 2 };
  if (isOpeningQuote(c)) return { kind: c, width: 1 };
  if (c === STRAIGHT) return opensAt(text, i, 1, ps) ? { kind: STRAIGHT, width: 1 } : null;
  if ((c === '\u2018' || c === "'") && opensAt(text, i, 1, ps) && /\p{L}/u.test(text[i + 1] ?? '') && singles()) return { kind: c, width: 1 };
  return null;
}

/** Width of the mark closing a quotation opened by `kind` at i (0: none). Curly and straight double marks pair with each other. */
function closingAt(text: string, i: number, kind: string): number {
  const c = text[i];
  switch (kind) {
    case "''": return c === "'" && text[i + 1] === "'" ? 2 : 0;
    case '\u00AB': return c === '\u00BB' ? 1 : 0;
    case '\u201E': return c === '\u201C' || c === '\u201D' ? 1 : 0;
    case '\u2018': return c === '\u2019' && closesBefore(text, i + 1) ? 1 : 0;
    case "'": return c === "'" && closesBefore(text, i + 1) && text[i + 1] !== "'" ? 1 : 0;
    default: return c === '\u201D' || (c === STRAIGHT && (kind === STRAIGHT || closesBefore(text, i + 1))) ? 1 : 0;
  }
}

const DOUBLE_MARK = /["\u201C\u201D\u201E\u00AB\u00BB]|''|``/;

export function findQuoteSpans(text: string, paragraphs: Span[], problems: TextProblem[] = []): QuoteSpan[] {
  const out: QuoteSpan[] = [];
  let carry = false; // previous paragraph ended inside a quote that this one reopens
  for (let p = 0; p < paragraphs.length; p++) {
    const { start: ps, end: pe } = paragraphs[p];
    // Whether the paragraph has double marks is asked only when a single mark could open.
    let singlesKnown = false, singles = false;
    const singlesAllowed = () => { if (!singlesKnown) { singlesKnown = true; singles = !DOUBLE_MARK.test(text.slice(ps, pe)); } return singles; };
    let openAt = -1;
    let openKind = '';
    let openWidth = 1;
    let reopened = false;
    for (let i = ps; i < pe; i++) {
      // Most characters are no mark at all: one comparison of the code decides (the hot path of indexing).
      const code = text.charCodeAt(i);
      if (code !== 34 && code !== 39 && code !== 96 && code < 0xAB) continue;
      if (openAt < 0) {
        const o = openingAt(text, i, ps, singlesAllowed);
        if (o) {
          openAt = i;
          openKind = o.kind;
          openWidth = o.width;
          reopened = carry && !/\S/.test(text.slice(ps, i));
          i += o.width - 1;
        }
        continue;
      }
      const w = closingAt(text, i, openKind);
      if (w) {
        out.push({ start: openAt + openWidth, end: i, open: openAt, close: i + w, paragraph: p, continuesNext: false, continuesPrevious: reopened, unclosed: false });
        openAt = -1;
        i += w - 1;
      } else if (openKind === '\u201C' && text[i] === '\u201C' && nestedClose(text, i, pe) > 0) {
        // “… what he calls “hell” than …”: a quotation inside one, marked with the same curly marks.
        i = nestedClose(text, i, pe);
      } else if (openKind !== STRAIGHT && openKind.length === 1 && isOpeningQuote(text[i]) && openKind !== '\u2018' && openKind !== "'") {
        // A second opening mark before any closing one: the first was never closed.
        problems.push({ offset: openAt, message: 'unclosed quotation mark (another quotation opens before it closes)' });
        const end = trimEnd(text, openAt + openWidth, i);
        out.push({ start: openAt + openWidth, end, open: openAt, close: end, paragraph: p, continuesNext: false, continuesPrevious: reopened, unclosed: true });
        openAt = i;
        openKind = text[i];
        openWidth = 1;
        reopened = false;
      }
    }
    carry = false;
    if (openAt >= 0) {
      const next = paragraphs[p + 1];
      const single = openKind === '\u2018' || openKind === "'";
      const nextOpens = !single && next !== undefined && !!openingAt(text, next.start, next.start, () => false);
      const end = trimEnd(text, openAt + openWidth, pe);
      // A single mark left open is an apostrophe after all ('90s, rock 'n' roll): no quotation.
      if (single) continue;
      if (nextOpens) carry = true;
      else problems.push({ offset: openAt, message: 'unclosed quotation mark (the paragraph ends inside the quotation)' });
      out.push({ start: openAt + openWidth, end, open: openAt, close: end, paragraph: p, continuesNext: nextOpens, continuesPrevious: reopened, unclosed: !nextOpens });
    }
  }
  return out;
}

/**
 * Where a quotation opened with “ at i inside another closes (its ”), when the outer one still
 * closes after it before any new quotation opens; -1 when the outer one was never closed.
 * Curly marks say which way they face, so nesting can be read where straight marks cannot.
 */
function nestedClose(text: string, i: number, pe: number): number {
  const inner = text.indexOf('\u201D', i + 1);
  if (inner < 0 || inner >= pe) return -1;
  const outer = text.indexOf('\u201D', inner + 1);
  if (outer < 0 || outer >= pe) return -1;
  const next = text.indexOf('\u201C', inner + 1);
  return next < 0 || next > outer ? inner : -1;
}

function trimEnd(text: string, start: number, end: number): number {
  while (end > start && /\s/.test(text[end - 1])) end--;
  return end;
}
