/**
 * Timing of the rank queries on synthetic graphs (not a test: run it directly).
 *
 * ```
 * npx tsc -p . && node --expose-gc dist/test/actors/graph/rank/rank.bench.js [files refEdges importEdges runs]
 * ```
 *
 * Prints one JSON object per measurement: p50 and min over `runs` runs after one warm-up.
 *
 * @module
 */

import { buildImportGraph, buildRefGraph, impactOf, personalisedPageRank, rankMap, renderMap } from '../../../../actors/graph/rank/index.js';
import { syntheticFacts, syntheticImports, syntheticPath } from './synthetic-graph.js';

const [files = 20_000, refEdges = 200_000, importEdges = 200_000, runs = 5] = process.argv.slice(2).map(Number);

function time<T>(label: string, fn: () => T, extra: (r: T) => object = () => ({})): T {
  let result = fn();
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    (globalThis as { gc?: () => void }).gc?.();
    const t0 = performance.now();
    result = fn();
    ms.push(performance.now() - t0);
  }
  ms.sort((a, b) => a - b);
  console.log(JSON.stringify({ label, p50_ms: +ms[Math.floor(ms.length / 2)]!.toFixed(2), min_ms: +ms[0]!.toFixed(2), runs, ...extra(result) }));
  return result;
}

const facts = syntheticFacts(files, refEdges);
const refCount = facts.reduce((n, f) => n + f.refs.length, 0);
const defCount = facts.reduce((n, f) => n + f.defs.length, 0);
console.log(JSON.stringify({ files, defs: defCount, ref_edges: refCount, import_edges: importEdges }));

const graph = time('buildRefGraph', () => buildRefGraph(facts, new Set()), (g) => ({ names: g.names.length, units: g.definers.columns.length, expanded_edges: expandedEdges(g) }));
time('personalisedPageRank', () => personalisedPageRank(graph), (r) => ({ iterations: r.iterations, converged: r.converged }));
time('rankMap tokens=1024', () => rankMap(facts), (m) => ({ tokens: m.tokens, files_in_map: m.files.length }));
time('rankMap tokens=8192 + mentioned', () => rankMap(facts, { tokens: 8192, mentioned: { files: [syntheticPath(7)], names: ['handle7Item1'] } }), (m) => ({ tokens: m.tokens, rendered_chars: renderMap(m).length }));

const edges = syntheticImports(files, importEdges);
const ig = time('buildImportGraph', () => buildImportGraph(edges), (g) => ({ files: g.paths.length }));
time('impactOf(graph, hub)', () => impactOf(ig, syntheticPath(0)), (r) => ({ results: r.length, max_depth: r.at(-1)?.depth ?? 0 }));
time('impactOf(graph, mid)', () => impactOf(ig, syntheticPath(Math.floor(files / 20))), (r) => ({ results: r.length, max_depth: r.at(-1)?.depth ?? 0 }));
time('impactOf(graph, hub, limit 100)', () => impactOf(ig, syntheticPath(0), { limit: 100 }), (r) => ({ results: r.length }));
time('impactOf(edges, hub) incl. build', () => impactOf(edges, syntheticPath(0)), (r) => ({ results: r.length }));
console.log(JSON.stringify({ rss_mb: Math.round(process.memoryUsage().rss / 2 ** 20) }));

/** How many edges the unfactored (aider) graph would have. */
function expandedEdges(g: ReturnType<typeof buildRefGraph>): number {
  let n = 0;
  for (let e = 0; e < g.refs.columns.length; e++) {
    const name = g.refs.columns[e]!;
    n += g.definers.offsets[name + 1]! - g.definers.offsets[name]!;
  }
  return n;
}
