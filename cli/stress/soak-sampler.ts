/**
 * Samples the process's memory and open handles between stress rounds, for the soak's leak
 * check: after a warm-up, resident memory must not keep growing.
 *
 * @module
 */

import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** One sample. */
export interface SoakSample {
  readonly atMs: number;
  readonly rssBytes: number;
  readonly heapUsedBytes: number;
  /** process.getActiveResourcesInfo().length: timers, sockets, handles the loop keeps. */
  readonly handles: number;
}

/** What the soak reports. */
export interface SoakFigures {
  readonly rounds: number;
  readonly warmupRounds: number;
  readonly samples: number;
  readonly rssFirstMb: number;
  readonly rssLastMb: number;
  readonly rssMaxMb: number;
  /** Median of the last three samples minus median of the first three (noise-resistant). */
  readonly rssGrowthMb: number;
  readonly heapFirstMb: number;
  readonly heapLastMb: number;
  readonly heapGrowthMb: number;
  /** RSS after each round, warm-up included, in MB. */
  readonly rssSeriesMb: readonly number[];
  readonly handlesFirst: number;
  readonly handlesLast: number;
  readonly handlesMax: number;
  readonly maxGrowthMb: number;
  readonly leaked: boolean;
}

let gc: (() => void) | undefined;

/** A full collection, so samples show live memory rather than garbage not yet swept. */
function collect(): void {
  if (gc === undefined) {
    setFlagsFromString('--expose-gc');
    gc = runInNewContext('gc') as () => void;
  }
  gc();
}

/** Collects, lets finalizers run, and samples. */
export async function takeSample(startedAt: number): Promise<SoakSample> {
  collect();
  await new Promise((resolve) => setImmediate(resolve));
  collect();
  const m = process.memoryUsage();
  return { atMs: performance.now() - startedAt, rssBytes: m.rss, heapUsedBytes: m.heapUsed, handles: process.getActiveResourcesInfo().length };
}

const MB = 1024 * 1024;
const round1 = (bytes: number): number => Math.round((bytes / MB) * 10) / 10;

/**
 * The soak figures of the samples taken after the warm-up.
 * @param samples - every sample, one per round, in order
 * @param warmupRounds - how many leading samples are warm-up
 * @param maxGrowthMb - the bound on RSS growth after the warm-up
 */
export function soakFigures(samples: readonly SoakSample[], warmupRounds: number, maxGrowthMb: number): SoakFigures {
  const kept = samples.slice(Math.min(warmupRounds, Math.max(0, samples.length - 1)));
  const first = kept[0];
  const last = kept[kept.length - 1];
  const rss = kept.map((s) => s.rssBytes);
  const handles = kept.map((s) => s.handles);
  const growth = round1(median3(rss.slice(-3)) - median3(rss.slice(0, 3)));
  const heap = kept.map((s) => s.heapUsedBytes);
  return {
    rounds: samples.length,
    warmupRounds: samples.length - kept.length,
    samples: kept.length,
    rssFirstMb: round1(first?.rssBytes ?? 0),
    rssLastMb: round1(last?.rssBytes ?? 0),
    rssMaxMb: round1(Math.max(0, ...rss)),
    rssGrowthMb: growth,
    heapFirstMb: round1(heap[0] ?? 0),
    heapLastMb: round1(heap[heap.length - 1] ?? 0),
    heapGrowthMb: round1(median3(heap.slice(-3)) - median3(heap.slice(0, 3))),
    rssSeriesMb: samples.map((s) => round1(s.rssBytes)),
    handlesFirst: first?.handles ?? 0,
    handlesLast: last?.handles ?? 0,
    handlesMax: Math.max(0, ...handles),
    maxGrowthMb,
    leaked: growth > maxGrowthMb,
  };
}

/** The median of up to three numbers (0 for none). */
function median3(xs: readonly number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)] ?? 0;
}
