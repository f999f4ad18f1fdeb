/**
 * Word n-gram postings (bigrams and trigrams) from n-gram hash to quotation number.
 *
 * Columnar and typed: a compacted base (counting-sorted by hash bucket, one Int32Array of
 * quotation numbers and one of full hashes to drop bucket collisions) plus a small delta map
 * for quotations added since, and a tombstone per removed quotation. Adding or removing one
 * article touches only the delta; compact() folds it in when it grows. Nothing is kept per
 * quotation but its tombstone byte.
 */

export interface Candidate { quote: number; hits: number }

function mix(h: number): number {
  h ^= h >>> 16; h = Math.imul(h, 0x7feb352d);
  h ^= h >>> 15; h = Math.imul(h, 0x846ca68b);
  h ^= h >>> 16;
  return h | 0;
}
export function gramKey(a: number, b: number, c = -7): number {
  return mix(Math.imul(a + 1, 0x9e3779b1) ^ mix(Math.imul(b + 3, 0x85ebca77) ^ mix(Math.imul(c + 11, 0xc2b2ae3d))));
}

/** The n-gram keys of a run of word ids (ids < 0 break the run: unknown words, editorial marks). */
export function gramKeys(ids: ArrayLike<number>, out: number[] = []): number[] {
  let runStart = 0;
  for (let i = 0; i <= ids.length; i++) {
    if (i < ids.length && ids[i] >= 0) continue;
    for (let j = runStart; j + 1 < i; j++) out.push(gramKey(ids[j], ids[j + 1]));
    for (let j = runStart; j + 2 < i; j++) out.push(gramKey(ids[j], ids[j + 1], ids[j + 2]));
    runStart = i + 1;
  }
  return out;
}

/**
 * Where each hash bucket starts in keys sorted by bucket: one sequential pass. Cheaper than
 * storing them (64 MB at 100,000 articles) in the persisted index and reading them back.
 */
export function bucketOffsets(sortedKeys: Int32Array, bits: number): Int32Array<ArrayBuffer> {
  const shift = 32 - bits;
  const offsets = new Int32Array((1 << bits) + 1);
  for (let i = 0; i < sortedKeys.length; i++) offsets[(sortedKeys[i] >>> shift) + 1]++;
  for (let i = 1; i < offsets.length; i++) offsets[i] += offsets[i - 1];
  return offsets;
}

/** One stable counting-sort pass of (key, quote) pairs by the `digitBits` bits of the key from `shift` up. */
function radixPass(fromKey: Int32Array, fromQuote: Int32Array, toKey: Int32Array, toQuote: Int32Array, shift: number, digitBits: number): void {
  const radix = 1 << digitBits, mask = radix - 1;
  const at = new Int32Array(radix + 1);
  for (let i = 0; i < fromKey.length; i++) at[((fromKey[i] >>> shift) & mask) + 1]++;
  for (let i = 1; i <= radix; i++) at[i] += at[i - 1];
  for (let i = 0; i < fromKey.length; i++) {
    const k = fromKey[i], j = at[(k >>> shift) & mask]++;
    toKey[j] = k; toQuote[j] = fromQuote[i];
  }
}

/** The keys without repeats, in first-seen order (a quotation counts once per n-gram). */
function distinctKeys(keys: number[]): number[] {
  // Quotations are short: a quadratic check beats building a Set for each.
  if (keys.length > 64) return [...new Set(keys)];
  const out: number[] = [];
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i];
    let seen = false;
    for (let j = 0; j < out.length && !seen; j++) seen = out[j] === k;
    if (!seen) out.push(k);
  }
  return out;
}

export interface NgramSnapshot {
  bits: number;
  offsets: Int32Array;
  postQuote: Int32Array;
  postKey: Int32Array;
  /** The delta as (key, quotation) pairs: saving never waits for a compaction. */
  deltaKey: Int32Array;
  deltaQuote: Int32Array;
}

const better = (hits: number, quote: number, than: Candidate) => hits > than.hits || (hits === than.hits && quote < than.quote);

export class NgramIndex {
  private bits = 4;
  private offsets = new Int32Array(17);
  private postQuote = new Int32Array(0);
  private postKey = new Int32Array(0);
  private readonly delta = new Map<number, number[]>();
  private deltaPostings = 0;
  /** Bulk loading: (key, quotation) pairs waiting for the next compaction. */
  private pendingKey = new Int32Array(0);
  private pendingQuote = new Int32Array(0);
  private pending = 0;
  /** 1 for a removed quotation: its postings are skipped, then dropped at compaction. */
  private dead = new Uint8Array(1024);
  /** N-grams with more postings than this are skipped once rarer ones were counted. */
  commonPostings = 20_000;
  /** Scratch for candidates(): hits per quotation number, all zero between queries. */
  private hits = new Uint32Array(0);
  private live = 0;
  private deadPostings = 0;
  private bulk = false;
  private scratch: number[] = [];

