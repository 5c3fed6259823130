/**
 * Keeps the latest `size` latency samples in a typed ring and answers quantiles on demand,
 * so recording costs one store and the memory stays fixed however long the process runs.
 */
export class LatencyRecorder {
  readonly #samples: Float64Array;
  #count = 0;

  constructor(size = 4096) {
    this.#samples = new Float64Array(size);
  }

  /** Records one sample. */
  record(value: number): void {
    this.#samples[this.#count++ % this.#samples.length] = value;
  }

  /** Samples recorded in all. */
  get count(): number {
    return this.#count;
  }

  /** The q-quantile (0..1) of the retained samples, nearest-rank; NaN when empty. */
  quantile(q: number): number {
    const n = Math.min(this.#count, this.#samples.length);
    if (n === 0) return NaN;
    const sorted = this.#samples.slice(0, n).sort();
    return sorted[Math.min(n - 1, Math.max(0, Math.ceil(q * n) - 1))]!;
  }
}
