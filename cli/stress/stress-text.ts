/**
 * What `tessera stress` prints: the progress line on stderr, the report of a run, and the JSON
 * summary of `--json`.
 *
 * @module
 */

import type { TextOut } from '../commands/cli-io.js';
import type { CheckResult, StressFailure } from './check-scenario.js';
import type { StressProgress, StressSummary } from './run-stress.js';
import type { SoakFigures } from './soak-sampler.js';

/** One frame of the progress line: `stress runtime [#####-----]  50%  runs 41  seed 7`. */
export function renderStressProgress(scenario: string, p: StressProgress, width: number): string {
  const what = `${p.shrinking ? 'shrinking' : 'runs'} ${p.runs}  seed ${p.seed}`;
  if (p.totalMs === undefined) return `stress ${scenario}  ${what}`.slice(0, width);
  const ratio = Math.min(1, p.elapsedMs / p.totalMs);
  const bar = 20;
  const filled = Math.round(ratio * bar);
  return `stress ${scenario} [${'#'.repeat(filled)}${'-'.repeat(bar - filled)}]${`${Math.floor(ratio * 100)}%`.padStart(5)}  ${what}`.slice(0, width);
}

/** A progress line redrawn in place on a terminal, at most 10 times a second; silent elsewhere. */
export class StressProgressLine {
  readonly #out: TextOut;
  readonly #scenario: string;
  #last = -Infinity;
  #drawn = false;

  constructor(out: TextOut, scenario: string) {
    this.#out = out;
    this.#scenario = scenario;
  }

  /** Redraws unless the last redraw was under 100 ms ago. */
  update(p: StressProgress): void {
    const now = performance.now();
    if (this.#out.isTTY !== true || now - this.#last < 100) return;
    this.#last = now;
    this.#drawn = true;
    this.#out.write(`\r${renderStressProgress(this.#scenario, p, (this.#out.columns || 80) - 1)}\x1b[K`);
  }

  /** Erases the line. */
  clear(): void {
    if (!this.#drawn) return;
    this.#drawn = false;
    this.#out.write('\r\x1b[K');
  }
}

/** The readable report of a failure: seed, path, error, and the shrunk commands one per line. */
export function failureText(result: CheckResult, failure: StressFailure, replayFile: string | undefined): string {
  const lines = [
    `tessera stress: ${result.scenario} FAILED at run ${result.runs} (seed ${result.seed})`,
    `  error      ${failure.error.split('\n').join('\n             ')}`,
    `  fast-check { seed: ${result.seed}, path: "${failure.path}", endOnFailure: true }`,
    `  shrinks    ${failure.shrinks}${failure.shrinkCut ? ' (cut short by the shrink time limit)' : ''}`,
  ];
  if (replayFile !== undefined) lines.push(`  replay     tessera stress --replay ${replayFile}`);
  lines.push(`  shrunk to ${failure.commands.length} command${failure.commands.length === 1 ? '' : 's'}:`);
  failure.commands.forEach((c, i) => lines.push(`    ${String(i + 1).padStart(2)}. ${c}`));
  return `${lines.join('\n')}\n`;
}

/** The soak's figures, one line each. */
export function soakText(s: SoakFigures): string {
  return [
    `  soak       ${s.rounds} rounds (${s.warmupRounds} warm-up), ${s.samples} samples after warm-up`,
    `  rss        first ${s.rssFirstMb} MB, last ${s.rssLastMb} MB, max ${s.rssMaxMb} MB, growth ${s.rssGrowthMb} MB (bound ${s.maxGrowthMb} MB)${s.leaked ? ': LEAK' : ''}`,
    `  heap       first ${s.heapFirstMb} MB, last ${s.heapLastMb} MB, growth ${s.heapGrowthMb} MB`,
    `  handles    first ${s.handlesFirst}, last ${s.handlesLast}, max ${s.handlesMax}`,
  ].join('\n') + '\n';
}

/** The line of a run that passed. */
export function passText(summary: StressSummary): string {
  const seconds = (summary.durationMs / 1000).toFixed(1);
  const rounds = summary.rounds > 1 ? ` over ${summary.rounds} seeds` : '';
  return `tessera stress: ${summary.scenario} passed ${summary.runs} runs${rounds} (seed ${summary.seed}) in ${seconds} s\n`;
}

/** The `--json` object. */
export function summaryJson(summary: StressSummary, replayFile: string | undefined, workers: number): Record<string, unknown> {
  const failure = summary.failed?.failure;
  return {
    scenario: summary.scenario,
    seed: summary.seed,
    workers,
    passed: failure === undefined && summary.soak?.leaked !== true,
    rounds: summary.rounds,
    runs: summary.runs,
    durationMs: Math.round(summary.durationMs),
    ...(failure === undefined
      ? {}
      : {
          failure: {
            seed: summary.failed!.seed,
            path: failure.path,
            replayPath: failure.replayPath,
            shrinks: failure.shrinks,
            shrinkCut: failure.shrinkCut,
            commands: failure.commands,
            error: failure.error,
            replayFile,
          },
        }),
    ...(summary.soak === undefined ? {} : { soak: summary.soak }),
  };
}