  /**
   * Bulk loading: postings go to flat pending arrays and into the base with one counting sort
   * at endBulk(), instead of through the delta map. Queries see the base and delta only.
   */
  beginBulk(): void { this.bulk = true; }
  endBulk(): void {
    this.bulk = false;
    // A few postings (a restart that found one new article) go to the delta; compacting
    // millions of postings for them would cost a second.
    if (this.pending && this.pending < this.postQuote.length / 8) {
      for (let i = 0; i < this.pending; i++) {
        const k = this.pendingKey[i], q = this.pendingQuote[i];
        const list = this.delta.get(k);
        if (list) list.push(q); else this.delta.set(k, [q]);
      }
      this.deltaPostings += this.pending;
      this.pendingKey = new Int32Array(0); this.pendingQuote = new Int32Array(0); this.pending = 0;
    }
    if (this.pending || this.deadPostings > this.postQuote.length / 8) this.compact();
  }

  /**
   * Registers quotation number `quote` with its word ids. Numbers are never reused: a number
   * whose postings might still be in the base would inherit them.
   */
  add(quote: number, ids: ArrayLike<number>): void {
    const keys = distinctKeys(gramKeys(ids, this.scratch));
    this.scratch.length = 0;
    this.ensureDead(quote);
    this.dead[quote] = 0;
    this.live++;
    if (this.bulk) {
      if (this.pending + keys.length > this.pendingKey.length) {
        let cap = Math.max(1 << 16, this.pendingKey.length);
        while (cap < this.pending + keys.length) cap *= 2;
        const k = new Int32Array(cap); k.set(this.pendingKey.subarray(0, this.pending)); this.pendingKey = k;
        const q = new Int32Array(cap); q.set(this.pendingQuote.subarray(0, this.pending)); this.pendingQuote = q;
      }
      for (const key of keys) { this.pendingKey[this.pending] = key; this.pendingQuote[this.pending++] = quote; }
      return;
    }
    for (const k of keys) {
      const list = this.delta.get(k);
      if (list) list.push(quote); else this.delta.set(k, [quote]);
    }
    this.deltaPostings += keys.length;
    if (this.untidy) this.compact();
  }

  /** `postings` is how many n-grams the quotation had (so compaction knows when it pays). */
  remove(quote: number, postings = 0): void {
    if (quote >= this.dead.length || this.dead[quote]) return;
    this.dead[quote] = 1;
    this.live--;
    this.deadPostings += postings;
  }

  get size(): number { return this.live; }
  get postings(): number { return this.postQuote.length + this.deltaPostings + this.pending; }
  get bytes(): number { return this.postQuote.byteLength + this.postKey.byteLength + this.offsets.byteLength + this.dead.byteLength + this.deltaPostings * 16; }
  /** Worth compacting: a delta map grown large against the base, or many postings of removed quotations. */
  get untidy(): boolean { return (this.deltaPostings > 50_000 && this.deltaPostings > this.postQuote.length / 4) || this.deadPostings > this.postQuote.length / 8; }

  /**
   * Folds the delta and pending postings into the base, dropping removed quotations': postings
   * sorted by hash bucket, stably (so in base, delta, pending order within a bucket). No
   * per-quotation state needed.
   */
  compact(): void {
    const { key: srcKey, quote: srcQuote } = this.livePostings();
    const total = srcKey.length;
    this.postKey = this.postQuote = this.pendingKey = this.pendingQuote = new Int32Array(0);
    this.delta.clear(); this.deltaPostings = 0; this.deadPostings = 0; this.pending = 0;
    let bits = 4;
    while ((1 << bits) < total / 2 && bits < 26) bits++;
    // A radix sort on the bucket number in two passes of half its bits: each pass writes to a few
    // thousand places in turn, where one pass over millions of buckets missed the cache at every
    // posting (4 s of a 100,000-article build, now a fraction of it).
    const lowBits = bits >> 1, highBits = bits - lowBits;
    const lowShift = 32 - bits;
    const tmpKey = new Int32Array(total), tmpQuote = new Int32Array(total);
    radixPass(srcKey, srcQuote, tmpKey, tmpQuote, lowShift, lowBits);
    const postKey = new Int32Array(total), postQuote = new Int32Array(total);
    radixPass(tmpKey, tmpQuote, postKey, postQuote, 32 - highBits, highBits);
    const offsets = bucketOffsets(postKey, bits);
    this.bits = bits; this.offsets = offsets; this.postQuote = postQuote; this.postKey = postKey;
  }

