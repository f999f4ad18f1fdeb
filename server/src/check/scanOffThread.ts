/**
 * Long drafts are read on a worker thread: the Markdown parse and the extraction run in one piece
 * (about a second for 2 MB here) and would otherwise hold the thread that answers hovers. One
 * worker, started when first needed; the people it knows are sent again only when the corpus's
 * registry has changed. Any failure falls back to reading the draft on the calling thread.
 */
import type { Worker } from 'node:worker_threads';
import type { TraceCorpus } from '../index/traceCorpus';
import { startWorker } from '../index/workerThread';
import { plainScan, scanDraft, type PlainDraftScan } from './draftScan';

/** Drafts at least this long (UTF-16 units) are read off the calling thread. */
export const OFF_THREAD_CHARS = 256 * 1024;

let worker: Worker | null | undefined;
let seq = 0;
let peopleSent: object | null = null;
const pending = new Map<number, { resolve: (s: PlainDraftScan) => void; reject: (e: Error) => void }>();

function scanner(): Worker | null {
  if (worker !== undefined) return worker;
  try {
    worker = startWorker('scanWorker', __dirname, null);
  } catch {
    worker = null;
  }
  if (!worker) return null;
  worker.unref();
  const fail = (e: Error) => {
    for (const p of pending.values()) p.reject(e);
    pending.clear();
    worker = undefined;
    peopleSent = null;
  };
  worker.on('message', (m: { id: number; scan?: PlainDraftScan; error?: string }) => {
    const p = pending.get(m.id);
    pending.delete(m.id);
    if (m.scan) p?.resolve(m.scan); else p?.reject(new Error(m.error ?? 'scan failed'));
  });
  worker.on('error', fail);
  const started = worker;
  worker.on('exit', () => { if (worker === started) fail(new Error('scan worker exited')); });
  return worker;
}

/** Stops the worker (a later long draft starts a new one). */
export async function closeScanWorker(): Promise<void> {
  const w = worker;
  worker = undefined;
  peopleSent = null;
  for (const p of pending.values()) p.reject(new Error('scan worker closed'));
  pending.clear();
  await w?.terminate();
}

/** How many drafts were read on the worker (for the tests and the status). */
export const offThreadStats = { scans: 0 };

export async function scanDraftOffThread(corpus: TraceCorpus, text: string): Promise<PlainDraftScan> {
  const known = corpus.people;
  const onThisThread = () => plainScan(scanDraft(text, (f) => known.resolve(f) !== undefined));
  const w = scanner();
  if (!w) return onThisThread();
  const id = seq++;
  const people = peopleSent === known ? undefined : { entries: corpus.peopleEntries, names: corpus.knownNames() };
  peopleSent = known;
  try {
    const scan = await new Promise<PlainDraftScan>((resolve, reject) => {
      pending.set(id, { resolve, reject });
      w.postMessage({ id, text, people });
    });
    offThreadStats.scans++;
    return scan;
  } catch {
    peopleSent = null;
    return onThisThread();
  }
}
