/**
 * Stepwise work: a generator that yields wherever it may pause. Run to its end at once, or in
 * time slices with the event loop running between them, so a language server answers requests
 * while a long check or an index save is under way. One mechanism for both.
 */

/** Runs the steps to their end; undefined when `stop()`, asked after each step, said to stop. */
export function runSteps<T>(steps: Generator<void, T>, stop?: () => boolean): T | undefined {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
    if (stop?.()) return undefined;
  }
}

/**
 * Runs the steps in slices of `sliceMs`, letting the event loop run between slices; `stop()` is
 * asked after each pause. Undefined when stopped.
 */
export async function runStepsInSlices<T>(steps: Generator<void, T>, options: { sliceMs?: number; stop?: () => boolean } = {}): Promise<T | undefined> {
  const slice = options.sliceMs ?? 8;
  let deadline = Date.now() + slice;
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
    if (Date.now() < deadline) continue;
    await new Promise<void>((resolve) => setImmediate(resolve));
    if (options.stop?.()) return undefined;
    deadline = Date.now() + slice;
  }
}
