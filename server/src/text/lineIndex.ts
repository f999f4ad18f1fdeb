/** Converts between string offsets and LSP positions (0-based line, UTF-16 character). */
export interface Position { line: number; character: number }
export interface Range { start: Position; end: Position }

export class LineIndex {
  readonly starts: number[];
  constructor(private readonly text: string) {
    this.starts = LineIndex.startsOf(text);
  }

  /** Offsets where lines start: \r\n, \n and a lone \r each end a line, as in LSP. */
  static startsOf(text: string): number[] {
    const starts = [0];
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) starts.push(i + 1);
      else if (c === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      }
    }
    return starts;
  }

  /** The position of an offset, given the line starts (an index kept without its text uses this). */
  static positionIn(starts: ArrayLike<number>, offset: number): Position {
    let lo = 0, hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid; else hi = mid - 1;
    }
    return { line: lo, character: offset - starts[lo] };
  }

  positionAt(offset: number): Position {
    return LineIndex.positionIn(this.starts, Math.max(0, Math.min(offset, this.text.length)));
  }
  offsetAt(pos: Position): number {
    if (pos.line >= this.starts.length) return this.text.length;
    if (pos.line < 0) return 0;
    const start = this.starts[pos.line];
    const next = pos.line + 1 < this.starts.length ? this.starts[pos.line + 1] : this.text.length;
    return Math.max(start, Math.min(start + pos.character, next));
  }
  range(start: number, end: number): Range {
    return { start: this.positionAt(start), end: this.positionAt(end) };
  }
  get lineCount(): number { return this.starts.length; }
}
