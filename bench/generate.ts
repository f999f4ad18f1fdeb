/**
 * A deterministic synthetic newsroom: articles of 400 to 1,500 words with quotations attributed
 * the ways real copy does, a few thousand recurring speakers with name variants, dates over
 * years; and drafts whose quotations are exact, partial, misquoted, elided, misattributed or
 * invented, with the truth for each. Some articles report a speaker's change of position.
 */
import { createWriteStream } from 'node:fs';

export function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => { a = (a + 0x6d2b79f5) >>> 0; let t = a; t = Math.imul(t ^ (t >>> 15), t | 1); t ^= t + Math.imul(t ^ (t >>> 7), t | 61); return ((t ^ (t >>> 14)) >>> 0) / 4294967296; };
  return { next, int: (n: number) => Math.floor(next() * n), pick: <T>(xs: T[]): T => xs[Math.floor(next() * xs.length)] };
}

const SYL = ['ka', 'lo', 'mi', 'ren', 'tas', 'vo', 'del', 'an', 'bri', 'sen', 'tor', 'ul', 'mar', 'ne', 'pol', 'ri', 'sta', 'gon', 'e', 'lin', 'ba', 'cor', 'di', 'fen', 'gra', 'hol', 'is', 'jun', 'kel', 'mon'];
const FUNCTION = 'the of and to in a is that for on with as by at from it was be are this have not they will has but which their said more than its after about would there been would also can all into over new could who year people'.split(' ');
const TITLES = ['Defense Minister', 'Finance Minister', 'Senator', 'Mayor', 'Governor', 'Foreign Minister', 'spokeswoman', 'Chancellor', 'Secretary of State', 'Ambassador'];
const OUTLETS = ['The Daily Ledger', 'Harbor Gazette', 'Northern Wire', 'Capital Times', 'Evening Post', 'Metro Herald', 'Coastline Daily', 'The Observer Review', 'Valley Tribune', 'World Desk'];

export interface Person { first: string; last: string; title: string; variant: string }
export interface TruthQuote { article: number; text: string; speaker: string }
export interface Corpus { people: Person[]; quotes: TruthQuote[]; bytes: number; articles: number }

const cap = (w: string) => w[0].toUpperCase() + w.slice(1);

export function makeWords(r: ReturnType<typeof rng>, n: number): string[] {
  const out = new Set<string>();
  while (out.size < n) out.add(Array.from({ length: 2 + r.int(3) }, () => r.pick(SYL)).join(''));
  return [...out];
}

export class Newsroom {
  readonly r: ReturnType<typeof rng>;
  readonly vocab: string[];
  readonly people: Person[];
  constructor(seed: number, speakers: number) {
    this.r = rng(seed);
    this.vocab = makeWords(this.r, 6000);
    const names = makeWords(this.r, speakers * 2 + 50);
    this.people = Array.from({ length: speakers }, (_, i) => {
      const last = cap(names[2 * i + 1]);
      // Name variants: a diacritic on one vowel, as wire copy and local copy disagree.
      const variant = last.replace(/a/, 'á') !== last ? last.replace(/a/, 'á') : last.replace(/e/, 'é');
      return { first: cap(names[2 * i]), last, title: this.r.pick(TITLES), variant };
    });
  }

  /** Zipf-like: function words often, content words from a long tail. */
  word(): string {
    const r = this.r.next();
    if (r < 0.42) return this.r.pick(FUNCTION);
    return this.vocab[Math.floor(Math.pow(this.r.next(), 2.2) * this.vocab.length)];
  }
  words(n: number): string { return Array.from({ length: n }, () => this.word()).join(' '); }
  sentence(): string { const s = this.words(12 + this.r.int(14)); return cap(s) + '.'; }

  /** A quotation with an attribution pattern news copy uses. */
  quoted(p: Person, text: string): string {
    const full = `${p.first} ${p.last}`;
    switch (this.r.int(7)) {
      case 0: return `“${text},” ${p.last} said.`;
      case 1: return `${p.title} ${full} said: “${text}.”`;
      case 2: return `“${text},” said ${full}.`;
      case 3: return `${this.sentence().slice(0, -1)}, ${full} noted. “${text},” ${this.r.next() < 0.5 ? 'he' : 'she'} said.`;
      case 4: return `“${text},” ${p.title} ${p.variant} told reporters.`;
      case 5: return `The plan is “${text},” according to ${full}.`;
      default: return `${full} told the ${this.r.pick(OUTLETS).replace(/^The /, '')}: “${text}.”`;
    }
  }

