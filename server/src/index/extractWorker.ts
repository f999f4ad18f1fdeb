/**
 * A worker thread that extracts quotations from article texts (the costly part of indexing),
 * so a large corpus is extracted on every core while the main thread reads and indexes.
 * It knows the same people as the main thread did when the load began.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { LoadedArticle } from '../corpus/article';
import type { PersonEntry } from '../corpus/peopleFile';
import { PeopleRegistry } from '../people/registry';
import { extractArticle } from './traceCorpus';

const { people, names } = workerData as { people: PersonEntry[]; names: string[] };
const registry = new PeopleRegistry(people);
for (const n of names) registry.add(n);
const knownSurname = (f: string) => registry.resolve(f) !== undefined;

parentPort!.on('message', (m: { id: number; text: string; bodyStart: number }) => {
  try {
    parentPort!.postMessage({ id: m.id, extract: extractArticle({ text: m.text, bodyStart: m.bodyStart } as LoadedArticle, knownSurname) });
  } catch (e) {
    parentPort!.postMessage({ id: m.id, error: (e as Error).message });
  }
});
