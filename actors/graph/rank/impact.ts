/**
 * `impact FILE`: every file that depends on FILE through imports, directly or transitively,
 * found by a breadth-first search over the reverse import graph.
 *
 * Order is (depth, path). `via` is the file one step closer that the importer imports; when it
 * imports several at that depth, the first in path order. Both follow from expanding each level
 * in id order (= path order) and keeping the first discovery.
 *
 * @module
 */

import type { ImportEdge } from './graph-facts.js';
import { buildImportGraph, importGraphFileId, type ImportGraph } from './import-graph.js';

/** One dependent file. */
export interface ImpactEntry {
  /** The dependent (importing) file. */
  readonly file: string;
  /** 1 for direct importers, 2 for their importers, … */
  readonly depth: number;
  /** The file at `depth - 1` it imports (the queried file at depth 1). */
  readonly via: string;
}

/** Options of {@link impactOf}. */
export interface ImpactOptions {
  /** At most this many entries, the first ones in (depth, path) order. Default: all. */
  readonly limit?: number;
}

/**
 * Lists the transitive importers of `file`, breadth-first. Cycle-safe: each file is listed
 * once, at its shortest distance, and `file` itself never is.
 *
 * @param graph A graph from {@link buildImportGraph} (reuse it across queries), or raw edges
 *   (the graph is then built for this call alone).
 * @param file The root-relative path whose dependents are wanted.
 * @param options `limit`.
 * @returns Entries ordered by depth, then path; empty when nothing imports `file`.
 * @throws {RangeError} When `limit` is not a non-negative integer.
 * @example
 * ```ts
 * const graph = buildImportGraph([{ from: 'b.ts', to: 'a.ts' }, { from: 'c.ts', to: 'b.ts' }]);
 * impactOf(graph, 'a.ts');
 * // [{ file: 'b.ts', depth: 1, via: 'a.ts' }, { file: 'c.ts', depth: 2, via: 'b.ts' }]
 * ```
 */
export function impactOf(graph: ImportGraph | readonly ImportEdge[], file: string, options: ImpactOptions = {}): ImpactEntry[] {
  const limit = options.limit ?? Number.POSITIVE_INFINITY;
  if (!(limit === Number.POSITIVE_INFINITY || (Number.isSafeInteger(limit) && limit >= 0))) {
    throw new RangeError(`Cannot compute the impact of "${file}": limit must be a non-negative integer: current value is ${limit}`);
  }
  const g = isImportGraph(graph) ? graph : buildImportGraph(graph);
  const start = importGraphFileId(g, file);
  if (start < 0 || limit === 0) return [];
  const order = bfsLevels(g, start, limit);
  const out: ImpactEntry[] = [];
  for (let i = 1; i < order.count && out.length < limit; i++) {
    const id = order.queue[i]!;
    out.push({ file: g.paths[id]!, depth: order.depth[id]!, via: g.paths[order.via[id]!]! });
  }
  return out;
}

/** A BFS visit order (queue[0] is the start) with per-id depth and via. */
interface Levels {
  readonly queue: Int32Array;
  readonly count: number;
  readonly depth: Int32Array;
  readonly via: Int32Array;
}

/**
 * Level-synchronous BFS over importers. Each level is sorted by id before it is expanded, so
 * the visit order is (depth, path) and discovery order picks the smallest-path `via`. Stops
 * once `limit` files beyond the start are complete levels away.
 */
function bfsLevels(g: ImportGraph, start: number, limit: number): Levels {
  const { offsets, columns } = g.importers;
  const n = g.paths.length;
  const queue = new Int32Array(n);
  const depth = new Int32Array(n).fill(-1);
  const via = new Int32Array(n);
  queue[0] = start;
  depth[start] = 0;
  let levelStart = 0;
  let count = 1;
  while (levelStart < count && count - 1 < limit) {
    const levelEnd = count;
    for (let q = levelStart; q < levelEnd; q++) {
      const t = queue[q]!;
      for (let e = offsets[t]!; e < offsets[t + 1]!; e++) {
        const s = columns[e]!;
        if (depth[s] !== -1) continue;
        depth[s] = depth[t]! + 1;
        via[s] = t;
        queue[count++] = s;
      }
    }
    queue.subarray(levelEnd, count).sort();
    levelStart = levelEnd;
  }
  return { queue, count, depth, via };
}

function isImportGraph(x: ImportGraph | readonly ImportEdge[]): x is ImportGraph {
  return !Array.isArray(x);
}
