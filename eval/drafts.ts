/**
 * Drafts that quote a split's articles the ordinary way (`“…,” Name said.`), with planted faults:
 * verified, one word changed, one word dropped, another article's speaker, a quotation from the
 * other split. Checked against the split as the corpus; each verdict's precision and recall.
 */
import type { TraceEngine, Verdict } from '../server/src/engine';
import type { GoldQuote } from './polnear';
import { wordsOf, type Scored } from './score';

type Expected = 'verified' | 'misquote' | 'misattributed' | 'unsourced';
interface Planted { start: number; end: number; expected: Expected }
export interface Draft { text: string; planted: Planted[] }

const SUBSTITUTES = ['tremendous', 'dangerous', 'wonderful', 'ridiculous', 'important', 'yesterday', 'certainly', 'everybody'];
const WORD = /[\p{L}\p{N}]+(?:['\u2019][\p{L}]+)*/gu;

/** Deterministic: the same split gives the same drafts. */
function rotate<T>(list: T[], i: number): T { return list[i % list.length]; }

function changeWord(text: string, i: number): string | null {
  const words = [...text.matchAll(WORD)].filter((m) => m[0].length >= 4);
  if (words.length < 2) return null;
  const w = words.reduce((a, b) => (b[0].length > a[0].length ? b : a));
  const sub = SUBSTITUTES.filter((s) => !text.toLowerCase().includes(s));
  return text.slice(0, w.index!) + rotate(sub, i) + text.slice(w.index! + w[0].length);
}

function dropWord(text: string): string | null {
  const words = [...text.matchAll(WORD)];
  if (words.length < 6) return null;
  const w = words.slice(1, -1).find((m, k) => k >= (words.length >> 1) - 1 && m[0].length >= 3);
  if (!w) return null;
  return (text.slice(0, w.index!) + text.slice(w.index! + w[0].length)).replace(/ {2,}/g, ' ');
}

const usable = (g: GoldQuote) => !/["\u201C\u201D\n]|''/.test(g.text) && [...g.text.matchAll(WORD)].length >= 4;

export function buildDrafts(scored: Scored[], otherSplit: GoldQuote[]): Draft[] {
  const named = scored.filter((s) => s.referent !== 'pronoun' && s.referent.kind === 'person' && usable(s.gold));
  const names = [...new Set(named.map((s) => (s.referent as { name: string }).name))];
  const foreign = otherSplit.filter(usable).filter((g) => [...g.text.matchAll(WORD)].length >= 6);
  const byArticle = new Map<string, Scored[]>();
  for (const s of named) byArticle.set(s.gold.article.name, [...(byArticle.get(s.gold.article.name) ?? []), s]);
  const drafts: Draft[] = [];
  let i = 0;
  for (const list of byArticle.values()) {
    let text = '# Draft\n\n';
    const planted: Planted[] = [];
    for (const s of list) {
      const name = (s.referent as { name: string }).name;
      let words = s.gold.text;
      let speaker = name;
      let expected: Expected = 'verified';
      switch (i++ % 6) {
        case 1: { const c = changeWord(words, i); if (c) { words = c; expected = 'misquote'; } break; }
        case 3: { const c = dropWord(words); if (c) { words = c; expected = 'misquote'; } break; }
        case 4: {
          const surname = wordsOf(name).pop();
          const other = names.filter((n) => wordsOf(n).pop() !== surname && !wordsOf(n).includes(surname ?? ''));
          if (other.length) { speaker = rotate(other, i * 7); expected = 'misattributed'; }
          break;
        }
        case 5: if (foreign.length) { words = rotate(foreign, i * 13).text; expected = 'unsourced'; } break;
      }
      const end = /[?!]$/.test(words) ? '' : ',';
      const start = text.length + 1;
      text += `\u201C${words}${end}\u201D ${speaker} said.\n\n`;
      planted.push({ start, end: start + words.length, expected });
    }
    drafts.push({ text, planted });
  }
  return drafts;
}

export interface VerdictScore { verdict: Verdict; planted: number; flagged: number; truePositives: number }

export function scoreDrafts(engine: TraceEngine, drafts: Draft[], show?: string): VerdictScore[] {
  const verdicts: Verdict[] = ['verified', 'misquote', 'misattributed', 'unsourced'];
  const score = new Map(verdicts.map((v) => [v, { verdict: v, planted: 0, flagged: 0, truePositives: 0 }]));
  for (const d of drafts) {
    const report = engine.check(d.text, { minQuoteWords: 4 });
    for (const p of d.planted) {
      const f = report.findings.find((x) => x.start < p.end && x.end > p.start);
      const got: Verdict = f ? (f.verdict === 'outdated' ? 'verified' : f.verdict) : 'verified';
      score.get(p.expected)!.planted++;
      if (show && (got === show) !== (p.expected === show)) {
        const src = f?.source;
        console.log(`  [${p.expected} → ${got}] draft: ${d.text.slice(p.start - 1, p.end + 40).split('\n')[0]}\n      source speaker: ${src ? `${src.speaker ?? 'none'} (${src.quote.speaker?.via ?? '-'}; mention ${JSON.stringify(src.quote.speakerMention?.text ?? null)}) in ${src.article.path.split('/').pop()}:${src.start}` : 'none'}`);
      }
      const s = score.get(got);
      if (s) { s.flagged++; if (got === p.expected) s.truePositives++; }
    }
  }
  return [...score.values()];
}
