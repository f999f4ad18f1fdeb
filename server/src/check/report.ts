/** A draft report in the JSON contract, text lines and SARIF 2.1.0. Positions are LSP's. */
import { relative } from 'node:path';
import { LineIndex, type Range } from '../text/lineIndex';
import type { TraceCorpus } from '../index/traceCorpus';
import type { Code, DraftReport, Finding } from './checkDraft';
import { DEFAULT_SEVERITY, message } from './messages';
import { forSarif, forTerminal } from '../text/sanitize';
import { evidenceOf, type SourceData } from './findingData';

export interface JsonQuote {
  text: string;
  range: Range;
  attributedTo: string | null;
  verdict: Finding['verdict'];
  /** `speakerEvidence`: how the source's speaker was found, and whether that is evidence enough for a warning. */
  source: { path: string; title: string | null; outlet: string | null; date: string | null; speaker: string | null; speakerEvidence: SourceData['speakerEvidence']; quote: string; range: Range } | null;
  diagnostics: { code: Code; severity: string; message: string }[];
}
export interface JsonFile { path: string; quotes: JsonQuote[]; ignored?: number; capped?: number }

export function toJson(corpus: TraceCorpus, path: string, text: string, report: DraftReport, cwd = process.cwd(), severity = DEFAULT_SEVERITY): JsonFile {
  const lines = new LineIndex(text);
  const rel = (p: string) => relative(cwd, p) || p;
  const out: JsonFile = {
    path: rel(path),
    quotes: report.findings.map((f) => ({
      text: f.text,
      range: lines.range(f.start, f.end),
      attributedTo: f.attributedTo,
      verdict: f.verdict,
      source: f.source && {
        path: rel(f.source.article.path), title: f.source.article.title, outlet: f.source.article.outlet, date: f.source.article.date,
        speaker: f.source.speaker, speakerEvidence: evidenceOf(f.source.quote.speaker, f.source.quote.speakerMention), quote: f.source.quote.text, range: corpus.rangeIn(f.source.article, f.source.quote.start, f.source.quote.end),
      },
      diagnostics: f.codes.map((code) => ({ code, severity: severity[code], message: message(f, code) })),
    })),
  };
  if (report.ignored) out.ignored = report.ignored;
  if (report.capped) out.capped = report.capped;
  return out;
}

export function toText(files: JsonFile[]): string {
  const lines: string[] = [];
  for (const f of files) for (const q of f.quotes) for (const d of q.diagnostics)
    lines.push(`${forTerminal(f.path)}:${q.range.start.line + 1}:${q.range.start.character + 1}: ${d.severity} ${d.code}: ${forTerminal(d.message)}`);
  return lines.join('\n');
}

export function toSarif(files: JsonFile[], readmeUrl: string): unknown {
  const level = (s: string) => (s === 'error' ? 'error' : s === 'warning' ? 'warning' : 'note');
  const rules = (['misquote', 'misattributed', 'outdated', 'unsourced'] as Code[]).map((id) => ({
    id, name: id, helpUri: `${readmeUrl}#${id}`, shortDescription: { text: `Source Trace: ${id}` }, defaultConfiguration: { level: level(DEFAULT_SEVERITY[id]) },
  }));
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: { driver: { name: 'source-trace', informationUri: readmeUrl, rules } },
      results: files.flatMap((f) => f.quotes.flatMap((q) => q.diagnostics.map((d) => ({
        ruleId: d.code, level: level(d.severity), message: { text: forSarif(d.message) },
        locations: [{ physicalLocation: { artifactLocation: { uri: f.path.split('\\').join('/') }, region: { startLine: q.range.start.line + 1, startColumn: q.range.start.character + 1, endLine: q.range.end.line + 1, endColumn: q.range.end.character + 1 } } }],
        ...(q.source ? { relatedLocations: [{ physicalLocation: { artifactLocation: { uri: q.source.path.split('\\').join('/') }, region: { startLine: q.source.range.start.line + 1, startColumn: q.source.range.start.character + 1 } } }] } : {}),
      })))),
    }],
  };
}
