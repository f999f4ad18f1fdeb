import { join } from 'node:path';
import { TraceEngine } from '../server/src/engine';
import type { Finding } from '../server/src/check/checkDraft';

export const ROOT = join(__dirname, '..');
export const SEED_CORPUS = join(ROOT, 'corpus');
export const HARBOR_CORPUS = join(ROOT, 'test', 'fixtures', 'harbor');

const cache = new Map<string, Promise<TraceEngine>>();
export function engineFor(...specs: string[]): Promise<TraceEngine> {
  const key = specs.join('|');
  if (!cache.has(key)) cache.set(key, TraceEngine.load(specs));
  return cache.get(key)!;
}

/** The finding for the quotation whose text starts with `prefix`. */
export function findingFor(findings: Finding[], prefix: string): Finding {
  const f = findings.find((x) => x.text.startsWith(prefix));
  if (!f) throw new Error(`no quotation starting “${prefix}” among: ${findings.map((x) => x.text.slice(0, 30)).join(' | ')}`);
  return f;
}

export async function check(draft: string, ...specs: string[]): Promise<Finding[]> {
  const engine = await engineFor(...(specs.length ? specs : [SEED_CORPUS]));
  return engine.check(draft).findings;
}
