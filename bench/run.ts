/**
 * npm run bench [-- --sizes 1000,10000] [--max] [--no-lsp] [--quick]
 * Measures the engine (and the language server) on a synthetic newsroom, against a fuse.js
 * baseline in the same run, and writes bench/results.json and bench/RESULTS.md.
 * Figures only: nothing here passes or fails.
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpus, totalmem, tmpdir } from 'node:os';
import { appendFileSync, mkdirSync, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import Fuse from 'fuse.js';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { TraceEngine } from '../server/src/engine';
import { traceQuotation } from '../server/src/check/checkDraft';
import { INDEX_FILE, loadIndexAsync, saveIndex } from '../server/src/index/persist';
import { Newsroom } from './generate';

const args = process.argv.slice(2);
const opt = (name: string) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : undefined; };
const quick = args.includes('--quick');
const sizes = (opt('--sizes') ?? (quick ? '300' : '1000,10000')).split(',').map(Number).concat(args.includes('--max') ? [1_000_000] : []);
const withLsp = !args.includes('--no-lsp') && !quick;
const RUNS = quick ? 3 : 15;
const FUSE_BUDGET_MS = quick ? 3000 : 60_000;
// Runs as bench/run.ts (tsx) or bundled as dist/bench.js (what `npm run bench` measures: the
// code that ships, without tsx's per-module getters and name helpers): the root is one up.
const ROOT = join(__dirname, '..');
const outDir = opt('--out') ?? join(ROOT, 'bench');

const median = (xs: number[]) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor((s.length - 1) / 2)] ?? NaN; };
const pct = (xs: number[], p: number) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] ?? NaN; };
const time = <T>(fn: () => T): [T, number] => { const t = performance.now(); const v = fn(); return [v, performance.now() - t]; };
const mb = (n: number) => Math.round((n / 1048576) * 10) / 10;
const gc = () => (globalThis as { gc?: () => void }).gc?.();
const log = (s: string) => process.stderr.write(s + '\n');

async function benchSize(size: number) {
  const dir = mkdtempSync(join(tmpdir(), `st-bench-${size}-`));
  mkdirSync(join(dir, 'corpus'));
  const newsroom = new Newsroom(42 + size, Math.max(200, Math.min(4000, Math.round(size / 25))));
  const archive = join(dir, 'corpus', 'archive.jsonl');
  log(`[${size}] generating…`);
  const corpus = await newsroom.writeCorpus(archive, size);
  const drafts = [newsroom.draft(corpus, 1000, 20), newsroom.draft(corpus, 5000, 100)];
  gc();
  const before = process.memoryUsage();
  log(`[${size}] loading ${mb(corpus.bytes)} MB…`);
  const t0 = performance.now();
  const engine = await TraceEngine.load([archive]);
  const buildMs = performance.now() - t0;
  // Array buffers freed by a collection are released by V8's sweeper after it: a turn of the
  // event loop and a second collection, so the figure is what the engine holds, not what it dropped.
  gc();
  await new Promise((resolve) => setImmediate(resolve));
  gc();
  const mem = process.memoryUsage();
  const indexPath = join(dir, '.source-trace', INDEX_FILE);
  const [, saveMs] = time(() => saveIndex(indexPath, engine.persistedForm()));
  gc();
  const loadStart = performance.now();
  const persisted = await loadIndexAsync(indexPath);
  const loadIndexMs = performance.now() - loadStart;
  // The same file read by a process of its own, as a restarting language server reads it: in
  // this process every load also pays for collecting the bench's own heap (the generator's truth).
  const freshLoadMs = loadInFreshProcess(indexPath);
  const t1 = performance.now();
  let reloaded: TraceEngine | null = await TraceEngine.load([archive], { persisted });
  const restartMs = loadIndexMs + performance.now() - t1;
  if (reloaded.corpus.quoteCount !== engine.corpus.quoteCount || reloaded.loadStats.filesRead !== 0) throw new Error('restart from the persisted index lost quotations or re-read files');
  // A restarted process holds one corpus: the next restart is timed without this one alive.
  reloaded = null;
  gc();
  // One article appended to the archive: the archive is re-read, only the new article is indexed.
  appendFileSync(archive, JSON.stringify({ title: 'Appended', date: '2026-01-01', text: `“${newsroom.words(20)},” said ${newsroom.people[0].first} ${newsroom.people[0].last}.` }) + '\n');
  let restartAppendedMs: number;
  {
    const t2 = performance.now();
    const appended = await TraceEngine.load([archive], { persisted: await loadIndexAsync(indexPath) });
    restartAppendedMs = performance.now() - t2;
    if (appended.loadStats.articlesRead !== 1) throw new Error(`after appending one article, ${appended.loadStats.articlesRead} were indexed`);
  }
  gc();

  const draftFigures = drafts.map((d) => {
    const [cold, coldMs] = time(() => engine.check(d.text, { maxQuotes: 100000 }));
    const warm: number[] = [];
    for (let i = 0; i < RUNS; i++) warm.push(time(() => engine.check(d.text, { maxQuotes: 100000 }))[1]);
    let correct = 0, sourced = 0, sourceFound = 0, flagged = 0, flaggedRight = 0, problems = 0, problemsCaught = 0;
    const byKind: Record<string, [number, number]> = {};
    // Findings in draft order: a quotation the draft uses twice (once exact, once misattributed)
    // is matched to its own occurrence, not the first.
    let next = 0;
    d.truth.forEach((t, i) => {
      const same = (x: { text: string }) => x.text.replace(/[.,]$/, '') === t.text.replace(/[.,]$/, '');
      const at = cold.findings.findIndex((x, j) => j >= next && same(x));
      if (at >= 0) next = at + 1;
      const f = at >= 0 ? cold.findings[at] : cold.findings.find(same) ?? cold.findings[i];
      const verdict = f?.verdict ?? 'none';
      const ok = verdict === t.verdict;
      if (ok) correct++;
      byKind[t.kind] = [(byKind[t.kind]?.[0] ?? 0) + (ok ? 1 : 0), (byKind[t.kind]?.[1] ?? 0) + 1];
      if (t.source) { sourced++; if (f?.source?.quote.text.replace(/[.,]$/, '') === t.source) sourceFound++; }
      if (verdict !== 'verified') { flagged++; if (ok) flaggedRight++; }
      if (t.verdict !== 'verified') { problems++; if (ok) problemsCaught++; }
    });
    return {
      words: d.text.split(/\s+/).length, quotations: d.truth.length, coldMs: coldMs, warmMedianMs: median(warm), warmP95Ms: pct(warm, 95),
      verdictAccuracy: correct / d.truth.length, precision: flagged ? flaggedRight / flagged : 1, recall: problems ? problemsCaught / problems : 1,
      sourceRecall: sourceFound / sourced, byKind,
    };
  });

  // Single quotation lookups: every kind from the small draft, repeated.
  const lookups: number[] = [];
  const sample = drafts[0].truth.map((t) => t.text);
  for (let i = 0; i < (quick ? 50 : 400); i++) lookups.push(time(() => traceQuotation(engine.corpus, sample[i % sample.length]))[1]);

  // The fuse.js baseline: every corpus quotation in one Fuse collection, the obvious design.
  log(`[${size}] fuse.js baseline…`);
  const texts = engine.corpus.quotes.filter(Boolean).map((q) => q!.text);
  const [fuse, fuseBuildMs] = time(() => new Fuse(size > 100_000 ? [] : texts, { includeScore: true, threshold: 0.4, ignoreLocation: true }));
  const fuseTimes: number[] = [];
  let fuseFound = 0, fuseSourced = 0;
  const fuseStart = performance.now();
  for (const t of drafts[0].truth) {
    // Past 100,000 articles one fuse.js query alone takes over half an hour: not run there.
    if (performance.now() - fuseStart > FUSE_BUDGET_MS || size > 100_000) break;
    const [hits, ms] = time(() => fuse.search(t.text, { limit: 1 }));
    fuseTimes.push(ms);
    if (t.source) { fuseSourced++; if (hits[0] && hits[0].item.replace(/[.,]$/, '') === t.source) fuseFound++; }
  }
  const oursSmall = drafts[0].truth.filter((t) => t.source);
  const fuseMedian = median(fuseTimes);
  const lookupMedian = median(lookups);
  const result = {
    articles: size, corpusMB: mb(corpus.bytes), quotations: engine.corpus.quoteCount, people: engine.corpus.people.persons.length,
    build: { ms: Math.round(buildMs), articlesPerSec: Math.round(size / (buildMs / 1000)), MBPerSec: Math.round((mb(corpus.bytes) / (buildMs / 1000)) * 10) / 10 },
    // The bench process also holds the generator's truth: the engine's own share is what the
    // load added to the heap and to typed-array memory (the LSP figures give a server's RSS).
    memory: { rssMB: mb(mem.rss), heapMB: mb(mem.heapUsed), engineMB: mb(mem.heapUsed - before.heapUsed + mem.arrayBuffers - before.arrayBuffers), indexMB: mb(engine.corpus.index.bytes) },
    persisted: { saveMs: Math.round(saveMs), loadMs: Math.round(loadIndexMs), freshProcessLoadMs: Math.round(freshLoadMs), fileMB: mb(statSync(indexPath).size), restartWithIndexMs: Math.round(restartMs), restartAfterAppendMs: Math.round(restartAppendedMs) },
    drafts: draftFigures,
    lookup: { medianMs: lookupMedian, p99Ms: pct(lookups, 99) },
    fuse: { buildMs: Math.round(fuseBuildMs), queries: fuseTimes.length, of: drafts[0].truth.length, medianMs: fuseMedian, sourceRecall: fuseSourced ? fuseFound / fuseSourced : NaN, budgetMs: FUSE_BUDGET_MS },
    ratio: { lookupFuseOverOurs: fuseMedian / lookupMedian, oursSourceRecall: draftFigures[0].sourceRecall, fuseSourceRecall: fuseSourced ? fuseFound / fuseSourced : NaN, sourcedInSmallDraft: oursSmall.length },
    lsp: withLsp && size >= 1000 ? await lspFigures(dir, drafts[1].text) : null,
  };
  log(JSON.stringify(result));
  return result;
}

/** Through the language server: time to diagnostics after didOpen/didChange, hover latency idle and during a check. */
async function lspFigures(workspace: string, draft: string) {
  // A 2 MB draft in the workspace, which Find References will check.
  writeFileSync(join(workspace, 'long-read.md'), draft.repeat(Math.ceil(2e6 / draft.length)).slice(0, 2e6));
  const child = spawn(process.execPath, ['--expose-gc', join(ROOT, 'dist', 'server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const conn = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const waiting = new Map<string, (v: unknown) => void>();
  const once = (key: string) => new Promise((resolve) => waiting.set(key, resolve));
  conn.onNotification('textDocument/publishDiagnostics', (p: { uri: string; version?: number }) => waiting.get(`diag:${p.version}`)?.(p));
  conn.onNotification('sourceTrace/status', (p: { state: string }) => { if (p.state === 'ready') waiting.get('ready')?.(p); });
  conn.onRequest('window/workDoneProgress/create', () => null);
  conn.listen();
  const uri = pathToFileURL(join(workspace, 'draft.md')).toString();
  const ready = once('ready');
  const t0 = performance.now();
  await conn.sendRequest('initialize', { processId: process.pid, rootUri: pathToFileURL(workspace).toString(), workspaceFolders: [{ uri: pathToFileURL(workspace).toString(), name: 'ws' }], capabilities: {} });
  await conn.sendNotification('initialized', {});
  await ready;
  const startupMs = performance.now() - t0;
  let diag = once('diag:1');
  let t = performance.now();
  await conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: draft } });
  await diag;
  const openToDiagnosticsMs = performance.now() - t;
  const changeTimes: number[] = [], hoverIdle: number[] = [], hoverBusy: number[] = [];
  const line = draft.split('\n').findIndex((l) => l.includes('“'));
  const character = draft.split('\n')[line].indexOf('“') + 3;
  for (let v = 2; v < 2 + (quick ? 3 : 10); v++) {
    diag = once(`diag:${v}`);
    t = performance.now();
    await conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: v }, contentChanges: [{ text: draft + ' '.repeat(v) }] });
    // A hover sent while the new version is being checked.
    const th = performance.now();
    await conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line, character } });
    hoverBusy.push(performance.now() - th);
    await diag;
    changeTimes.push(performance.now() - t);
    const ti = performance.now();
    await conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line, character } });
    hoverIdle.push(performance.now() - ti);
  }
  // Find References while a 2 MB draft sits in the workspace (each draft is checked in slices):
  // hovers sent one after another meanwhile.
  // Memory before the long drafts below, so the figure is the server's with a corpus and a draft open.
  const memory = await conn.sendRequest('sourceTrace/memory') as NodeJS.MemoryUsage;
  // Hover latencies, one hover after another, until `work` settles (at most `max` hovers).
  const hoversWhile = async (work: Promise<unknown>, max: number) => {
    let done = false;
    void work.then(() => { done = true; });
    const times: number[] = [];
    while (!done && times.length < max) {
      const th = performance.now();
      await conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line, character } });
      times.push(performance.now() - th);
    }
    await work;
    return times;
  };
  const t2 = performance.now();
  const hoverDuringReferences = await hoversWhile(conn.sendRequest('textDocument/references', { textDocument: { uri }, position: { line, character }, context: { includeDeclaration: true } }), 200);
  const referencesMs = performance.now() - t2;
  // A 10 MB draft on one line: time to its diagnostics, and a hover on the other draft meanwhile.
  const hugeUri = pathToFileURL(join(workspace, 'one-line.md')).toString();
  const oneLine = draft.replace(/\n+/g, ' ');
  const huge = oneLine.repeat(Math.ceil(10e6 / oneLine.length)).slice(0, 10e6);
  const hugeDiag = new Promise((resolve) => conn.onNotification('textDocument/publishDiagnostics', (p: { uri: string }) => { if (p.uri === hugeUri) resolve(p); else waiting.get(`diag:${(p as { version?: number }).version}`)?.(p); }));
  t = performance.now();
  await conn.sendNotification('textDocument/didOpen', { textDocument: { uri: hugeUri, languageId: 'markdown', version: 1, text: huge } });
  const hoverDuringHuge = await hoversWhile(hugeDiag, 2000);
  const hugeToDiagnosticsMs = performance.now() - t;
  await conn.sendRequest('shutdown');
  child.kill();
  return { serverRssMB: mb(memory.rss), serverHeapMB: mb(memory.heapUsed), startupMs: Math.round(startupMs), openToDiagnosticsMs: Math.round(openToDiagnosticsMs), changeToDiagnosticsMedianMs: median(changeTimes), hoverIdleMedianMs: median(hoverIdle), hoverDuringCheckMedianMs: median(hoverBusy),
    referencesWith2MBDraftMs: Math.round(referencesMs), hoverDuringReferencesMedianMs: median(hoverDuringReferences), hoverDuringReferencesMaxMs: Math.max(...hoverDuringReferences), hoversDuringReferences: hoverDuringReferences.length,
    oneLine10MBToDiagnosticsMs: Math.round(hugeToDiagnosticsMs), hoverDuring10MBCheckMedianMs: median(hoverDuringHuge), hoverDuring10MBCheckMaxMs: Math.max(...hoverDuringHuge),
    note: 'didChange→diagnostics includes the 200 ms debounce' };
}