  /** A sentence reporting that someone changed position, in the ways copy says it. */
  reversal(p: Person): string {
    const full = `${p.first} ${p.last}`;
    switch (this.r.int(4)) {
      case 0: return `The vote is an about-face for ${full}.`;
      case 1: return `${full}’s reversal on the ${this.word()} plan surprised allies.`;
      case 2: return `${p.title} ${full} has since walked back the remarks.`;
      default: return `It was a U-turn by ${full}, aides said.`;
    }
  }

  /** Writes `count` articles as one JSONL archive (streamed); returns what a test needs to know. */
  async writeCorpus(path: string, count: number): Promise<Corpus> {
    const out = createWriteStream(path);
    const quotes: TruthQuote[] = [];
    let bytes = 0;
    const start = Date.UTC(2015, 0, 1);
    for (let i = 0; i < count; i++) {
      const target = 400 + this.r.int(1100);
      const paras: string[] = [];
      let words = 0;
      const cast = Array.from({ length: 2 + this.r.int(3) }, () => this.r.pick(this.people));
      while (words < target) {
        if (this.r.next() < 0.35) {
          const p = this.r.pick(cast);
          const text = this.words(8 + this.r.int(20));
          quotes.push({ article: i, text, speaker: `${p.first} ${p.last}` });
          paras.push(this.quoted(p, text));
          words += 20;
        } else if (this.r.next() < 0.02) {
          // Reported changes of position (drafts are dated, so they make nothing outdated there).
          paras.push(`${this.sentence()} ${this.reversal(this.r.pick(cast))} ${this.sentence()}`);
          words += 40;
        } else {
          const s = [this.sentence(), this.sentence(), this.sentence()].join(' ');
          paras.push(s);
          words += s.split(' ').length;
        }
      }
      const date = new Date(start + this.r.int(3650) * 86400000).toISOString().slice(0, 10);
      const line = JSON.stringify({ id: `a${i}`, title: cap(this.words(6)), outlet: this.r.pick(OUTLETS), date, text: paras.join('\n\n') }) + '\n';
      bytes += Buffer.byteLength(line);
      if (!out.write(line)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
    }
    await new Promise<void>((resolve) => out.end(resolve));
    return { people: this.people, quotes, bytes, articles: count };
  }

  /** A draft of ~`words` words with `n` quotations of every kind, and the verdict each should get. */
  draft(corpus: Corpus, words: number, n: number): { text: string; truth: { kind: string; verdict: string; text: string; source: string | null }[] } {
    const kinds = ['exact', 'partial', 'misquoted', 'elided', 'misattributed', 'invented'];
    const paras: string[] = [];
    const truth: { kind: string; verdict: string; text: string; source: string | null }[] = [];
    const fillerPerQuote = Math.max(0, Math.floor(words / n) - 25);
    // Sources come from the first 5,000 long quotations (found once: at a million articles,
    // filtering every quotation per draft quotation took minutes).
    const sources: TruthQuote[] = [];
    for (const q of corpus.quotes) { if (sources.length === 5000) break; if (q.text.split(' ').length >= 14) sources.push(q); }
    for (let i = 0; i < n; i++) {
      const kind = kinds[i % kinds.length];
      const src = this.r.pick(sources);
      const w = src.text.split(' ');
      let text: string, speaker = src.speaker, verdict = 'verified';
      if (kind === 'exact') text = src.text;
      else if (kind === 'partial') { const a = 2 + this.r.int(3); text = w.slice(a, a + 8 + this.r.int(4)).join(' '); }
      else if (kind === 'misquoted') {
        const changed = [...w];
        const k = 1 + this.r.int(4);
        for (let j = 0; j < k; j++) changed[2 + Math.floor((j * (w.length - 4)) / k) + this.r.int(2)] = 'zq' + this.r.pick(this.vocab);
        text = changed.join(' '); verdict = 'misquote';
      } else if (kind === 'elided') text = `${w.slice(0, 5).join(' ')} … ${w.slice(-5).join(' ')}`;
      else if (kind === 'misattributed') {
        text = src.text;
        const other = this.r.pick(corpus.people.filter((p) => `${p.first} ${p.last}` !== src.speaker));
        speaker = `${other.first} ${other.last}`; verdict = 'misattributed';
      } else { text = this.words(14 + this.r.int(8)).replace(/\bthe\b/g, 'zqthe'); speaker = this.r.pick(corpus.people).last; verdict = 'unsourced'; }
      truth.push({ kind, verdict, text, source: kind === 'invented' ? null : src.text });
      // Dated, so nothing is "outdated": the generator writes no reversals.
      paras.push(`${this.words(fillerPerQuote)}. In March 2021, ${speaker} said “${text}.”`);
    }
    return { text: `# Draft\n\n${paras.join('\n\n')}\n`, truth };
  }
}