  /** Postings of live quotations in base, delta, pending order: the pending arrays themselves after a clean bulk load. */
  private livePostings(): { key: Int32Array; quote: Int32Array } {
    const dead = this.dead;
    const { postKey: baseKey, postQuote: baseQuote, pendingKey, pendingQuote, pending } = this;
    const base = baseQuote.length;
    let total = 0;
    for (let i = 0; i < base; i++) if (!dead[baseQuote[i]]) total++;
    for (const list of this.delta.values()) for (const q of list) if (!dead[q]) total++;
    const fromBase = total;
    for (let i = 0; i < pending; i++) if (!dead[pendingQuote[i]]) total++;
    if (fromBase === 0 && total === pending) return { key: pendingKey.subarray(0, pending), quote: pendingQuote.subarray(0, pending) };
    const key = new Int32Array(total), quote = new Int32Array(total);
    let at = 0;
    for (let i = 0; i < base; i++) if (!dead[baseQuote[i]]) { key[at] = baseKey[i]; quote[at++] = baseQuote[i]; }
    for (const [k, list] of this.delta) for (const q of list) if (!dead[q]) { key[at] = k; quote[at++] = q; }
    for (let i = 0; i < pending; i++) if (!dead[pendingQuote[i]]) { key[at] = pendingKey[i]; quote[at++] = pendingQuote[i]; }
    return { key, quote };
  }

  /**
   * Quotations sharing n-grams with a draft's word ids, most shared first. N-grams are visited
   * rarest first; once a few rare ones have been counted, very common ones (function-word
   * n-grams with long posting lists) are skipped: they add time, not evidence.
   */
  candidates(ids: ArrayLike<number>, limit = 8, commonPostings = this.commonPostings, rareEnough = 4): Candidate[] {
    const shift = 32 - this.bits;
    const keys = [...new Set(gramKeys(ids))].map((k) => {
      const b = k >>> shift;
      return { k, from: this.offsets[b], to: this.offsets[b + 1] };
    }).sort((a, b) => (a.to - a.from) - (b.to - b.from));
    // Hits are counted in one typed array over all quotation numbers (reset through the list of
    // touched ones): a map per query would cost more than the counting itself.
    if (this.hits.length < this.dead.length) this.hits = new Uint32Array(this.dead.length);
    const hits = this.hits, dead = this.dead, postKey = this.postKey, postQuote = this.postQuote;
    const touched: number[] = [];
    const bump = (q: number) => { if (dead[q]) return; if (hits[q]++ === 0) touched.push(q); };
    let counted = 0;
    for (const { k, from, to } of keys) {
      if (to - from > commonPostings && counted >= rareEnough) continue;
      for (let i = from; i < to; i++) if (postKey[i] === k) bump(postQuote[i]);
      const d = this.delta.get(k);
      if (d) for (const q of d) bump(q);
      counted++;
    }
    // The best `limit` by hits (ties: lower number first), kept sorted while scanning once.
    const best: Candidate[] = [];
    for (const quote of touched) {
      const h = hits[quote];
      hits[quote] = 0;
      if (best.length === limit && !better(h, quote, best[limit - 1])) continue;
      let at = best.length;
      while (at > 0 && better(h, quote, best[at - 1])) at--;
      best.splice(at, 0, { quote, hits: h });
      if (best.length > limit) best.pop();
    }
    return best;
  }

  private ensureDead(q: number) {
    if (q < this.dead.length) return;
    let n = this.dead.length;
    while (n <= q) n *= 2;
    const d = new Uint8Array(n);
    d.set(this.dead);
    this.dead = d;
  }

  /** For persistence: the base arrays and the delta (removed quotations' postings stay, their tombstones come from the caller). */
  snapshot(): NgramSnapshot {
    if (this.pending) this.compact();
    const deltaKey = new Int32Array(this.deltaPostings), deltaQuote = new Int32Array(this.deltaPostings);
    let i = 0;
    for (const [key, list] of this.delta) for (const q of list) { deltaKey[i] = key; deltaQuote[i++] = q; }
    return { bits: this.bits, offsets: this.offsets, postQuote: this.postQuote, postKey: this.postKey, deltaKey, deltaQuote };
  }

  /** An index from persisted arrays; `isLive(q)` says which quotation numbers exist. */
  static restore(s: NgramSnapshot, quoteSlots: number, isLive: (q: number) => boolean): NgramIndex {
    const index = new NgramIndex();
    Object.assign(index, { bits: s.bits, offsets: s.offsets, postQuote: s.postQuote, postKey: s.postKey });
    index.ensureDead(Math.max(0, quoteSlots - 1));
    index.dead.fill(1);
    for (let q = 0; q < quoteSlots; q++) if (isLive(q)) { index.dead[q] = 0; index.live++; }
    for (let i = 0; i < s.deltaKey.length; i++) {
      const list = index.delta.get(s.deltaKey[i]);
      if (list) list.push(s.deltaQuote[i]); else index.delta.set(s.deltaKey[i], [s.deltaQuote[i]]);
    }
    index.deltaPostings = s.deltaKey.length;
    return index;
  }
}
