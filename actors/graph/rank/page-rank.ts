/**
 * Personalised PageRank over the factored reference graph (see `ref-graph.ts`), by power
 * iteration. One step, with damping α and personalisation p (sums to 1):
 *
 * ```
 * flow[n]  = Σ_{f refs n} x[f] · w(f, n) / out[f]          file → name   (R multiply-adds)
 * next[d]  = Σ_{n defined in d} flow[n]                     name → file   (D adds)
 *          − Σ_{n defined in d, d refs n} x[d] · w(d, n) / out[d]   same-file refs are no edges
 *          + x[d] · self[d] / out[d]                        unreferenced definitions
 * next     = α · next + (α · Σ_{out[f] = 0} x[f] + 1 − α) · p
 * ```
 *
 * Dangling files (no out-edges) give their rank back through p, as networkx does. The sum of
 * ranks stays 1. Iteration stops when the L1 change `Σ |next − x|` drops below the tolerance or
 * after `maxIterations` steps. Cost per step: O(files + references + definitions), no allocation.
 *
 * @module
 */

import type { RefGraph } from './ref-graph.js';

/** Default damping factor. */
export const DEFAULT_DAMPING = 0.85;
/** Default L1 tolerance between successive rank vectors. */
export const DEFAULT_TOLERANCE = 1e-6;
/** Default cap on the number of steps. */
export const DEFAULT_MAX_ITERATIONS = 100;

/** Options of {@link personalisedPageRank}. */
export interface PageRankOptions {
  /** Probability of following an edge rather than teleporting; in [0, 1). Default 0.85. */
  readonly damping?: number;
  /** Stop when the L1 change of a step is below this. Default 1e-6. */
  readonly tolerance?: number;
  /** Stop after this many steps even if not converged. Default 100. */
  readonly maxIterations?: number;
  /** Teleport weights per file id, non-negative with a positive sum (normalised). Default uniform. */
  readonly personalisation?: Float64Array;
}

/** Ranks per file id and how the iteration ended. */
export interface PageRankResult {
  /** File id → rank; sums to 1. */
  readonly ranks: Float64Array;
  /** Steps taken. */
  readonly iterations: number;
  /** Whether the last step's L1 change was below the tolerance. */
  readonly converged: boolean;
  /** The last step's L1 change. */
  readonly delta: number;
}

/**
 * Computes personalised PageRank of the files.
 *
 * @param graph The factored reference graph.
 * @param options Damping, tolerance, iteration cap and personalisation.
 * @returns The ranks (a fresh array) and convergence figures.
 * @throws {RangeError} When an option is out of range or the personalisation is malformed.
 */
export function personalisedPageRank(graph: RefGraph, options: PageRankOptions = {}): PageRankResult {
  const n = graph.paths.length;
  const damping = options.damping ?? DEFAULT_DAMPING;
  const tolerance = options.tolerance ?? DEFAULT_TOLERANCE;
  const maxIterations = options.maxIterations ?? DEFAULT_MAX_ITERATIONS;
  checkOptions(damping, tolerance, maxIterations);
  const p = teleportVector(n, options.personalisation);
  let x = p.slice();
  let next = new Float64Array(n);
  const flow = new Float64Array(graph.names.length);
  let delta = Number.POSITIVE_INFINITY;
  let iterations = 0;
  while (iterations < maxIterations && delta >= tolerance && n > 0) {
    delta = step(graph, x, p, damping, next, flow);
    [x, next] = [next, x];
    iterations++;
  }
  return { ranks: x, iterations, converged: delta < tolerance || n === 0, delta: n === 0 ? 0 : delta };
}

/**
 * How much rank each name passes to each of its definers, given file ranks: `flow[n]` of the
 * step formula: what each definer of the name receives, before the referencing file's own
 * share is taken out of its own definition.
 *
 * @param graph The factored reference graph.
 * @param ranks File id → rank.
 * @param flow Output, name id → flow (overwritten).
 */
export function nameFlows(graph: RefGraph, ranks: Float64Array, flow: Float64Array): void {
  const { offsets, columns } = graph.refs;
  const w = graph.refWeights;
  flow.fill(0);
  for (let f = 0; f < ranks.length; f++) {
    const out = graph.outWeights[f]!;
    if (out === 0) continue;
    const share = ranks[f]! / out;
    for (let e = offsets[f]!; e < offsets[f + 1]!; e++) flow[columns[e]!]! += share * w[e]!;
  }
}

/** One power-iteration step from `x` into `next`; returns the L1 change. */
function step(graph: RefGraph, x: Float64Array, p: Float64Array, damping: number, next: Float64Array, flow: Float64Array): number {
  nameFlows(graph, x, flow);
  let dangling = 0;
  for (let f = 0; f < x.length; f++) {
    const out = graph.outWeights[f]!;
    if (out === 0) {
      dangling += x[f]!;
      next[f] = 0;
      continue;
    }
    next[f] = (x[f]! * (graph.selfWeights[f]! - graph.ownWeights[f]!)) / out;
  }
  const { offsets, columns } = graph.definers;
  for (let n = 0; n < flow.length; n++) {
    const fl = flow[n]!;
    if (fl === 0) continue;
    for (let k = offsets[n]!; k < offsets[n + 1]!; k++) next[columns[k]!]! += fl;
  }
  const teleport = damping * dangling + 1 - damping;
  let delta = 0;
  for (let f = 0; f < x.length; f++) {
    const v = damping * next[f]! + teleport * p[f]!;
    next[f] = v;
    delta += Math.abs(v - x[f]!);
  }
  return delta;
}

/** The normalised personalisation, or the uniform vector. */
function teleportVector(n: number, weights: Float64Array | undefined): Float64Array {
  if (weights === undefined) return new Float64Array(n).fill(1 / n);
  if (weights.length !== n) throw new RangeError(`Cannot rank files: personalisation must have one weight per file (${n}): current value is ${weights.length}`);
  let sum = 0;
  for (const v of weights) {
    if (!(v >= 0 && Number.isFinite(v))) throw new RangeError(`Cannot rank files: personalisation weights must be finite and non-negative: current value is ${v}`);
    sum += v;
  }
  if (!(sum > 0) && n > 0) throw new RangeError('Cannot rank files: personalisation weights must not all be zero: current value is 0');
  return weights.map((v) => v / sum);
}

function checkOptions(damping: number, tolerance: number, maxIterations: number): void {
  if (!(damping >= 0 && damping < 1)) throw new RangeError(`Cannot rank files: damping must be in [0, 1): current value is ${damping}`);
  if (!(tolerance > 0)) throw new RangeError(`Cannot rank files: tolerance must be positive: current value is ${tolerance}`);
  if (!(Number.isSafeInteger(maxIterations) && maxIterations >= 1)) {
    throw new RangeError(`Cannot rank files: maxIterations must be a positive integer: current value is ${maxIterations}`);
  }
}
