/**
 * Query latency through `CodeGraph`, measured around each awaited call (so the round trip to
 * the partition workers is included), and the result cache's hit rate on a replayed mix.
 *
 * @module
 */

import type { CodeGraph, QueryResult } from '../../actors/index.js';
import type { MixQuery } from './query-sample.js';

/** Latencies of one operation. */
export interface Timed {
  /** Microseconds per query, in sample order. */
  readonly us: number[];
  /** Queries that returned at least one result. */
  readonly answered: number;
}

/**
 * Runs `ask` over the inputs one at a time, after `warmup` untimed calls on other inputs.
 * @param inputs - timed inputs (distinct, so none is a cache hit)
 * @param warmup - untimed inputs, run first
 * @param ask - the query
 * @returns microseconds per timed query
 */
export async function timeQueries(inputs: readonly string[], warmup: readonly string[], ask: (input: string) => Promise<QueryResult>): Promise<Timed> {
  for (const input of warmup) await ask(input);
  const us: number[] = [];
  let answered = 0;
  for (const input of inputs) {
    const t0 = performance.now();
    const r = await ask(input);
    us.push((performance.now() - t0) * 1000);
    if (r.results.length > 0) answered++;
  }
  return { us, answered };
}

/** Hit rate of the query cache over a replayed mix. */
export interface CacheReplay {
  readonly queries: number;
  readonly hits: number;
  readonly misses: number;
  /** Hits over both passes. */
  readonly hitRate: number;
  /** Hits in the first pass only (repeats within one session). */
  readonly firstPassHitRate: number;
}

/** Runs one query of a mix (search with the bench's limit). */
function runMix(graph: CodeGraph, q: MixQuery, searchLimit: number): Promise<QueryResult> {
  switch (q.kind) {
    case 'def':
      return graph.def(q.name);
    case 'refs':
      return graph.refs(q.name);
    case 'complete':
      return graph.complete(q.prefix);
    case 'search':
      return graph.search(q.pattern, { limit: searchLimit });
  }
}

/**
 * Replays a query mix twice and reads the cache counters of `graph.stats()` around it.
 * @param graph - the open graph
 * @param mix - queries, with repeats
 * @param searchLimit - limit of the searches in the mix
 * @returns hits and misses over both passes
 */
export async function replayMix(graph: CodeGraph, mix: readonly MixQuery[], searchLimit: number): Promise<CacheReplay> {
  const before = graph.stats().cache;
  for (const q of mix) await runMix(graph, q, searchLimit);
  const middle = graph.stats().cache;
  for (const q of mix) await runMix(graph, q, searchLimit);
  const after = graph.stats().cache;
  const hits = after.hits - before.hits;
  const misses = after.misses - before.misses;
  const firstHits = middle.hits - before.hits;
  return {
    queries: mix.length * 2,
    hits,
    misses,
    hitRate: hits / Math.max(1, hits + misses),
    firstPassHitRate: firstHits / Math.max(1, firstHits + middle.misses - before.misses),
  };
}
