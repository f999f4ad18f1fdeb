/**
 * Reads a Markdown draft for quotations. Code, HTML, link targets, images and front matter
 * hold no quotations: they are blanked out (same length, so offsets stay true) before the
 * article rules of extract/ run over the prose. Blockquotes are prose, and a blockquote's
 * closing `— Name, to Outlet` line attributes it.
 */
import { fromMarkdown } from 'mdast-util-from-markdown';
import { frontmatter } from 'micromark-extension-frontmatter';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import { parse as parseYaml } from 'yaml';
import { anonymousSpeaker, extractQuotes, type Extraction, type ExtractedQuote } from '../extract/extract';
import type { Span } from '../text/paragraphs';
import type { PlacedMention } from '../extract/speakers';
import { ANONYMOUS_NOUNS } from '../extract/lexicon';
import { foldWord } from '../text/normalize';

export interface DraftScan {
  quotes: ExtractedQuote[];
  extraction: Extraction;
  /** The draft with non-prose blanked: what the rules read. */
  prose: string;
  /** Quotations left alone by `<!-- source-trace-ignore -->` or a disabled region. */
  ignored: number;
  /** Front matter says `source-trace: off`. */
  off: boolean;
}

/**
 * What a check reads of a scan, as plain data a worker thread can send back: the article people's
 * mentions, not their lookups.
 */
export interface PlainDraftScan extends Omit<DraftScan, 'extraction'> {
  extraction: Omit<Extraction, 'people'> & { people: { mentions: PlacedMention[] } };
}

export function plainScan(scan: DraftScan): PlainDraftScan {
  return { ...scan, extraction: { ...scan.extraction, people: { mentions: scan.extraction.people.mentions } } };
}

interface MdNode { type: string; value?: string; url?: string; children?: MdNode[]; position?: { start: { offset?: number }; end: { offset?: number } } }

const IGNORE = /<!--\s*source-trace-ignore\s*-->/;
const DISABLE = /<!--\s*source-trace-disable\s*-->/;
const ENABLE = /<!--\s*source-trace-enable\s*-->/;

