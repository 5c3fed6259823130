/**
 * Naive reference models of `actors/graph/rank/` for unit and property tests. They share no
 * code with it: the import graph is a plain edge list relaxed to a fixed point, and the map's
 * graph is an expanded dense weight matrix (one cell per referencing/defining file pair, parallel
 * edges summed) iterated with dense matrix products. Rules as in `ref-graph.ts`: edges only
 * between different files; a definition no other file references gets a 0.1 × multiplier self
 * edge.
 *
 * @module
 */

import type { FileFacts, ImportEdge } from '../actors/graph/rank/index.js';

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Transitive importers by repeated relaxation over the reversed edge list, then sorted. */
export function naiveImpact(edges: readonly ImportEdge[], file: string): Array<{ file: string; depth: number; via: string }> {
  const dist = new Map<string, number>([[file, 0]]);
  for (let changed = true; changed; ) {
    changed = false;
    for (const e of edges) {
      const d = dist.get(e.to);
      if (d === undefined || e.from === e.to) continue;
      const old = dist.get(e.from);
      if (old === undefined || old > d + 1) {
        dist.set(e.from, d + 1);
        changed = true;
      }
    }
  }
  const out: Array<{ file: string; depth: number; via: string }> = [];
  for (const [f, d] of dist) {
    if (f === file) continue;
    const via = edges.filter((e) => e.from === f && e.to !== f && dist.get(e.to) === d - 1).map((e) => e.to).sort(cmp)[0]!;
    out.push({ file: f, depth: d, via });
  }
  return out.sort((a, b) => a.depth - b.depth || cmp(a.file, b.file));
}

/** aider's identifier multiplier, written out again. */
export function naiveMultiplier(name: string, mentioned: boolean, definers: number): number {
  const letters = /\p{L}/u.test(name);
  const compound = ((name.includes('_') || name.includes('-')) && letters) || (/\p{Lu}/u.test(name) && /\p{Ll}/u.test(name));
  return (mentioned ? 10 : 1) * (compound && name.length >= 8 ? 10 : 1) * (name.startsWith('_') ? 0.1 : 1) * (definers > 5 ? 0.1 : 1);
}

/** The expanded weighted multigraph as per-name dense matrices over sorted paths. */
export interface DenseGraph {
  readonly paths: string[];
  /** name → W[i][j], the weight of the edge i → j contributed by that name. */
  readonly byName: Map<string, number[][]>;
  /** Σ over names. */
  readonly total: number[][];
}

/** Expands facts into dense per-name weight matrices. */
export function denseGraph(facts: readonly FileFacts[], mentionedNames: readonly string[] = []): DenseGraph {
  const paths = facts.map((f) => f.file).sort(cmp);
  const n = paths.length;
  const at = new Map(paths.map((p, i) => [p, i]));
  const definers = new Map<string, Set<number>>();
  for (const f of facts) for (const d of f.defs) (definers.get(d.name) ?? definers.set(d.name, new Set()).get(d.name)!).add(at.get(f.file)!);
  const zero = (): number[][] => Array.from({ length: n }, () => new Array<number>(n).fill(0));
  const byName = new Map<string, number[][]>();
  const total = zero();
  const add = (name: string, i: number, j: number, w: number): void => {
    const m = byName.get(name) ?? byName.set(name, zero()).get(name)!;
    m[i]![j]! += w;
    total[i]![j]! += w;
  };
  const incoming = new Set<string>();
  for (const f of facts) {
    const counts = new Map<string, number>();
    for (const [name, c] of f.refs) counts.set(name, (counts.get(name) ?? 0) + c);
    const i = at.get(f.file)!;
    for (const [name, c] of counts) {
      const defs = definers.get(name);
      if (defs === undefined || c === 0) continue;
      const w = Math.sqrt(c) * naiveMultiplier(name, mentionedNames.includes(name), defs.size);
      for (const j of defs) {
        if (j === i) continue;
        add(name, i, j, w);
        incoming.add(`${j} ${name}`);
      }
    }
  }
  for (const [name, defs] of definers) {
    for (const j of defs) if (!incoming.has(`${j} ${name}`)) add(name, j, j, 0.1 * naiveMultiplier(name, mentionedNames.includes(name), defs.size));
  }
  return { paths, byName, total };
}

/**
 * PageRank by dense power iteration: `x ← α Pᵀ x + (α · dangling + 1 − α) p` with the rows of
 * `total` normalised, until the L1 change is below 1e-15 (or 10,000 steps).
 */
export function densePageRank(g: DenseGraph, personalisation?: readonly number[], damping = 0.85): number[] {
  const n = g.paths.length;
  const raw = personalisation ?? new Array<number>(n).fill(1);
  const sumP = raw.reduce((a, b) => a + b, 0);
  const p = raw.map((v) => v / sumP);
  const out = g.total.map((row) => row.reduce((a, b) => a + b, 0));
  let x = [...p];
  for (let it = 0; it < 10_000; it++) {
    const dangling = x.reduce((s, v, i) => (out[i] === 0 ? s + v : s), 0);
    const next = p.map((pj) => (damping * dangling + 1 - damping) * pj);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (out[i]! > 0) next[j]! += (damping * x[i]! * g.total[i]![j]!) / out[i]!;
    const delta = next.reduce((s, v, j) => s + Math.abs(v - x[j]!), 0);
    x = next;
    if (delta < 1e-15) break;
  }
  return x;
}

/** Definition ranks: `"path name" → Σ_i x[i] · W_name[i][j] / out[i]`. */
export function denseDefinitionRanks(g: DenseGraph, x: readonly number[]): Map<string, number> {
  const out = g.total.map((row) => row.reduce((a, b) => a + b, 0));
  const ranks = new Map<string, number>();
  for (const [name, m] of g.byName) {
    for (let j = 0; j < g.paths.length; j++) {
      let r = 0;
      let edge = false;
      for (let i = 0; i < g.paths.length; i++) {
        if (m[i]![j]! === 0) continue;
        edge = true;
        r += (x[i]! * m[i]![j]!) / out[i]!;
      }
      if (edge) ranks.set(`${g.paths[j]} ${name}`, r);
    }
  }
  return ranks;
}
