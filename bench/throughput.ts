/**
 * Index-build throughput alone, for comparing two builds of the engine on the same corpus in one
 * sitting (figures, never pass/fail):
 *   node dist/throughput.js --generate 20000 /tmp/corpus.jsonl
 *   node dist/throughput.js --load /tmp/corpus.jsonl      (prints seconds and MB/s)
 */
import { statSync } from 'node:fs';
import { TraceEngine } from '../server/src/engine';
import { Newsroom } from './generate';

async function main() {
  const args = process.argv.slice(2);
  if (args[0] === '--generate') {
    const size = Number(args[1]);
    const newsroom = new Newsroom(42 + size, Math.max(200, Math.min(4000, Math.round(size / 25))));
    await newsroom.writeCorpus(args[2], size);
    return;
  }
  if (args[0] === '--load') {
    const mb = statSync(args[1]).size / 1e6;
    const t0 = performance.now();
    const engine = await TraceEngine.load([args[1]], process.env.EXTRACT_WORKERS ? { extractWorkers: Number(process.env.EXTRACT_WORKERS) } : {});
    const s = (performance.now() - t0) / 1000;
    console.log(JSON.stringify({ seconds: +s.toFixed(2), MBPerSec: +(mb / s).toFixed(1), quotations: engine.corpus.quoteCount, ...engine.loadStats }));
    return;
  }
  console.error('usage: throughput --generate N FILE | --load FILE');
  process.exit(2);
}
main();
