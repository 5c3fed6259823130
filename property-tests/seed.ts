import fc from 'fast-check';

/**
 * The seed every property in this run uses. CI sets FC_SEED so runs are reproducible; a local
 * run draws one and prints it, so any failure can be replayed with `FC_SEED=<seed> npm test`.
 */
export const seed: number = process.env.FC_SEED ? Number(process.env.FC_SEED) : Math.floor(Math.random() * 0x7fffffff);

/** How many runs each property makes (FC_RUNS overrides; CI keeps the default). */
export const numRuns: number = process.env.FC_RUNS ? Number(process.env.FC_RUNS) : 100;

if (!Number.isSafeInteger(seed)) throw new RangeError(`FC_SEED must be an integer: current value is "${process.env.FC_SEED}"`);

fc.configureGlobal({ seed, numRuns, verbose: fc.VerbosityLevel.Verbose });

/** Title suffix that names the seed, so a failing test's name says how to replay it. */
export function withSeed(title: string): string {
  return `${title} (FC_SEED=${seed})`;
}