export function scanDraft(text: string, knownSurname?: (fold: string) => boolean): DraftScan {
  let tree: MdNode;
  try {
    tree = fromMarkdown(text, { extensions: [frontmatter(['yaml'])], mdastExtensions: [frontmatterFromMarkdown(['yaml'])] }) as MdNode;
  } catch {
    tree = { type: 'root', children: [] };
  }
  const chars = text.split('');
  const blank = (a: number, b: number) => { for (let i = a; i < b; i++) if (chars[i] !== '\n' && chars[i] !== '\r') chars[i] = ' '; };
  const paragraphs: Span[] = [];
  const blockquotes: MdNode[] = [];
  const ignoreAfter: number[] = [];
  const toggles: { at: number; on: boolean }[] = [];
  let off = false;
  const start = (n: MdNode) => n.position?.start.offset ?? 0;
  const end = (n: MdNode) => n.position?.end.offset ?? 0;

  // Which nodes' children are walked: all but those whose text is blanked whole.
  const visit = (n: MdNode): boolean => {
    switch (n.type) {
      case 'yaml': {
        blank(start(n), end(n));
        try { const fm = parseYaml(n.value ?? ''); if (fm && typeof fm === 'object' && /^(off|false|disabled?)$/i.test(String((fm as Record<string, unknown>)['source-trace']))) off = true; } catch { /* broken front matter: no settings from it */ }
        return false;
      }
      case 'code': case 'inlineCode': case 'definition': case 'image': case 'imageReference':
        blank(start(n), end(n)); return false;
      case 'html': {
        const v = n.value ?? '';
        if (IGNORE.test(v)) ignoreAfter.push(end(n));
        if (DISABLE.test(v)) toggles.push({ at: end(n), on: false });
        if (ENABLE.test(v)) toggles.push({ at: end(n), on: true });
        blank(start(n), end(n));
        return false;
      }
      case 'link': case 'linkReference': {
        const kids = n.children ?? [];
        if (kids.length === 0) { blank(start(n), end(n)); return false; }
        blank(start(n), start(kids[0]));
        blank(end(kids[kids.length - 1]), end(n));
        if (n.url && kids.length === 1 && kids[0].type === 'text' && kids[0].value === n.url) blank(start(n), end(n));
        break;
      }
      case 'paragraph': case 'heading': case 'tableCell':
        paragraphs.push({ start: start(n), end: end(n) });
        break;
      case 'blockquote':
        blockquotes.push(n);
        break;
    }
    return true;
  };
  // An explicit stack, in document order: 8,000 nested blockquotes must not overflow the call stack.
  const stack: MdNode[] = [tree];
  while (stack.length) {
    const n = stack.pop()!;
    if (!visit(n) || !n.children) continue;
    for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]);
  }
  // Footnote definitions (`[^1]: “Title”, Outlet, date`: what *Cite source* writes) are citations, not
  // prose: their quoted titles are no draft quotations.
  for (const m of text.matchAll(/^[ \t]{0,3}\[\^[^\]\n]+\]:[^\n]*(?:\r?\n(?:[ \t]{2,}|\t)[^\n]*)*/gm)) blank(m.index!, m.index! + m[0].length);
  // Blockquote markers at line starts are not prose.
  for (const bq of blockquotes) {
    const re = /(^|\n)([ \t]*(?:>[ \t]?)+)/g;
    const s = start(bq);
    for (const m of text.slice(s, end(bq)).matchAll(re)) blank(s + m.index! + m[1].length, s + m.index! + m[0].length);
  }
  const prose = chars.join('');
  paragraphs.sort((a, b) => a.start - b.start);
  const extraction = extractQuotes(prose, { paragraphs, knownSurname });
  const quotes = extraction.quotes;
  for (const bq of blockquotes) attributeBlockquote(prose, bq, quotes);
  quotes.sort((a, b) => a.start - b.start);

  const disabledAt = (offset: number) => {
    let disabled = false;
    for (const t of toggles) if (t.at <= offset) disabled = !t.on;
    return disabled;
  };
  const kept: ExtractedQuote[] = [];
  let ignored = 0;
  for (const q of quotes) {
    // An ignore comment covers the next quotation, if nothing but its own line or paragraph lies between.
    const ignoredByComment = ignoreAfter.some((at) => at <= q.open && q.open - at < 600 && !/\n[ \t>\r]*\n/.test(prose.slice(at, q.open)) &&
      !quotes.some((o) => o !== q && o.open >= at && o.open < q.open));
    if (off || ignoredByComment || disabledAt(q.open)) { ignored++; continue; }
    kept.push(q);
  }
  return { quotes: kept, extraction, prose, ignored, off };
}

const ATTRIBUTION_LINE = /(^|\n)[ \t]*(?:\u2014|\u2015|\u2013|--)[ \t]*([^\n]+)/;

function attributeBlockquote(prose: string, bq: MdNode, quotes: ExtractedQuote[]) {
  const s = bq.position?.start.offset ?? 0, e = bq.position?.end.offset ?? 0;
  const body = prose.slice(s, e);
  const m = ATTRIBUTION_LINE.exec(body);
  if (!m) return;
  const lineStart = s + m.index! + m[1].length;
  const who = m[2].split(/[,(;]/)[0].trim();
  if (!who) return;
  const nameStart = s + m.index! + m[0].indexOf(who, m[1].length);
  const mention = { text: who, start: nameStart, end: nameStart + who.length };
  const words = who.split(/\s+/);
  const speaker = ANONYMOUS_NOUNS.has(foldWord(words[words.length - 1])) && /^(a|an|the|one)$/i.test(words[0])
    ? anonymousSpeaker(who) : { name: who, anonymous: false, roles: [] };
  const inside = quotes.filter((q) => q.open >= s && q.close <= lineStart);
  if (inside.length > 0) {
    for (const q of inside) if (!q.speaker) { q.speaker = speaker; q.speakerMention = mention; q.cue = 'after'; }
    return;
  }
  // The blockquote itself is the quotation when it has no marks of its own.
  let a = s, b = lineStart;
  while (a < b && /\s/.test(prose[a])) a++;
  while (b > a && /\s/.test(prose[b - 1])) b--;
  if (b <= a) return;
  quotes.push({ text: prose.slice(a, b), start: a, end: b, open: a, close: b, paragraph: -1, unclosed: false, speaker, speakerMention: mention, cue: 'after', verb: null, group: -1 });
}
