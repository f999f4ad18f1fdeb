import { ownString } from '../text/ownString';
import { eachWord } from '../text/normalize';

/**
 * Folded words interned once: the index and the aligner compare integers, not strings.
 *
 * Indexing looks up every word of every quotation (tens of millions at newsroom scale), so
 * `idsInto` reads plain ASCII words straight from the text: a hash of the lower-cased characters
 * and a probe of an open-addressing table, with no string made for a word already known.
 * Anything else (accents, curly apostrophes, other scripts) goes the general way, through
 * `foldWord` and the map, so both ways give the same ids.
 */
export class Vocabulary {
  private readonly ids = new Map<string, number>();
  readonly words: string[] = [];
  /** Word id + 1 by hash of the folded word (0: empty slot); a power of two, at most half full. */
  private slots = new Int32Array(1 << 12);

  id(word: string): number {
    let id = this.ids.get(word);
    if (id === undefined) {
      id = this.words.length; word = ownString(word); this.words.push(word); this.ids.set(word, id);
      this.place(id);
    }
    return id;
  }
  /** -1 for a word the corpus never used: it can match nothing. */
  lookup(word: string): number { return this.ids.get(word) ?? -1; }
  get size(): number { return this.words.length; }
  static from(words: string[]): Vocabulary {
    const v = new Vocabulary();
    for (const w of words) v.id(w);
    return v;
  }

  /** Appends the ids of the words of text[from, to), each with `kind`: the same ids as `eachWord` + `id` would give. */
  idsInto(text: string, from: number, to: number, kind: number, ids: number[], kinds: number[]): void {
    if (!plainAscii(text, from, to)) {
      eachWord(text, from, to, (norm) => { ids.push(this.id(norm)); kinds.push(kind); });
      return;
    }
    let i = from;
    while (i < to) {
      if (!isAlnum(text.charCodeAt(i))) { i++; continue; }
      // A word: letters and digits, joined by apostrophes ("don't").
      const start = i;
      for (;;) {
        while (i < to && isAlnum(text.charCodeAt(i))) i++;
        if (i + 1 < to && text.charCodeAt(i) === 39 && isAlnum(text.charCodeAt(i + 1))) { i++; continue; }
        break;
      }
      ids.push(this.idOfAscii(text, start, i));
      kinds.push(kind);
    }
  }

  private idOfAscii(text: string, start: number, end: number): number {
    const mask = this.slots.length - 1;
    for (let s = hashAscii(text, start, end) & mask; ; s = (s + 1) & mask) {
      const at = this.slots[s];
      if (at === 0) return this.id(text.slice(start, end).toLowerCase());
      const w = this.words[at - 1];
      if (w.length === end - start && sameLowered(w, text, start)) return at - 1;
    }
  }

  private place(id: number) {
    if (2 * this.words.length > this.slots.length) {
      this.slots = new Int32Array(this.slots.length * 2);
      for (let k = 0; k < this.words.length; k++) this.insert(k);
    } else this.insert(id);
  }

  private insert(id: number) {
    const w = this.words[id];
    const mask = this.slots.length - 1;
    let s = hashAscii(w, 0, w.length) & mask;
    while (this.slots[s] !== 0) s = (s + 1) & mask;
    this.slots[s] = id + 1;
  }
}

const isAlnum = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
const lower = (c: number) => (c >= 65 && c <= 90 ? c + 32 : c);

/** FNV-1a over lower-cased UTF-16 units. */
function hashAscii(text: string, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) h = Math.imul(h ^ lower(text.charCodeAt(i)), 0x01000193);
  return h >>> 0;
}

function sameLowered(word: string, text: string, start: number): boolean {
  for (let i = 0; i < word.length; i++) if (word.charCodeAt(i) !== lower(text.charCodeAt(start + i))) return false;
  return true;
}

/**
 * Whether text[from, to) can be read as ASCII words: every character ASCII or punctuation that
 * is never part of a word (curly double quotes, dashes, ellipsis, no-break space), and the
 * character at `to` not one a word could run on into.
 */
function plainAscii(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c >= 128 && !isSeparator(c)) return false;
  }
  if (to < text.length) {
    const c = text.charCodeAt(to);
    if (isAlnum(c) || c === 39 || (c >= 128 && !isSeparator(c))) return false;
  }
  return true;
}

/** Non-ASCII characters that are neither letters, digits, marks nor word-joining apostrophes. */
const isSeparator = (c: number) => c === 0xa0 || c === 0xab || c === 0xbb || (c >= 0x2010 && c <= 0x2018) || (c >= 0x201a && c <= 0x2027) || (c >= 0x2030 && c <= 0x205e);
