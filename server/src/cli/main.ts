/**
 * `source-trace`: the engine on the command line, for CI and for people who live in a terminal.
 *   source-trace check [--corpus DIR_OR_GLOB]... [--index FILE] [--format text|json|sarif] [--min-quote-words N] FILE_OR_DIR...
 *   source-trace extract [--format json|text] FILE...
 *   source-trace lsp --stdio
 *   source-trace help [COMMAND] | --version
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { TraceEngine } from '../engine';
import { toJson, toSarif, toText, type JsonFile } from '../check/report';
import { loadIndexAsync, saveIndex } from '../index/persist';
import { forTerminal } from '../text/sanitize';

const USAGE = `usage:
  source-trace check [options] FILE_OR_DIR...   check drafts against the corpus
  source-trace extract [--format json|text] FILE...   list an article's quotations and speakers
  source-trace lsp --stdio                      the language server, as editors start it
  source-trace help [COMMAND]                   this help, or one command's options
  source-trace --version`;

const HELP: Record<string, string> = {
  check: `usage: source-trace check [options] FILE_OR_DIR...

Checks every quotation in the Markdown drafts against the corpus and reports what it finds:
misquoted, misattributed, outdated, unsourced. Folders are walked for .md and .markdown files;
the corpus's own articles, hidden folders and node_modules are not checked as drafts.

options:
  -c, --corpus DIR_OR_GLOB_OR_FILE   the corpus to check against (repeatable; default: ./corpus).
                                     A folder, a glob, a .jsonl file or a single article file.
      --index FILE                   keep the corpus index in FILE: the next run reads only the
                                     corpus files that changed. A file that is not an index is
                                     never overwritten.
  -f, --format text|json|sarif       text (default) is path:line:col: severity code: message;
                                     json is the contract in the README; sarif is SARIF 2.1.0
                                     for code-scanning tools.
      --min-quote-words N            quotations shorter than N words are not checked (default 4)
  -h, --help                         this help

exit status: 0 no findings, 1 findings, 2 a usage error, an unreadable corpus or draft.`,
  extract: `usage: source-trace extract [--format json|text] FILE...

Prints the quotations found in article files (Markdown, text or .jsonl), with offsets, the
speaker found and the words that name them.

options:
  -f, --format json|text   json (default) or one line per quotation
  -h, --help               this help`,
  lsp: `usage: source-trace lsp --stdio

Runs the language server over standard input and output, as VS Code, Neovim, Helix and Emacs
start it. Settings come from the editor (see the README's Settings).`,
};

/** The package's version, from the package.json beside the bundle (dist/) or above the sources. */
function version(): string {
  for (let dir = __dirname, i = 0; i < 5; i++, dir = resolve(dir, '..')) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'source-trace' && pkg.version) return pkg.version;
    } catch { /* not here: look one folder up */ }
  }
  return 'unknown';
}

class UsageError extends Error {}

interface Parsed { command: string; corpus: string[]; index: string; format: string; minQuoteWords: number; files: string[]; flags: Set<string> }

function parse(argv: string[]): Parsed {
  const [command, ...rest] = argv;
  const p: Parsed = { command: command ?? '', corpus: [], index: '', format: '', minQuoteWords: 4, files: [], flags: new Set() };
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    const value = () => { const v = rest[++i]; if (v === undefined) throw new UsageError(`${a} needs a value`); return v; };
    if (a === '--corpus' || a === '-c') p.corpus.push(value());
    else if (a.startsWith('--corpus=')) p.corpus.push(a.slice(9));
    else if (a === '--index') p.index = value();
    else if (a.startsWith('--index=')) p.index = a.slice(8);
    else if (a === '--format' || a === '-f') p.format = value();
    else if (a.startsWith('--format=')) p.format = a.slice(9);
    else if (a === '--min-quote-words') { p.minQuoteWords = Number(value()); if (!Number.isInteger(p.minQuoteWords) || p.minQuoteWords < 1) throw new UsageError('--min-quote-words takes a whole number of at least 1'); }
    else if (a === '--stdio' || a === '--help' || a === '-h' || a === '--version' || a === '-V' || a === '--node-ipc' || a.startsWith('--socket') || a.startsWith('--pipe') || a.startsWith('--clientProcessId')) p.flags.add(a.split('=')[0]);
    else if (a.startsWith('-') && a !== '-') throw new UsageError(`unknown option ${a}`);
    else p.files.push(a);
  }
  return p;
}