function table(results: Awaited<ReturnType<typeof benchSize>>[]): string {
  const r2 = (n: number) => (Number.isFinite(n) ? (n < 10 ? n.toFixed(2) : Math.round(n).toString()) : 'n/a');
  const rows = [
    ['articles', ...results.map((r) => r.articles.toLocaleString('en-US'))],
    ['corpus MB / quotations', ...results.map((r) => `${r.corpusMB} / ${r.quotations.toLocaleString('en-US')}`)],
    ['load + extract + index (s)', ...results.map((r) => r2(r.build.ms / 1000))],
    ['articles/s · MB/s', ...results.map((r) => `${r.build.articlesPerSec} · ${r.build.MBPerSec}`)],
    ['engine memory: heap + typed arrays MB (n-gram index MB)', ...results.map((r) => `${r.memory.engineMB} (${r.memory.indexMB})`)],
    ['bench process RSS / heap MB', ...results.map((r) => `${r.memory.rssMB} / ${r.memory.heapMB}`)],
    ['persisted index: save / load ms, load in a process of its own (file MB)', ...results.map((r) => `${r.persisted.saveMs} / ${r.persisted.loadMs}, ${r.persisted.freshProcessLoadMs} (${r.persisted.fileMB})`)],
    ['restart with persisted index: unchanged / one article appended (s)', ...results.map((r) => `${r2(r.persisted.restartWithIndexMs / 1000)} / ${r2(r.persisted.restartAfterAppendMs / 1000)}`)],
    ['1,000 words, 20 quotations: warm median / p95 ms', ...results.map((r) => `${r2(r.drafts[0].warmMedianMs)} / ${r2(r.drafts[0].warmP95Ms)}`)],
    ['5,000 words, 100 quotations: cold / warm median / p95 ms', ...results.map((r) => `${r2(r.drafts[1].coldMs)} / ${r2(r.drafts[1].warmMedianMs)} / ${r2(r.drafts[1].warmP95Ms)}`)],
    ['one quotation traced: median / p99 ms', ...results.map((r) => `${r2(r.lookup.medianMs)} / ${r2(r.lookup.p99Ms)}`)],
    ['verdict accuracy (100-quotation draft)', ...results.map((r) => `${Math.round(r.drafts[1].verdictAccuracy * 100)}%`)],
    ['flag precision / recall', ...results.map((r) => `${Math.round(r.drafts[1].precision * 100)}% / ${Math.round(r.drafts[1].recall * 100)}%`)],
    ['fuse.js: one query median ms (queries run)', ...results.map((r) => `${r2(r.fuse.medianMs)} (${r.fuse.queries}/${r.fuse.of})`)],
    ['fuse.js ÷ ours, one quotation', ...results.map((r) => `${r2(r.ratio.lookupFuseOverOurs)}×`)],
    ['source recall: ours / fuse.js', ...results.map((r) => `${Math.round(r.ratio.oursSourceRecall * 100)}% / ${Math.round(r.ratio.fuseSourceRecall * 100)}%`)],
    ['LSP server: start (from the persisted index) s · RSS / heap MB', ...results.map((r) => (r.lsp ? `${r2(r.lsp.startupMs / 1000)} · ${r.lsp.serverRssMB} / ${r.lsp.serverHeapMB}` : '–'))],
    ['LSP: didChange → diagnostics, 5,000-word draft (ms)', ...results.map((r) => (r.lsp ? r2(r.lsp.changeToDiagnosticsMedianMs) : '–'))],
    ['LSP: hover idle / during a check (ms)', ...results.map((r) => (r.lsp ? `${r2(r.lsp.hoverIdleMedianMs)} / ${r2(r.lsp.hoverDuringCheckMedianMs)}` : '–'))],
    ['LSP: Find References with a 2 MB draft in the workspace (ms) · hover meanwhile median / max ms (hovers)', ...results.map((r) => (r.lsp ? `${r.lsp.referencesWith2MBDraftMs} · ${r2(r.lsp.hoverDuringReferencesMedianMs)} / ${r2(r.lsp.hoverDuringReferencesMaxMs)} (${r.lsp.hoversDuringReferences})` : '–'))],
    ['LSP: 10 MB one-line draft → diagnostics (ms) · hover on another draft meanwhile median / max ms', ...results.map((r) => (r.lsp ? `${r.lsp.oneLine10MBToDiagnosticsMs} · ${r2(r.lsp.hoverDuring10MBCheckMedianMs)} / ${r2(r.lsp.hoverDuring10MBCheckMaxMs)}` : '–'))],
  ];
  const head = `| | ${results.map((r) => `${r.articles.toLocaleString('en-US')} articles`).join(' | ')} |\n|---|${results.map(() => '---').join('|')}|`;
  return `${head}\n${rows.slice(1).map((r) => `| ${r.join(' | ')} |`).join('\n')}`;
}

