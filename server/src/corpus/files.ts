/** Finding corpus files from folders, files and globs, without following symlink loops. */
import { readdirSync, realpathSync, statSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';

export const ARTICLE_EXTENSIONS = ['.md', '.markdown', '.txt', '.jsonl'];
export const PEOPLE_FILES = ['people.yml', 'people.yaml', 'people.json'];

export interface FoundFiles {
  files: string[];
  people: string[];
  problems: { path: string; message: string }[];
  /** Corpus specs that could not be read at all (a glob that does not parse, a path that does not exist), each with why. */
  unread: { spec: string; message: string }[];
}

export interface FindOptions {
  /** When set, nothing outside these folders is read (untrusted workspaces), symlinks included. */
  confineTo?: string[];
}

function globToRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*' && glob[i + 1] === '*') { re += '.*'; i++; if (glob[i + 1] === '/') i++; }
    else if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else if (c === '{') {
      const end = glob.indexOf('}', i);
      // "corpus/*.{md" has no end: an error to report, never a loop from the start again.
      if (end < 0) throw new GlobError(`the glob ${glob} opens { at ${i + 1} and never closes it`);
      re += '(?:' + glob.slice(i + 1, end).split(',').map(escape).join('|') + ')'; i = end;
    }
    else re += escape(c);
  }
  return new RegExp('^' + re + '$');
}
const escape = (s: string) => s.replace(/[.+^$()|[\]\\]/g, '\\$&');
class GlobError extends Error {}

export function findCorpusFiles(specs: string[], cwd: string, options: FindOptions = {}): FoundFiles {
  const out: FoundFiles = { files: [], people: [], problems: [], unread: [] };
  const seen = new Set<string>();
  const confine = options.confineTo?.map((d) => safeReal(resolve(d)) ?? resolve(d));
  const allowed = (real: string) => !confine || confine.some((d) => real === d || real.startsWith(d + sep));
  for (const spec of specs) {
    const magic = spec.search(/[*?{]/);
    const base = resolve(cwd, magic < 0 ? spec : spec.slice(0, spec.lastIndexOf('/', magic) + 1) || '.');
    let matcher: RegExp | null = null;
    try { matcher = magic < 0 ? null : globToRegExp(resolve(cwd, spec).split(sep).join('/')); } catch (e) {
      if (!(e instanceof GlobError)) throw e;
      out.problems.push({ path: spec, message: `${e.message}; not read` });
      out.unread.push({ spec, message: e.message });
      continue;
    }
    let st;
    try { st = statSync(base); } catch { out.problems.push({ path: base, message: 'corpus path does not exist' }); out.unread.push({ spec, message: `${base} does not exist` }); continue; }
    const visitedDirs = new Set<string>();
    const visit = (p: string, isDir: boolean) => {
      const real = safeReal(p);
      if (!real) { out.problems.push({ path: p, message: 'cannot resolve path (broken symlink?)' }); return; }
      if (!allowed(real)) { out.problems.push({ path: p, message: 'outside the workspace; not read in an untrusted workspace' }); return; }
      if (isDir) {
        if (visitedDirs.has(real)) { out.problems.push({ path: p, message: 'symlink loop; folder already read' }); return; }
        visitedDirs.add(real);
        let entries;
        try { entries = readdirSync(p, { withFileTypes: true }); } catch (e) { out.problems.push({ path: p, message: `cannot read folder: ${(e as Error).message}` }); return; }
        entries.sort((a, b) => (a.name < b.name ? -1 : 1));
        for (const e of entries) {
          if (e.name.startsWith('.') || e.name === 'node_modules') continue;
          const child = join(p, e.name);
          let childIsDir = e.isDirectory();
          if (e.isSymbolicLink()) { try { childIsDir = statSync(child).isDirectory(); } catch { out.problems.push({ path: child, message: 'broken symlink' }); continue; } }
          visit(child, childIsDir);
        }
        return;
      }
      if (matcher && !matcher.test(p.split(sep).join('/'))) return;
      // Only regular files are read, as ripgrep does: a FIFO would block, a device never ends.
      let regular = false;
      try { regular = statSync(real).isFile(); } catch { /* vanished */ }
      if (!regular) { out.problems.push({ path: p, message: 'not a regular file (a device, a FIFO or a socket); skipped' }); return; }
      const lower = p.toLowerCase();
      const name = lower.slice(lower.lastIndexOf(sep) + 1);
      if (seen.has(real)) return;
      seen.add(real);
      if (PEOPLE_FILES.includes(name)) out.people.push(p);
      else if (ARTICLE_EXTENSIONS.some((x) => lower.endsWith(x)) && !/(^|\/)readme\.md$/.test(name)) out.files.push(p);
    };
    visit(base, st.isDirectory());
  }
  return out;
}

function safeReal(p: string): string | null {
  try { return realpathSync(p); } catch { return null; }
}