export function readmeUrl(): string {
  return pathToFileURL(resolve(__dirname, '..', 'README.md')).toString();
}

/**
 * The drafts the arguments name. A file named is checked; a folder is walked for Markdown files,
 * leaving out the corpus's own articles (`check .` from a newsroom's repository checks drafts,
 * not the archive), as the editor's Check All Drafts does.
 */
function draftFiles(args: string[], isCorpusFile: (path: string) => boolean = () => false): string[] {
  const out: string[] = [];
  const walk = (p: string, named: boolean) => {
    let st;
    try { st = statSync(p); } catch { throw new UsageError(`no such file or folder: ${p}`); }
    if (st.isDirectory()) {
      for (const e of readdirSync(p).sort()) if (!e.startsWith('.') && e !== 'node_modules') {
        const child = join(p, e);
        if (statSync(child).isDirectory() || /\.(md|markdown)$/i.test(e)) walk(child, false);
      }
    } else if (named || !isCorpusFile(resolve(p))) out.push(p);
  };
  for (const a of args) walk(a, true);
  return out;
}

/** `path:line: severity: message`; a folder, a glob or a missing path has no line to show. */
function problemLine(prob: { path: string; line: number; severity: string; message: string }): string {
  let isFile = false;
  try { isFile = statSync(prob.path).isFile(); } catch { /* a glob or a path that is gone */ }
  return `${forTerminal(prob.path)}${isFile ? `:${prob.line + 1}` : ''}: ${prob.severity}: ${forTerminal(prob.message)}\n`;
}

function progress(): ((done: number, total: number, articles: number) => void) | undefined {
  if (!process.stderr.isTTY) return undefined;
  let last = 0;
  return (done, total, articles) => {
    const now = Date.now();
    if (now - last < 100 && done < total) return;
    last = now;
    process.stderr.write(`\rreading corpus: ${done}/${total} files, ${articles} articles${done === total ? '\n' : ''}`);
  };
}

async function check(p: Parsed): Promise<number> {
  const format = p.format || 'text';
  if (!['text', 'json', 'sarif'].includes(format)) throw new UsageError(`--format must be text, json or sarif, not ${format}`);
  if (p.files.length === 0) throw new UsageError('check needs at least one draft file or folder');
  draftFiles(p.files); // a draft path that does not exist is a usage error before the corpus is read
  const specs = p.corpus.length ? p.corpus : ['corpus'];
  // With --index, a run starts from the index the last run left (files unchanged since are not read) and leaves it current.
  const warn = (message: string) => { process.stderr.write(`source-trace: ${forTerminal(message)}\n`); };
  const engine = await TraceEngine.load(specs, { onProgress: progress(), persisted: p.index ? await loadIndexAsync(p.index, undefined, warn) : null, onIndexDamaged: warn });
  if (p.index && engine.dirty) {
    try { saveIndex(p.index, engine.persistedForm()); } catch (e) { process.stderr.write(`source-trace: could not save the index to ${p.index}: ${(e as Error).message}\n`); }
  }
  for (const prob of engine.problems()) process.stderr.write(problemLine(prob));
  // A corpus missing a part would call that part's quotations unsourced: no verdicts then.
  if (engine.unreadSpecs.length) { for (const u of engine.unreadSpecs) process.stderr.write(`source-trace: the corpus ${forTerminal(u.spec)} could not be read: ${forTerminal(u.message)}\n`); return 2; }
  if (engine.corpus.articleCount === 0) { process.stderr.write(`source-trace: no articles in the corpus (${specs.join(', ')})\n`); return 2; }
  const corpusFiles = new Set(engine.corpus.articles().map((a) => resolve(a.path)));
  const files = draftFiles(p.files, (f) => corpusFiles.has(f));
  const results: JsonFile[] = [];
  let inputError = false;
  for (const f of files) {
    let text: string;
    try { text = readFileSync(f, 'utf8'); } catch (e) { process.stderr.write(`source-trace: cannot read ${f}: ${(e as Error).message}\n`); inputError = true; continue; }
    if (text.includes('\u0000')) { process.stderr.write(`source-trace: ${f} is a binary file, not a draft; skipped\n`); inputError = true; continue; }
    const report = engine.check(text, { minQuoteWords: p.minQuoteWords });
    const json = toJson(engine.corpus, f, text, report);
    if (report.capped) process.stderr.write(`source-trace: ${f}: ${report.capped} quotations beyond the limit were not checked\n`);
    results.push(json);
  }
  const findings = results.reduce((n, f) => n + f.quotes.reduce((m, q) => m + q.diagnostics.length, 0), 0);
  if (format === 'json') process.stdout.write(JSON.stringify({ files: results }, null, 2) + '\n');
  else if (format === 'sarif') process.stdout.write(JSON.stringify(toSarif(results, readmeUrl()), null, 2) + '\n');
  else {
    const text = toText(results);
    if (text) process.stdout.write(text + '\n');
    const quotes = results.reduce((n, f) => n + f.quotes.length, 0);
    process.stderr.write(`${files.length} draft(s), ${quotes} quotation(s) traced, ${findings} finding(s); corpus: ${engine.corpus.articleCount} articles, ${engine.corpus.quoteCount} quotations\n`);
  }
  return inputError ? 2 : findings > 0 ? 1 : 0;
}

