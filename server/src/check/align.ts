/**
 * Aligns a draft quotation's words to a source quotation's words: the draft may quote any
 * contiguous part of the source (free source ends), elide runs of it (…), and put editorial
 * brackets in; everything else that differs is a change, an addition or a drop, which gives
 * the verdict and the word diff.
 */
import { TokenKind } from '../text/quoteTokens';

export interface AlignInput {
  ids: ArrayLike<number>;
  kinds: ArrayLike<TokenKind>;
}

export type DiffOp = 'equal' | 'replace' | 'insert' | 'delete' | 'elided';
/** One run of the word diff. Indices are token indices of draft and source. */
export interface DiffPart { op: DiffOp; draft: [number, number]; source: [number, number] }

export interface Alignment {
  /** Changed + added + dropped words. */
  errors: number;
  matched: number;
  /** The source tokens the draft covers, [from, to). */
  sourceFrom: number;
  sourceTo: number;
  diff: DiffPart[];
}

const MAX_WILDCARD = 4;
const MAX_CELLS = 6_000_000;

export function align(draft: AlignInput, source: AlignInput, window?: [number, number]): Alignment | null {
  const n = draft.ids.length;
  const lo = window ? Math.max(0, window[0]) : 0;
  const hi = window ? Math.min(source.ids.length, window[1]) : source.ids.length;
  const m = hi - lo;
  if (n === 0 || m <= 0 || (n + 1) * (m + 1) > MAX_CELLS) return null;
  const W = m + 1;
  const cost = new Int32Array((n + 1) * W);
  const back = new Uint8Array((n + 1) * W); // 1 diag, 2 up (draft extra), 3 left (source dropped), 4 elision jump, 5+k wildcard eating k
  const jumpFrom = new Int32Array((n + 1) * W);
  // Row 0: the draft may start anywhere in the source, for free.
  for (let i = 1; i <= n; i++) {
    const d = draft.ids[i - 1];
    const kind = draft.kinds[i - 1];
    const row = i * W, prev = (i - 1) * W;
    if (kind === TokenKind.Elision) {
      let best = Infinity, bestJ = 0;
      for (let j = 0; j <= m; j++) {
        if (cost[prev + j] < best) { best = cost[prev + j]; bestJ = j; }
        cost[row + j] = best; back[row + j] = 4; jumpFrom[row + j] = bestJ;
      }
      continue;
    }
    if (kind === TokenKind.Wildcard) {
      for (let j = 0; j <= m; j++) {
        let best = Infinity, bk = 0;
        for (let k = 0; k <= MAX_WILDCARD && k <= j; k++) if (cost[prev + j - k] < best) { best = cost[prev + j - k]; bk = k; }
        cost[row + j] = best; back[row + j] = 5 + bk;
      }
      continue;
    }
    cost[row] = cost[prev] + 2; back[row] = 2;
    for (let j = 1; j <= m; j++) {
      const s = source.ids[lo + j - 1];
      const optional = source.kinds[lo + j - 1] === TokenKind.Bracketed;
      // Costs are doubled so a dropped source word (1) is cheaper than a changed (2) or added (2) one:
      // "the United States will" against "the United States, along with our allies, will" reads as a drop.
      let c = cost[prev + j - 1] + (s === d ? 0 : optional ? 3 : 2), b = 1;
      const up = cost[prev + j] + 2;
      if (up < c) { c = up; b = 2; }
      const left = cost[row + j - 1] + (optional ? 0 : 1);
      if (left < c) { c = left; b = 3; }
      cost[row + j] = c; back[row + j] = b;
    }
  }
  // The draft may stop anywhere in the source, for free. Of equal costs the later end wins: a last
  // word changed ("responds to weakness" for "responds to strength") is a substitution, not an
  // added word with the source's own last word silently left out.
  let endJ = 0;
  for (let j = 1; j <= m; j++) if (cost[n * W + j] <= cost[n * W + endJ]) endJ = j;
  // Trace back into single steps, then merge runs.
  const steps: { op: DiffOp; di: number; sj: number; dn: number; sn: number }[] = [];
  let i = n, j = endJ;
  while (i > 0) {
    const b = back[i * W + j];
    if (b === 1) { const same = source.ids[lo + j - 1] === draft.ids[i - 1]; steps.push({ op: same ? 'equal' : 'replace', di: i - 1, sj: j - 1, dn: 1, sn: 1 }); i--; j--; }
    else if (b === 2) { steps.push({ op: 'insert', di: i - 1, sj: j, dn: 1, sn: 0 }); i--; }
    else if (b === 3) { if (source.kinds[lo + j - 1] !== TokenKind.Bracketed) steps.push({ op: 'delete', di: i, sj: j - 1, dn: 0, sn: 1 }); j--; }
    else if (b === 4) { const from = jumpFrom[i * W + j]; steps.push({ op: 'elided', di: i - 1, sj: from, dn: 1, sn: j - from }); i--; j = from; }
    else { const k = b - 5; steps.push({ op: 'elided', di: i - 1, sj: j - k, dn: 1, sn: k }); i--; j -= k; }
  }
  const startJ = j;
  steps.reverse();
  const diff: DiffPart[] = [];
  let errors = 0, matched = 0;
  for (const s of steps) {
    if (s.op === 'equal') matched++;
    else if (s.op !== 'elided') errors++;
    const last = diff[diff.length - 1];
    const isChange = (op: DiffOp) => op === 'replace' || op === 'insert' || op === 'delete';
    const merge = last && ((last.op === s.op && s.op !== 'elided') || (isChange(last.op) && isChange(s.op)));
    if (merge) {
      last.op = last.op === s.op ? last.op : 'replace';
      last.draft[1] = Math.max(last.draft[1], s.di + s.dn);
      last.source[1] = Math.max(last.source[1], lo + s.sj + s.sn);
      if (s.dn) last.draft[0] = Math.min(last.draft[0], s.di);
      if (s.sn) last.source[0] = Math.min(last.source[0], lo + s.sj);
    } else diff.push({ op: s.op, draft: [s.di, s.di + s.dn], source: [lo + s.sj, lo + s.sj + s.sn] });
  }
  return { errors, matched, sourceFrom: lo + startJ, sourceTo: lo + endJ, diff };
}
