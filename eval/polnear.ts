/**
 * Reads a PolNeAR split (brat standoff annotations of attributions) and derives its gold direct
 * quotations: the text between quotation marks inside an attribution's content, with the
 * attribution's source. Independent of the engine's own quotation finder on purpose: the gold
 * must not share the engine's mistakes.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';

export interface Span { start: number; end: number }
export interface Attribution { sources: Span[]; cues: Span[]; contents: Span[] }
export interface PolnearArticle { name: string; path: string; text: string; attributions: Attribution[]; date: string | null; title: string | null }
export interface GoldQuote {
  article: PolnearArticle;
  /** The words inside the marks. */
  start: number;
  end: number;
  text: string;
  sources: Span[];
  sourceText: string;
  cueText: string;
}

function spansOf(field: string): Span[] {
  return field.split(';').map((p) => { const [a, b] = p.trim().split(/\s+/).map(Number); return { start: a, end: b }; }).filter((s) => Number.isFinite(s.start) && s.end > s.start);
}

/** One brat file: T lines are typed spans, E lines tie Source, Cue and Content into an attribution. */
export function parseBrat(ann: string): Attribution[] {
  const spans = new Map<string, { type: string; spans: Span[] }>();
  const events: string[][] = [];
  for (const line of ann.split('\n')) {
    const cols = line.split('\t');
    if (/^T\d+$/.test(cols[0] ?? '') && cols[1]) {
      const sp = cols[1].indexOf(' ');
      spans.set(cols[0], { type: cols[1].slice(0, sp), spans: spansOf(cols[1].slice(sp + 1)) });
    } else if (/^E\d+$/.test(cols[0] ?? '') && cols[1]) events.push(cols[1].trim().split(/\s+/));
  }
  return events.map((args) => {
    const a: Attribution = { sources: [], cues: [], contents: [] };
    for (const arg of args) {
      const [role, id] = arg.split(':');
      const t = spans.get(id);
      if (!t) continue;
      const r = role.replace(/\d+$/, '');
      if (r === 'Source') a.sources.push(...t.spans);
      else if (r === 'Cue') a.cues.push(...t.spans);
      else if (r === 'Content') a.contents.push(...t.spans);
    }
    return a;
  });
}

export function readMetadata(root: string): Map<string, { date: string; title: string }> {
  const out = new Map<string, { date: string; title: string }>();
  const file = join(root, 'metadata.tsv');
  if (!existsSync(file)) return out;
  const [head, ...rows] = readFileSync(file, 'utf8').split('\n');
  const cols = head.split('\t');
  const at = (name: string) => cols.indexOf(name);
  for (const row of rows) {
    const c = row.split('\t');
    if (c.length < cols.length) continue;
    out.set(c[at('filename')], { date: c[at('publication_date')], title: c[at('title')] });
  }
  return out;
}

/** The articles of a split folder (`<split>/text`, `<split>/attributions`), one annotator each (the first by name). */
export function readSplit(dir: string): PolnearArticle[] {
  const textDir = join(dir, 'text');
  const annDir = join(dir, 'attributions');
  const meta = readMetadata(join(dir, '..'));
  const anns = readdirSync(annDir).filter((f) => f.endsWith('.ann')).sort();
  const out: PolnearArticle[] = [];
  for (const f of readdirSync(textDir).filter((x) => x.endsWith('.txt')).sort()) {
    const name = basename(f, '.txt');
    const ann = anns.find((a) => a.startsWith(name + '_'));
    if (!ann) continue;
    const m = meta.get(name);
    out.push({ name, path: join(textDir, f), text: readFileSync(join(textDir, f), 'utf8'), attributions: parseBrat(readFileSync(join(annDir, ann), 'utf8')), date: m?.date ?? null, title: m?.title ?? null });
  }
  return out;
}

const OPEN = new Set(['\u201C', '"']);
const wordsIn = (s: string) => (s.match(/[\p{L}\p{N}]+(?:['\u2019][\p{L}]+)*/gu) ?? []).length;

/** Quotation-mark spans inside [from, to): “…”, "…" and ''…''. */
function quotedIn(text: string, from: number, to: number): Span[] {
  const out: Span[] = [];
  let i = from;
  while (i < to) {
    const c = text[i];
    const two = text.startsWith("''", i);
    if (OPEN.has(c) || two) {
      const w = two ? 2 : 1;
      let j = i + w;
      const closeAt = (k: number) => two ? text.startsWith("''", k) : (c === '"' ? text[k] === '"' : text[k] === '\u201D' || text[k] === '"');
      while (j < to && !closeAt(j) && text[j] !== '\n') j++;
      if (j < to && closeAt(j)) { out.push({ start: i + w, end: j }); i = j + w; continue; }
      // Unclosed within the content: the quotation runs to the content's end (continued paragraphs).
      if (j >= to) { out.push({ start: i + w, end: to }); break; }
      i = j;
      continue;
    }
    i++;
  }
  return out;
}

/** Direct quotations of at least `minWords` words, each with the innermost attribution that contains it. */
export function goldQuotes(article: PolnearArticle, minWords = 3): GoldQuote[] {
  const found = new Map<string, { span: Span; attr: Attribution; size: number }>();
  for (const attr of article.attributions) {
    if (attr.sources.length === 0) continue;
    const size = attr.contents.reduce((n, c) => n + c.end - c.start, 0);
    for (const c of attr.contents) {
      for (const q of quotedIn(article.text, c.start, c.end)) {
        let { start, end } = q;
        while (start < end && /\s/.test(article.text[start])) start++;
        while (end > start && /[\s,.]/.test(article.text[end - 1])) end--;
        if (wordsIn(article.text.slice(start, end)) < minWords) continue;
        const key = `${start}:${end}`;
        const prev = found.get(key);
        if (!prev || size < prev.size) found.set(key, { span: { start, end }, attr, size });
      }
    }
  }
  return [...found.values()].sort((a, b) => a.span.start - b.span.start).map(({ span, attr }) => ({
    article, start: span.start, end: span.end, text: article.text.slice(span.start, span.end), sources: attr.sources,
    sourceText: attr.sources.map((s) => article.text.slice(s.start, s.end)).join(' '),
    cueText: attr.cues.map((s) => article.text.slice(s.start, s.end)).join(' '),
  }));
}
