/**
 * `source-trace`: the engine on the command line, for CI and for people who live in a terminal.
 *   source-trace check [--corpus DIR_OR_GLOB]... [--index FILE | --no-cache] [--format text|json|sarif] [--color auto|always|never] [--min-quote-words N] FILE_OR_DIR...
 *   source-trace extract [--format json|text] FILE...
 *   source-trace lsp --stdio
 *   source-trace help [COMMAND] | --version
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { TraceEngine } from '../engine';
import { summaryLine, toJson, toSarif, toText, type JsonFile } from '../check/report';
import { INDEX_FILE, loadIndexAsync, saveIndex } from '../index/persist';
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
      --index FILE                   keep the corpus index in FILE (default:
                                     .source-trace/${INDEX_FILE} in the current folder, the one
                                     the editor uses): the next run reads only the corpus files
                                     that changed. A file that is not an index is never
                                     overwritten.
      --no-cache                     neither read nor write an index: index the corpus afresh
  -f, --format text|json|sarif       text (default) is path:line:col: severity code: message;
                                     json is the contract in the README; sarif is SARIF 2.1.0
                                     for code-scanning tools.
      --color auto|always|never      colour in text output (default auto: when the output is a
                                     terminal and NO_COLOR is not set)
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

/** The package's manifest, from the package.json beside the bundle (dist/) or above the sources. */
function manifest(): { version?: string; homepage?: string } {
  for (let dir = __dirname, i = 0; i < 5; i++, dir = resolve(dir, '..')) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string; homepage?: string };
      if (pkg.name === 'source-trace') return pkg;
    } catch { /* not here: look one folder up */ }
  }
  return {};
}
const version = () => manifest().version ?? 'unknown';
/** The project's public page, only if the manifest names an https one: no link is made up. */
const homepage = () => { const h = manifest().homepage; return h && /^https:\/\/[^\s]+$/.test(h) ? h : undefined; };

class UsageError extends Error {}

interface Parsed { command: string; corpus: string[]; index: string; format: string; color: string; minQuoteWords: number; files: string[]; flags: Set<string> }

function parse(argv: string[]): Parsed {
  const [command, ...rest] = argv;
  const p: Parsed = { command: command ?? '', corpus: [], index: '', format: '', color: 'auto', minQuoteWords: 4, files: [], flags: new Set() };
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    const value = () => { const v = rest[++i]; if (v === undefined) throw new UsageError(`${a} needs a value`); return v; };
    if (a === '--corpus' || a === '-c') p.corpus.push(value());
    else if (a.startsWith('--corpus=')) p.corpus.push(a.slice(9));
    else if (a === '--index') p.index = value();
    else if (a.startsWith('--index=')) p.index = a.slice(8);
    else if (a === '--format' || a === '-f') p.format = value();
    else if (a.startsWith('--format=')) p.format = a.slice(9);
    else if (a === '--color' || a === '--colour') p.color = value();
    else if (a.startsWith('--color=') || a.startsWith('--colour=')) p.color = a.slice(a.indexOf('=') + 1);
    else if (a === '--min-quote-words') { p.minQuoteWords = Number(value()); if (!Number.isInteger(p.minQuoteWords) || p.minQuoteWords < 1) throw new UsageError('--min-quote-words takes a whole number of at least 1'); }
    else if (a === '--stdio' || a === '--no-cache' || a === '--help' || a === '-h' || a === '--version' || a === '-V' || a === '--node-ipc' || a.startsWith('--socket') || a.startsWith('--pipe') || a.startsWith('--clientProcessId')) p.flags.add(a.split('=')[0]);
    else if (a.startsWith('-') && a !== '-') throw new UsageError(`unknown option ${a}`);
    else p.files.push(a);
  }
  return p;
}

/**
 * Where `check` keeps its index: `--index`, else `.source-trace/` in the current folder (what
 * the editor uses in a workspace without a storage folder), unless `--no-cache`.
 */
function indexPath(p: Parsed): string | null {
  if (p.flags.has('--no-cache')) {
    if (p.index) throw new UsageError('--index and --no-cache contradict each other');
    return null;
  }
  return p.index || join(process.cwd(), '.source-trace', INDEX_FILE);
}

/** Colour as ripgrep and the no-color.org convention decide it: asked for, or a terminal without NO_COLOR. */
function useColor(p: Parsed): boolean {
  if (!['auto', 'always', 'never'].includes(p.color)) throw new UsageError(`--color must be auto, always or never, not ${p.color}`);
  if (p.color !== 'auto') return p.color === 'always';
  return !!process.stdout.isTTY && !process.env.NO_COLOR && process.env.TERM !== 'dumb';
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
  const color = useColor(p);
  const index = indexPath(p);
  draftFiles(p.files); // a draft path that does not exist is a usage error before the corpus is read
  const specs = p.corpus.length ? p.corpus : ['corpus'];
  // A run starts from the index the last run left (files unchanged since are not read) and leaves it current.
  const warn = (message: string) => { process.stderr.write(`source-trace: ${forTerminal(message)}\n`); };
  const engine = await TraceEngine.load(specs, { onProgress: progress(), persisted: index ? await loadIndexAsync(index, undefined, warn) : null, onIndexDamaged: warn });
  if (index && engine.dirty) {
    // The default cache folder is ours to create (with a .gitignore); a folder named with --index must exist.
    try { saveIndex(index, engine.persistedForm(), { createParents: false }); } catch (e) { warn(`could not save the index to ${index}: ${(e as Error).message}${p.index ? '' : ' (--no-cache skips it)'}`); }
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
  else if (format === 'sarif') process.stdout.write(JSON.stringify(toSarif(results, { version: version(), informationUri: homepage() }), null, 2) + '\n');
  else {
    const text = toText(results, color);
    if (text) process.stdout.write(text + '\n');
    process.stderr.write(summaryLine(results, { articles: engine.corpus.articleCount, quotations: engine.corpus.quoteCount }, color && !!process.stderr.isTTY || p.color === 'always') + '\n');
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
