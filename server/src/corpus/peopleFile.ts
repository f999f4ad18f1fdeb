/** The optional people file: canonical names, aliases and roles the articles alone cannot join. */
import { readFileSync } from 'node:fs';
import { parseDocument } from 'yaml';
import type { CorpusProblem } from './article';

export interface PersonEntry { name: string; aliases: string[]; roles: string[] }

export function readPeopleEntries(path: string, contents?: string): { entries: PersonEntry[]; problems: CorpusProblem[] } {
  const problems: CorpusProblem[] = [];
  let text: string;
  try { text = contents ?? readFileSync(path, 'utf8'); } catch (e) { return { entries: [], problems: [{ path, line: 0, severity: 'error', message: `cannot read: ${(e as Error).message}` }] }; }
  const doc = parseDocument(text, { prettyErrors: false });
  if (doc.errors.length) {
    const e = doc.errors[0];
    return { entries: [], problems: [{ path, line: (e.linePos?.[0].line ?? 1) - 1, severity: 'error', message: `people file: ${e.message.split('\n')[0]}` }] };
  }
  // Aliases are expanded with a limit: past it the yaml package throws, and that file is skipped alone.
  let data: unknown;
  try { data = doc.toJS({ maxAliasCount: 50 }); } catch (e) {
    return { entries: [], problems: [{ path, line: 0, severity: 'error', message: `people file: ${(e as Error).message}; skipped` }] };
  }
  const people = (data as { people?: unknown } | null)?.people;
  const list = Array.isArray(data) ? data : Array.isArray(people) ? people : null;
  if (!list) return { entries: [], problems: [{ path, line: 0, severity: 'error', message: 'people file must be a list of {name, aliases, roles}' }] };
  const entries: PersonEntry[] = [];
  list.forEach((item: unknown, i: number) => {
    const o = item as Record<string, unknown> | null;
    if (!o || typeof o.name !== 'string' || !o.name.trim()) { problems.push({ path, line: 0, severity: 'warning', message: `entry ${i + 1} has no name; skipped` }); return; }
    const strings = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : typeof v === 'string' ? [v] : []);
    entries.push({ name: o.name.trim(), aliases: strings(o.aliases), roles: strings(o.roles) });
  });
  return { entries, problems };
}
