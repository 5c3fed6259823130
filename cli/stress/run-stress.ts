/**
 * A whole `tessera stress` run: one seed, or a soak that checks the scenario again and again
 * with seeds derived from the first until the time is up, sampling memory and handles between
 * rounds. Stops at the first failure.
 *
 * @module
 */

import { checkScenario, type CheckOptions, type CheckResult } from './check-scenario.js';
import { soakFigures, takeSample, type SoakFigures, type SoakSample } from './soak-sampler.js';

/** Options of a stress run: a check's, plus the soak's. */
export interface StressOptions extends Pick<CheckOptions, 'scenario' | 'seed' | 'runs' | 'workers' | 'timeoutMs' | 'maxCommands' | 'shrinkMs'> {
  /** Soak: repeat with derived seeds for this long. */
  readonly minutes?: number;
  /** Soak: how long the warm-up lasts (default: a quarter of the soak). */
  readonly warmupMs?: number;
  /** Soak: the bound on RSS growth after the warm-up. */
  readonly maxGrowthMb: number;
  /** Called as runs start. */
  readonly onProgress?: (p: StressProgress) => void;
}

/** Where a stress run is. */
export interface StressProgress {
  readonly round: number;
  readonly seed: number;
  /** Runs started so far, over all rounds. */
  readonly runs: number;
  readonly shrinking: boolean;
  readonly elapsedMs: number;
  readonly totalMs?: number;
}

/** The outcome of a stress run. */
export interface StressSummary {
  readonly scenario: string;
  readonly seed: number;
  readonly rounds: number;
  /** Runs that passed. */
  readonly runs: number;
  readonly durationMs: number;
  /** The failing check, if any. */
  readonly failed?: CheckResult;
  readonly soak?: SoakFigures;
}

/** The seed of soak round `round` (round 0 uses the seed itself). */
export function roundSeed(seed: number, round: number): number {
  if (round === 0) return seed;
  // A 32-bit mix (splitmix-like) of seed and round, kept a positive 31-bit integer.
  let x = (seed ^ Math.imul(round, 0x9e3779b1)) >>> 0;
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b) >>> 0;
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35) >>> 0;
  return (x ^ (x >>> 16)) & 0x7fffffff;
}

/** Runs the scenario once (one seed) or as a soak. */
export async function runStress(o: StressOptions): Promise<StressSummary> {
  const startedAt = performance.now();
  const totalMs = o.minutes === undefined ? undefined : o.minutes * 60_000;
  // The first quarter of a soak (at least one round) is warm-up: caches, JIT and the native
  // allocator's pools fill there (starting and stopping hundreds of worker threads raises
  // RSS for about 90 s, then it stays flat), and are not leaks.
  const warmupMs = totalMs === undefined ? 0 : (o.warmupMs ?? totalMs / 4);
  const samples: SoakSample[] = [];
  let warmupRounds = 0;
  let passed = 0;
  let started = 0;
  let round = 0;
  for (;;) {
    const seed = roundSeed(o.seed, round);
    const result = await checkScenario({
      scenario: o.scenario,
      seed,
      runs: o.runs,
      workers: o.workers,
      timeoutMs: o.timeoutMs,
      ...(o.maxCommands === undefined ? {} : { maxCommands: o.maxCommands }),
      shrinkMs: o.shrinkMs,
      onRun: (_, shrinking) => o.onProgress?.({ round, seed, runs: ++started, shrinking, elapsedMs: performance.now() - startedAt, ...(totalMs === undefined ? {} : { totalMs }) }),
    });
    round++;
    passed += result.runs;
    const soak = (): SoakFigures | undefined => (totalMs === undefined ? undefined : soakFigures(samples, warmupRounds, o.maxGrowthMb));
    const base = { scenario: o.scenario.name, seed: o.seed, rounds: round, runs: passed };
    if (result.failed) return { ...base, durationMs: performance.now() - startedAt, failed: result, ...withSoak(soak()) };
    if (totalMs === undefined) return { ...base, durationMs: performance.now() - startedAt };
    samples.push(await takeSample(startedAt));
    const elapsed = performance.now() - startedAt;
    if (elapsed < warmupMs) warmupRounds = samples.length;
    if (elapsed >= totalMs) return { ...base, durationMs: elapsed, ...withSoak(soak()) };
  }
}

function withSoak(soak: SoakFigures | undefined): { soak?: SoakFigures } {
  return soak === undefined ? {} : { soak };
}
