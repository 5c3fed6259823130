/**
 * Ranks of definition units — (name, defining file) pairs, numbered by their position in
 * `graph.definers.columns` — from the files' PageRank, as aider distributes it: each file's rank
 * is split over its out-edges in proportion to their weights, and a unit collects what flows
 * along the edges that point at it.
 *
 * A referenced name sends the same flow to each of its definers (see `page-rank.ts`), less the
 * share of a referencing file's own definition (same-file references are no edges); a unit that
 * no other file references gets only its self-edge share.
 *
 * @module
 */

import { nameFlows } from './page-rank.js';
import { UNREFERENCED_SELF_WEIGHT, type RefGraph } from './ref-graph.js';

/**
 * Computes the rank of every definition unit.
 *
 * @param graph The factored reference graph.
 * @param ranks File id → PageRank.
 * @returns Unit id → rank (units are indexes into `graph.definers.columns`).
 */
export function definitionRanks(graph: RefGraph, ranks: Float64Array): Float64Array {
  const flow = new Float64Array(graph.names.length);
  nameFlows(graph, ranks, flow);
  const { offsets, columns } = graph.definers;
  const out = new Float64Array(columns.length);
  for (let n = 0; n < graph.names.length; n++) {
    const selfWeight = UNREFERENCED_SELF_WEIGHT * graph.nameMultipliers[n]!;
    for (let k = offsets[n]!; k < offsets[n + 1]!; k++) {
      const f = columns[k]!;
      out[k] = graph.selfUnits[k] ? (ranks[f]! * selfWeight) / graph.outWeights[f]! : flow[n]!;
    }
  }
  for (let f = 0; f < ranks.length; f++) {
    if (graph.outWeights[f] === 0) continue; // dangling: it sent nothing to take back
    for (let e = graph.refs.offsets[f]!; e < graph.refs.offsets[f + 1]!; e++) {
      const k = graph.refUnits[e]!;
      if (k < 0 || graph.selfUnits[k]) continue;
      // (a + b) − b can round below zero when a is tiny; a rank is never negative.
      out[k] = Math.max(0, out[k]! - (ranks[f]! * graph.refWeights[e]!) / graph.outWeights[f]!);
    }
  }
  return out;
}

/**
 * The name id of every definition unit (the CSR row of each column position).
 *
 * @param graph The factored reference graph.
 * @returns Unit id → name id.
 */
export function unitNames(graph: RefGraph): Int32Array {
  const { offsets, columns } = graph.definers;
  const out = new Int32Array(columns.length);
  for (let n = 0; n < graph.names.length; n++) out.fill(n, offsets[n], offsets[n + 1]);
  return out;
}
