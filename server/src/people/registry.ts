/**
 * One canonical person for the many ways articles name them: full name, surname, spelling
 * variants (Zelenskyy, Zelenskiy, Zelensky), diacritics, aliases from the people file.
 * fuse.js does the fuzzy part, on names only (short strings, where its Bitap is at its best).
 */
import Fuse from 'fuse.js';
import { foldWord } from '../text/normalize';
import { ownString } from '../text/ownString';
import type { PersonEntry } from '../corpus/peopleFile';
import { roleWords } from '../extract/speakers';

export interface Person {
  id: number;
  name: string;
  /** Every form seen, folded. */
  forms: Set<string>;
  roles: string[];
  /** From the people file: its name wins as canonical. */
  curated: boolean;
  /** How often each full form was seen, to pick the canonical one. */
  formCounts: Map<string, number>;
  quoteCount: number;
}

const fold = (name: string) => name.split(/\s+/).filter(Boolean).map(foldWord).join(' ');
const surnameOf = (folded: string) => folded.slice(folded.lastIndexOf(' ') + 1);
const firstOf = (folded: string) => folded.split(' ')[0];

/** A registry as flat data, for the persisted index (person references are indexes into `persons`). */
export interface RegistrySnapshot {
  persons: { name: string; forms: string[]; roles: string[]; curated: boolean; formCounts: [string, number][]; quoteCount: number }[];
  byForm: [string, number][];
  bySurname: [string, number[]][];
}

export class PeopleRegistry {
  readonly persons: Person[] = [];
  private readonly byForm = new Map<string, Person>();
  private readonly bySurname = new Map<string, Person[]>();
  /**
   * fuse.js collections of surnames by first letter and length: a variant keeps its first letter
   * and is at most two letters longer or shorter, so a lookup searches five small collections,
   * not every surname of the corpus (which made building the registry quadratic).
   */
  private readonly surnameBuckets = new Map<string, Fuse<{ surname: string }>>();
  /** Each bucket's surnames as letter-pair sets: a bucket none of whose surnames shares enough pairs is not searched. */
  private readonly bucketPairs = new Map<string, Set<string>[]>();

  constructor(entries: PersonEntry[] = []) {
    for (const e of entries) {
      const p = this.create(e.name, true);
      for (const a of e.aliases) this.addForm(p, a);
      for (const r of e.roles) if (!p.roles.includes(r)) p.roles.push(r);
    }
  }

  snapshot(): RegistrySnapshot {
    return {
      persons: this.persons.map((p) => ({ name: p.name, forms: [...p.forms], roles: p.roles, curated: p.curated, formCounts: [...p.formCounts], quoteCount: p.quoteCount })),
      byForm: [...this.byForm].map(([f, p]) => [f, p.id]),
      bySurname: [...this.bySurname].map(([s, list]) => [s, list.map((p) => p.id)]),
    };
  }

  /** The registry a snapshot describes, exactly (same persons, same lookups), without rebuilding it. */
  static restore(s: RegistrySnapshot): PeopleRegistry {
    const reg = new PeopleRegistry();
    for (const [i, p] of s.persons.entries()) reg.persons.push({ id: i, name: p.name, forms: new Set(p.forms), roles: p.roles, curated: p.curated, formCounts: new Map(p.formCounts), quoteCount: p.quoteCount });
    for (const [f, id] of s.byForm) reg.byForm.set(f, reg.persons[id]);
    // Surnames in their first-seen order, as addForm put them in the fuse.js collections.
    for (const [surname, ids] of s.bySurname) {
      reg.bySurname.set(surname, ids.map((id) => reg.persons[id]));
      reg.addSurname(surname);
    }
    return reg;
  }

  /** Records a name as seen in an article and returns its person. Add full names before lone surnames. */
  add(name: string, roles: string[] = []): Person {
    const p = this.resolve(name) ?? this.create(name, false);
    this.addForm(p, name);
    for (const r of roles) if (!p.roles.includes(r)) p.roles.push(r);
    return p;
  }

  /** The person a name refers to, or undefined when the corpus does not know them. */
  /** Whether a folded word is some known person's surname exactly (no fuzzy matching). */
  isSurname(fold: string): boolean {
    return this.bySurname.has(fold);
  }

  resolve(name: string): Person | undefined {
    // Memoised: drafts and articles ask about the same capitalised words again and again.
    const known = this.memo.get(name);
    if (known !== undefined) return known ?? undefined;
    const p = this.resolveUncached(name);
    this.memo.set(ownString(name), p ?? null); // names are cut from articles: the memo must not keep them alive
    return p;
  }

  /** null: asked before, nobody. */
  private readonly memo = new Map<string, Person | null>();

  private resolveUncached(name: string): Person | undefined {
    const f = fold(name);
    if (!f) return undefined;
    const exact = this.byForm.get(f);
    if (exact) return exact;
    const words = f.split(' ');
    const surname = surnameOf(f);
    const same = this.bySurname.get(surname) ?? [];
    if (words.length === 1) {
      if (same.length === 1) return same[0];
      if (same.length > 1) return mostQuoted(same);
    } else {
      const first = firstOf(f);
      const compatible = same.filter((p) => [...p.forms].some((x) => x.includes(' ') ? compatibleFirst(firstOf(x), first) : true));
      if (compatible.length >= 1) return mostQuoted(compatible);
    }
    return this.fuzzy(f);
  }