/** Milliseconds to load the persisted index in a new process running this script with --load-index. */
function loadInFreshProcess(path: string): number {
  const r = spawnSync(process.execPath, [...process.execArgv, process.argv[1], '--load-index', path], { encoding: 'utf8' });
  const ms = Number(/^loaded (\d+(?:\.\d+)?) ms$/m.exec(r.stdout ?? '')?.[1]);
  if (!Number.isFinite(ms)) throw new Error(`loading the index in a process of its own failed: ${r.stderr}`);
  return ms;
}

async function main() {
  const loadOnly = opt('--load-index');
  if (loadOnly) {
    const t = performance.now();
    if (!(await loadIndexAsync(loadOnly))) throw new Error(`no index at ${loadOnly}`);
    process.stdout.write(`loaded ${(performance.now() - t).toFixed(1)} ms\n`);
    return;
  }
  const results = [];
  for (const size of sizes) results.push(await benchSize(size));
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
  writeFileSync(join(outDir, 'results.json'), JSON.stringify({ machine, date: new Date().toISOString(), results }, null, 2) + '\n');
  const md = `# Benchmark results\n\nMachine: ${machine}. Generated by \`npm run bench\` (seeded synthetic corpus, one run; figures, not pass/fail).\n\n${table(results)}\n`;
  writeFileSync(join(outDir, 'RESULTS.md'), md);
  process.stdout.write(md);
}

void main();
