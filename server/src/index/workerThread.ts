/**
 * Starting one of the engine's worker threads: the bundle next to the running one
 * (dist/<name>.js), or, when the engine runs from its TypeScript sources (tests, through tsx), the
 * source in the caller's folder loaded through tsx's require hook. Null where neither exists.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';

export function startWorker(name: string, callerDir: string, workerData: unknown): Worker | null {
  const bundled = join(callerDir, `${name}.js`);
  if (existsSync(bundled)) return new Worker(bundled, { workerData });
  const source = join(callerDir, `${name}.ts`);
  if (existsSync(source)) return new Worker(`require('tsx/cjs'); require(${JSON.stringify(source)});`, { eval: true, workerData });
  return null;
}
