/**
 * A worker thread that reads long drafts (Markdown parse and quotation extraction, the part of a
 * check that cannot be sliced), so a 2 MB draft does not hold the language server's thread while
 * hovers wait. It knows the corpus's people as the main thread last sent them.
 */
import { parentPort } from 'node:worker_threads';
import type { PersonEntry } from '../corpus/peopleFile';
import { PeopleRegistry } from '../people/registry';
import { scanDraft, plainScan } from './draftScan';

let knownSurname: (f: string) => boolean = () => false;

parentPort!.on('message', (m: { id: number; text: string; people?: { entries: PersonEntry[]; names: string[] } }) => {
  try {
    if (m.people) {
      const registry = new PeopleRegistry(m.people.entries);
      for (const n of m.people.names) registry.add(n);
      knownSurname = (f) => registry.resolve(f) !== undefined;
    }
    parentPort!.postMessage({ id: m.id, scan: plainScan(scanDraft(m.text, knownSurname)) });
  } catch (e) {
    parentPort!.postMessage({ id: m.id, error: (e as Error).message });
  }
});
