/** A draft report in the JSON contract, text lines and SARIF 2.1.0. Positions are LSP's. */
import { relative } from 'node:path';
import { LineIndex, type Range } from '../text/lineIndex';
import type { TraceCorpus } from '../index/traceCorpus';
import type { Code, DraftReport, Finding } from './checkDraft';
import { DEFAULT_SEVERITY, RULE_HELP, message } from './messages';
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

const ANSI: Record<string, string> = { error: '31', warning: '33', information: '36', hint: '2' };
const paint = (on: boolean, codes: string, text: string) => (on ? `\u001b[${codes}m${text}\u001b[0m` : text);

/** `path:line:col: severity code: message`, a line per diagnostic; with colour, the severity and code stand out. */
export function toText(files: JsonFile[], color = false): string {
  const lines: string[] = [];
  for (const f of files) for (const q of f.quotes) for (const d of q.diagnostics) {
    const where = `${forTerminal(f.path)}:${q.range.start.line + 1}:${q.range.start.character + 1}:`;
    lines.push(`${paint(color, '1', where)} ${paint(color, ANSI[d.severity] ?? '0', `${d.severity} ${d.code}`)}: ${forTerminal(d.message)}`);
  }
  return lines.join('\n');
}

const VERDICTS: Finding['verdict'][] = ['verified', 'misquote', 'misattributed', 'outdated', 'unsourced'];

/** The run in one line: drafts, quotations by verdict, findings, and the corpus they were traced in. */
export function summaryLine(files: JsonFile[], corpus: { articles: number; quotations: number }, color = false): string {
  const n = (k: number, one: string, many = `${one}s`) => `${k} ${k === 1 ? one : many}`;
  const tally = new Map<string, number>();
  let quotes = 0, findings = 0;
  for (const f of files) for (const q of f.quotes) { quotes++; findings += q.diagnostics.length; tally.set(q.verdict, (tally.get(q.verdict) ?? 0) + 1); }
  const byVerdict = VERDICTS.filter((v) => tally.get(v)).map((v) => `${tally.get(v)} ${v}`).join(', ');
  const found = paint(color && findings > 0, '1;33', n(findings, 'finding'));
  return `${n(files.length, 'draft')}, ${n(quotes, 'quotation')}${byVerdict ? ` (${byVerdict})` : ''}: ${found}; corpus: ${n(corpus.articles, 'article')}, ${n(corpus.quotations, 'quotation')}`;
}

/**
 * SARIF 2.1.0 as code scanning reads it: the tool's version, each rule with its help text and
 * default level. Links only where they are real: `informationUri` and the rules' `helpUri` come
 * from the package's https homepage when it has one, never from a path on the machine that ran it.
 */
export function toSarif(files: JsonFile[], tool: { version: string; informationUri?: string }): unknown {
  const level = (s: string) => (s === 'error' ? 'error' : s === 'warning' ? 'warning' : 'note');
  const rules = (['misquote', 'misattributed', 'outdated', 'unsourced'] as Code[]).map((id) => ({
    id, name: id,
    shortDescription: { text: RULE_HELP[id].short },
    fullDescription: { text: RULE_HELP[id].full },
    help: { text: RULE_HELP[id].full, markdown: `**${id}**: ${RULE_HELP[id].full}` },
    ...(tool.informationUri ? { helpUri: `${tool.informationUri}#${id}` } : {}),
    defaultConfiguration: { level: level(DEFAULT_SEVERITY[id]) },
    properties: { tags: ['quotation', 'journalism'] },
  }));
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: { driver: { name: 'source-trace', version: tool.version, semanticVersion: tool.version, ...(tool.informationUri ? { informationUri: tool.informationUri } : {}), rules } },
      results: files.flatMap((f) => f.quotes.flatMap((q) => q.diagnostics.map((d) => ({
        ruleId: d.code, level: level(d.severity), message: { text: forSarif(d.message) },
        locations: [{ physicalLocation: { artifactLocation: { uri: f.path.split('\\').join('/') }, region: { startLine: q.range.start.line + 1, startColumn: q.range.start.character + 1, endLine: q.range.end.line + 1, endColumn: q.range.end.character + 1 } } }],
        ...(q.source ? { relatedLocations: [{ physicalLocation: { artifactLocation: { uri: q.source.path.split('\\').join('/') }, region: { startLine: q.source.range.start.line + 1, startColumn: q.source.range.start.character + 1 } } }] } : {}),
      })))),
    }],
  };
}
