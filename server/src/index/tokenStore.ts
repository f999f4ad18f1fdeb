/**
 * The words of every corpus quotation in two columns (word id, kind), one run of rows per
 * quotation (offsets are not kept: the few matches a check reports re-tokenise their quotation): no array or object per quotation, which at newsroom scale (hundreds of
 * thousands of quotations) would be most of the garbage collector's work. A removed
 * quotation's rows become garbage; compact() rewrites the live ones when garbage dominates.
 */
import type { TokenKind } from '../text/quoteTokens';

export interface TokenView {
  ids: Int32Array;
  kinds: Uint8Array;
}

export class TokenStore {
  ids: Int32Array;
  kinds: Uint8Array;
  length = 0;
  garbage = 0;

  constructor(capacity = 1 << 12) {
    this.ids = new Int32Array(capacity);
    this.kinds = new Uint8Array(capacity);
  }

  /** Appends one quotation's rows; returns where they start. */
  append(ids: ArrayLike<number>, kinds: ArrayLike<TokenKind>): number {
    const at = this.length, n = ids.length;
    this.reserve(at + n);
    for (let i = 0; i < n; i++) { this.ids[at + i] = ids[i]; this.kinds[at + i] = kinds[i]; }
    this.length += n;
    return at;
  }

  view(from: number, count: number): TokenView {
    const to = from + count;
    return { ids: this.ids.subarray(from, to), kinds: this.kinds.subarray(from, to) };
  }

  release(count: number): void { this.garbage += count; }

  /** At least half the rows are garbage: compact() would pay. */
  get untidy(): boolean { return this.garbage > 0 && this.garbage >= this.length / 2; }

  get bytes(): number { return this.ids.byteLength + this.kinds.byteLength; }

  /**
   * Rewrites the live runs contiguously (when at least half the rows are garbage). `runs` lists
   * each live run's start and count; `moved` is told each run's new start.
   */
  compact(runs: Iterable<{ from: number; count: number }>, moved: (oldFrom: number, newFrom: number) => void, force = false): void {
    if (!force && !this.untidy) return;
    const next = new TokenStore(Math.max(1 << 12, this.length - this.garbage));
    for (const r of runs) {
      const at = next.append(this.ids.subarray(r.from, r.from + r.count), this.kinds.subarray(r.from, r.from + r.count));
      moved(r.from, at);
    }
    Object.assign(this, { ids: next.ids, kinds: next.kinds, length: next.length, garbage: 0 });
  }

  /** The used part of the columns (views, not copies: the persisted index writes them at once). */
  columns(): TokenView {
    return { ids: this.ids.subarray(0, this.length), kinds: this.kinds.subarray(0, this.length) };
  }

  static from(c: TokenView): TokenStore {
    const s = new TokenStore(0);
    Object.assign(s, { ids: c.ids, kinds: c.kinds, length: c.ids.length });
    return s;
  }

  private reserve(n: number) {
    if (n <= this.ids.length) return;
    let cap = Math.max(this.ids.length, 1024);
    while (cap < n) cap *= 2;
    const grow = <T extends Int32Array | Uint8Array>(a: T, make: (n: number) => T): T => { const b = make(cap); b.set(a.subarray(0, this.length)); return b; };
    this.ids = grow(this.ids, (k) => new Int32Array(k));
    this.kinds = grow(this.kinds, (k) => new Uint8Array(k));
  }
}