  /** Spelling variants of a surname (Zelenskiy ~ Zelenskyy), same first name where both have one. */
  private fuzzy(f: string): Person | undefined {
    const surname = surnameOf(f);
    if (surname.length < 5) return undefined;
    const first = f.includes(' ') ? firstOf(f) : null;
    const hits = [];
    const query = patternPairs(surname);
    for (let len = surname.length - 2; len <= surname.length + 2; len++) {
      const key = bucketOf(surname[0], len);
      if (!this.bucketPairs.get(key)?.some((pairs) => mayMatch(query, pairs))) continue;
      hits.push(...(this.surnameBuckets.get(key)?.search(surname, { limit: 5 }) ?? []));
    }
    hits.sort((a, b) => (a.score ?? 1) - (b.score ?? 1) || a.refIndex - b.refIndex);
    for (const hit of hits.slice(0, 5)) {
      if ((hit.score ?? 1) > SURNAME_SEARCH.threshold) continue;
      const candidates = (this.bySurname.get(hit.item.surname) ?? []).filter((p) => !first || [...p.forms].some((x) => !x.includes(' ') || compatibleFirst(firstOf(x), first)));
      if (candidates.length) return mostQuoted(candidates);
    }
    return undefined;
  }

  /** A person whose roles contain every word of a role phrase ("the defense secretary"), if exactly one does. */
  byRole(role: string): Person | undefined {
    const words = roleWords(role);
    if (words.length === 0) return undefined;
    const hits = this.persons.filter((p) => p.roles.some((r) => { const have = new Set(roleWords(r)); return words.every((w) => have.has(w)); }));
    return hits.length === 1 ? hits[0] : hits.length > 1 ? mostQuoted(hits) : undefined;
  }

  /** Names for quick picks and completion, with fuse.js over every form. */
  search(query: string, limit = 10): Person[] {
    const items = this.persons.flatMap((p) => [...p.forms].map((form) => ({ form, p })));
    return new Fuse(items, { keys: ['form'], threshold: 0.35 }).search(fold(query), { limit: limit * 3 })
      .map((h) => h.item.p).filter((p, i, a) => a.indexOf(p) === i).slice(0, limit);
  }

  private create(name: string, curated: boolean): Person {
    const p: Person = { id: this.persons.length, name, forms: new Set(), roles: [], curated, formCounts: new Map(), quoteCount: 0 };
    this.persons.push(p);
    this.addForm(p, name);
    return p;
  }

  private addForm(p: Person, name: string) {
    this.memo.clear();
    const f = fold(name);
    if (!f) return;
    if (f.includes(' ')) {
      p.formCounts.set(name, (p.formCounts.get(name) ?? 0) + 1);
      if (!p.curated) p.name = [...p.formCounts].sort((a, b) => b[1] - a[1] || b[0].length - a[0].length)[0][0];
    }
    if (p.forms.has(f)) return;
    p.forms.add(f);
    if (!this.byForm.has(f)) this.byForm.set(f, p);
    const s = surnameOf(f);
    const list = this.bySurname.get(s) ?? [];
    if (!list.includes(p)) {
      list.push(p);
      this.bySurname.set(s, list);
      // Fuse indexes incrementally: rebuilding it for every new name made registry builds quadratic.
      if (list.length === 1) this.addSurname(s);
    }
  }

  private addSurname(s: string) {
    const key = bucketOf(s[0], s.length);
    let bucket = this.surnameBuckets.get(key);
    if (!bucket) this.surnameBuckets.set(key, (bucket = new Fuse<{ surname: string }>([], SURNAME_SEARCH)));
    bucket.add({ surname: s });
    const pairs = this.bucketPairs.get(key);
    if (pairs) pairs.push(letterPairs(s)); else this.bucketPairs.set(key, [letterPairs(s)]);
  }
}

const bucketOf = (first: string, length: number) => `${first}${length}`;

/** How surname variants are searched (exported for the test of `mayMatch` against it). */
export const SURNAME_SEARCH = { keys: ['surname'], includeScore: true, threshold: 0.25, ignoreLocation: true, minMatchCharLength: 4 };

/** Adjacent letter pairs, in order, repeats kept. */
function pairsOf(s: string): string[] {
  const out: string[] = [];
  for (let i = 0; i + 1 < s.length; i++) out.push(s.slice(i, i + 2));
  return out;
}

export const letterPairs = (s: string): Set<string> => new Set(pairsOf(s));

/** A search pattern's letter pairs and how many of them must survive in a match. */
export function patternPairs(pattern: string, threshold = SURNAME_SEARCH.threshold): { pairs: string[]; need: number } {
  const edits = Math.floor(pattern.length * threshold + 1e-9);
  return { pairs: pairsOf(pattern), need: pattern.length - 1 - 2 * edits };
}

/**
 * Whether a pattern can match a text with these letter pairs within the search's threshold. With
 * ignoreLocation, fuse.js's Bitap accepts a match with e edits when e / length <= threshold; e
 * edits leave at least length - 1 - 2e of the pattern's letter pairs intact, each of which must
 * occur in the text (the q-gram lemma). Fewer shared pairs: no match, so no search is needed.
 */
export function mayMatch(pattern: { pairs: string[]; need: number }, textPairs: Set<string>): boolean {
  if (pattern.need <= 0) return true;
  let shared = 0;
  for (const p of pattern.pairs) if (textPairs.has(p) && ++shared >= pattern.need) return true;
  return false;
}

function compatibleFirst(a: string, b: string): boolean {
  return a === b || (a.length <= 2 && b.startsWith(a[0])) || (b.length <= 2 && a.startsWith(b[0]));
}

function mostQuoted(list: Person[]): Person {
  return list.reduce((a, b) => (b.quoteCount > a.quoteCount || (b.curated && !a.curated) ? b : a));
}