async function extract(p: Parsed): Promise<number> {
  const format = p.format || 'json';
  if (!['text', 'json'].includes(format)) throw new UsageError(`--format must be json or text, not ${format}`);
  if (p.files.length === 0) throw new UsageError('extract needs at least one article file');
  for (const f of p.files) try { statSync(f); } catch { throw new UsageError(`no such file or folder: ${f}`); }
  const engine = await TraceEngine.load(p.files, {});
  for (const prob of engine.problems()) process.stderr.write(problemLine(prob));
  const articles = engine.corpus.articles().map((a) => ({
    path: a.path,
    quotes: engine.corpus.quotesOf(a.id).map((q) => ({
      text: q.text, start: q.start, end: q.end, speaker: engine.corpus.speakerName(q), speakerMention: q.speakerMention,
    })),
  }));
  if (format === 'json') process.stdout.write(JSON.stringify({ articles }, null, 2) + '\n');
  else for (const a of articles) {
    process.stdout.write(`${a.path}\n`);
    for (const q of a.quotes) process.stdout.write(`  ${q.start}-${q.end} ${q.speaker ?? '(no speaker)'}: “${q.text}”\n`);
  }
  return 0;
}

export async function main(argv: string[]): Promise<number> {
  try {
    if (argv[0] === '--version' || argv[0] === '-V' || argv[0] === 'version') { process.stdout.write(`source-trace ${version()}\n`); return 0; }
    if (argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help') {
      const topic = argv[1];
      if (topic && !HELP[topic]) throw new UsageError(`no help for ${topic}: the commands are check, extract and lsp`);
      process.stdout.write((topic ? HELP[topic] : USAGE) + '\n');
      return 0;
    }
    const p = parse(argv);
    if (!p.command) { process.stderr.write(USAGE + '\n'); return 2; }
    if (p.flags.has('--help') || p.flags.has('-h')) { process.stdout.write((HELP[p.command] ?? USAGE) + '\n'); return HELP[p.command] ? 0 : 2; }
    switch (p.command) {
      case 'check': return await check(p);
      case 'extract': return await extract(p);
      case 'lsp': {
        // The connection library reads its transport from the arguments and throws without one.
        if (!['--stdio', '--node-ipc', '--socket', '--pipe'].some((f) => p.flags.has(f))) throw new UsageError('lsp needs a transport: source-trace lsp --stdio (editors start it that way)');
        const { startServer } = await import('../lsp/server');
        startServer();
        return -1; // keeps running
      }
      default: throw new UsageError(`unknown command ${p.command}`);
    }
  } catch (e) {
    if (e instanceof UsageError) { process.stderr.write(`source-trace: ${e.message}\n${USAGE}\n`); return 2; }
    process.stderr.write(`source-trace: ${(e as Error).stack ?? e}\n`);
    return 2;
  }
}

if (require.main === module) {
  void main(process.argv.slice(2)).then((code) => { if (code >= 0) process.exitCode = code; });
}
