import { LatencyRecorder } from '../../runtime/index.js';

/** Counts and latency of one operation, as `stats` reports them (milliseconds; null before any sample). */
export interface OpFigures {
  readonly count: number;
  readonly errors: number;
  readonly p50Ms: number | null;
  readonly p99Ms: number | null;
}

/**
 * Per-operation request counts and latency quantiles over the latest samples (a fixed-size ring
 * per operation, so memory stays flat however long the daemon runs). Operations are query ops
 * (`def`, `search`, ...) and the other request kinds (`ping`, `stats`, `send`, ...).
 */
export class OpStats {
  readonly #ops = new Map<string, { latency: LatencyRecorder; errors: number }>();
  #total = 0;
  #errors = 0;

  /** Records one request of `op` that took `ms`; `failed` when it was answered with an error. */
  record(op: string, ms: number, failed: boolean): void {
    let entry = this.#ops.get(op);
    if (entry === undefined) {
      entry = { latency: new LatencyRecorder(1024), errors: 0 };
      this.#ops.set(op, entry);
    }
    entry.latency.record(ms);
    this.#total++;
    if (failed) {
      entry.errors++;
      this.#errors++;
    }
  }

  /** Requests answered in all, and how many of them with an error. */
  get totals(): { total: number; errors: number } {
    return { total: this.#total, errors: this.#errors };
  }

  /** Figures for every operation seen so far, by name. */
  figures(): Record<string, OpFigures> {
    const out: Record<string, OpFigures> = {};
    for (const [op, { latency, errors }] of this.#ops) {
      out[op] = { count: latency.count, errors, p50Ms: finite(latency.quantile(0.5)), p99Ms: finite(latency.quantile(0.99)) };
    }
    return out;
  }
}

function finite(value: number): number | null {
  return Number.isFinite(value) ? Math.round(value * 1000) / 1000 : null;
}
