/**
 * A finding as plain JSON: what a diagnostic carries in `data`, so a quick fix applies it
 * without re-analysing the draft (and can be refused when the draft has moved on).
 */
import { pathToFileURL } from 'node:url';
import type { Code, Finding, Verdict } from './checkDraft';
import type { TraceCorpus } from '../index/traceCorpus';
import type { Range } from '../text/lineIndex';
import type { Mention, Speaker } from '../extract/extract';
import { attributionEvidence } from './evidence';

export interface SourceData {
  uri: string;
  path: string;
  title: string | null;
  outlet: string | null;
  date: string | null;
  url: string | null;
  speaker: string | null;
  /** How the source's speaker was found, and whether that is evidence enough for a warning. */
  speakerEvidence: { via: string | null; kind: 'person' | 'organization' | 'unnamed' | null; how: string; confident: boolean } | null;
  /** The source's exact words for the part the draft quotes. */
  wording: string;
  /** Where the quotation stands in the source file. */
  range: Range;
}

export interface FindingData {
  version: number | null;
  verdict: Verdict;
  codes: Code[];
  text: string;
  open: number;
  close: number;
  wordsStart: number;
  wordsEnd: number;
  attributedTo: string | null;
  attribution: { start: number; end: number; text: string } | null;
  verb: { start: number; end: number; text: string } | null;
  source: SourceData | null;
  changes: { op: string; draft: string; source: string }[];
  outdated: { uri: string; title: string | null; date: string | null; sentence: string; range: Range; overlap: string[] } | null;
}

export function sourceData(corpus: TraceCorpus, f: Finding): SourceData | null {
  const s = f.source;
  if (!s) return null;
  return {
    uri: pathToFileURL(s.article.path).toString(), path: s.article.path, title: s.article.title, outlet: s.article.outlet, date: s.article.date,
    url: s.article.url, speaker: s.speaker, speakerEvidence: evidenceOf(s.quote.speaker, s.quote.speakerMention), wording: s.wording, range: corpus.rangeIn(s.article, s.start, s.end),
  };
}

/** How a corpus quotation's speaker was found, as plain JSON (diagnostic data, the CLI's JSON). */
export function evidenceOf(speaker: Speaker | null, mention: Mention | null): SourceData['speakerEvidence'] {
  const e = attributionEvidence(speaker, mention);
  if (!e || !speaker) return null;
  return { via: speaker.via ?? null, kind: speaker.kind ?? (speaker.anonymous ? 'unnamed' : 'person'), how: e.how, confident: e.confident };
}

export function findingData(corpus: TraceCorpus, f: Finding, version: number | null): FindingData {
  const o = f.outdated;
  return {
    version, verdict: f.verdict, codes: f.codes, text: f.text, open: f.open, close: f.close, wordsStart: f.wordsStart, wordsEnd: f.wordsEnd,
    attributedTo: f.attributedTo,
    attribution: f.attributionMention && { start: f.attributionMention.start, end: f.attributionMention.end, text: f.attributionMention.text },
    verb: f.verb && { start: f.verb.start, end: f.verb.end, text: f.verb.text },
    source: sourceData(corpus, f),
    changes: f.source?.changes ?? [],
    outdated: o && { uri: pathToFileURL(o.change.article.path).toString(), title: o.change.article.title, date: o.change.article.date, sentence: o.change.sentence, range: corpus.rangeIn(o.change.article, o.change.start, o.change.end), overlap: o.overlap },
  };
}
