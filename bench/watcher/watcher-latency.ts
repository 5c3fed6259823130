import { unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { TreeWatcher, type WatcherImpl } from '../../actors/graph/watch/index.js';

/** What {@link measureLatency} reports. */
export interface LatencyFigures {
  /** Milliseconds from `writeFileSync` returning to the batch naming the file, median and 99th percentile. */
  p50_ms: number;
  p99_ms: number;
  samples: number;
}

const quantile = (sorted: number[], q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;

/**
 * Measures save-to-batch latency in this process: writes one file at a time in `dir` (inside
 * the root) and times until `onBatch` names it, with the default batching (5 ms debounce).
 * The file is deleted afterwards.
 * @param root - the watched root
 * @param dir - a directory under the root to write in, root-relative
 * @param o - implementation and number of samples (default 100)
 * @returns median and p99 in milliseconds
 */
export async function measureLatency(root: string, dir: string, o: { impl?: WatcherImpl; samples?: number } = {}): Promise<LatencyFigures> {
  const samples = o.samples ?? 100;
  const rel = `${dir}/tessera-latency-probe.ts`;
  let waiting: { since: number; resolve: (ms: number) => void } | null = null;
  const watcher = await TreeWatcher.start(root, {
    impl: o.impl ?? 'fs-watch',
    onBatch: (b) => {
      if (waiting !== null && b.upserted.includes(rel)) waiting.resolve(performance.now() - waiting.since);
    },
  });
  const times: number[] = [];
  try {
    for (let i = 0; i < samples; i++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      const seen = new Promise<number>((resolve) => (waiting = { since: 0, resolve }));
      writeFileSync(join(root, rel), `export const probe${i} = ${i};\n`);
      waiting!.since = performance.now();
      times.push(await seen);
      waiting = null;
    }
  } finally {
    await watcher.close();
    unlinkSync(join(root, rel));
  }
  times.sort((a, b) => a - b);
  const round = (ms: number): number => Math.round(ms * 100) / 100;
  return { p50_ms: round(quantile(times, 0.5)), p99_ms: round(quantile(times, 0.99)), samples };
}
