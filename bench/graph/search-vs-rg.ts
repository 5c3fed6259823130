/**
 * Selective identifier searches through `CodeGraph.search` against ripgrep on the same
 * patterns and files: Tessera's time per query (in process, distinct patterns so no cache
 * hit), ripgrep's whole command (process start included, as a user pays it), and whether both
 * found the same lines.
 *
 * @module
 */

import type { CodeGraph } from '../../actors/index.js';
import { median } from '../stats.js';
import { runRg } from './ripgrep.js';

/** Result of the comparison. */
export interface SearchVsRg {
  /** Tessera, ms per pattern, all patterns. */
  readonly tesseraMs: number[];
  /** Tessera, ms per pattern, the patterns ripgrep ran too. */
  readonly tesseraSameMs: number[];
  /** ripgrep, ms per command; empty without ripgrep. */
  readonly rgMs: number[];
  /** Patterns both ran whose (file, line) sets are equal. */
  readonly agreeing: number;
  /** Patterns both ran. */
  readonly compared: number;
  /** Median matching lines per pattern (how selective the patterns are). */
  readonly medianMatches: number;
}

/** Options of {@link searchVsRg}. */
export interface SearchVsRgOptions {
  readonly root: string;
  readonly patterns: readonly string[];
  /** How many of the patterns ripgrep also runs (it takes ~100 ms each). */
  readonly rgPatterns: number;
  /** The ripgrep command, or null to skip it. */
  readonly rg: string | null;
  readonly maxFileBytes: number;
  /** Search limit: high enough that selective patterns are never cut. */
  readonly limit: number;
}

/**
 * Runs the comparison.
 * @param graph - the open graph
 * @param o - patterns, ripgrep and limits
 * @returns times and agreement
 */
export async function searchVsRg(graph: CodeGraph, o: SearchVsRgOptions): Promise<SearchVsRg> {
  const warm = o.patterns.slice(-5);
  const timed = o.patterns.slice(0, Math.max(1, o.patterns.length - warm.length));
  for (const p of warm) await graph.search(p, { limit: o.limit + 1 });
  const tesseraMs: number[] = [];
  const found = new Map<string, Set<string>>();
  const counts: number[] = [];
  for (const p of timed) {
    const t0 = performance.now();
    const r = await graph.search(p, { limit: o.limit });
    tesseraMs.push(performance.now() - t0);
    counts.push(r.results.length);
    found.set(p, new Set(r.results.map((row) => `${row.file}:${row.line}`)));
  }
  const rgMs: number[] = [];
  let agreeing = 0;
  const same = timed.slice(0, o.rg === null ? 0 : o.rgPatterns);
  if (o.rg !== null && same.length > 0) {
    runRg(o.rg, o.root, { pattern: same[0]!, mode: 'literal' }, o.maxFileBytes); // warm-up
    for (const p of same) {
      const r = runRg(o.rg, o.root, { pattern: p, mode: 'literal' }, o.maxFileBytes);
      rgMs.push(r.ms);
      const ours = found.get(p)!;
      if (ours.size === r.lines.size && [...ours].every((k) => r.lines.has(k))) agreeing++;
    }
  }
  return {
    tesseraMs,
    tesseraSameMs: tesseraMs.slice(0, same.length),
    rgMs,
    agreeing,
    compared: rgMs.length,
    medianMatches: median(counts),
  };
}
