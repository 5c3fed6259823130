/**
 * Memory of an open graph once it has settled. Right after `open` the partition workers'
 * reported memory still holds the garbage of indexing (measured: 867 MB, then 179 MB a second
 * later, then ~168 MB for the default corpus), and the supervisor refreshes the figure only in
 * its maintenance rounds; so the bench runs a round with a full collection on every thread each
 * second until two readings agree within 2 %.
 *
 * @module
 */

import type { CodeGraph } from '../../actors/index.js';
import { collectGarbage } from './bench-gc.js';

/** Settled memory figures. */
export interface SettledMemory {
  /** Partition workers' memory (committed heap + external) plus the main thread's routing data, bytes. */
  readonly indexBytes: number;
  /** Process RSS, bytes (main thread, workers, parse pool if still alive). */
  readonly rss: number;
  /** Seconds waited. */
  readonly waitedS: number;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Waits (up to `maxS`) for the graph's memory figure to settle, then reads it and the RSS.
 * @param graph - the open graph
 * @param maxS - longest wait in seconds
 * @returns the figures
 */
export async function settledMemory(graph: CodeGraph, maxS = 15): Promise<SettledMemory> {
  const t0 = performance.now();
  // The partition workers' heaps (committed + ArrayBuffers) as they last reported them, not the
  // budget's figure: the graph budgets the whole process (RSS), which is not the index's size.
  const read = (): number => graph.supervisor.stats().workers.reduce((n, w) => n + w.heapUsedBytes, 0) + graph.stats().memory.filterBytes;
  let previous = read();
  for (;;) {
    await sleep(1000);
    await collectGarbage();
    // A fresh round with a full collection on every thread: the supervisor refreshes its
    // figures only while there is traffic, and they would still hold indexing garbage.
    await graph.supervisor.maintain({ collect: true });
    const now = read();
    const waitedS = (performance.now() - t0) / 1000;
    if (Math.abs(now - previous) <= 0.02 * previous || waitedS >= maxS) return { indexBytes: now, rss: process.memoryUsage().rss, waitedS };
    previous = now;
  }
}
