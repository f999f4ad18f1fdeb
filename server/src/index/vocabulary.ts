import { ownString } from '../text/ownString';

/** Folded words interned once: the index and the aligner compare integers, not strings. */
export class Vocabulary {
  private readonly ids = new Map<string, number>();
  readonly words: string[] = [];
  id(word: string): number {
    let id = this.ids.get(word);
    if (id === undefined) { id = this.words.length; word = ownString(word); this.words.push(word); this.ids.set(word, id); }
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
}
