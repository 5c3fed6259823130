import type { BenchArgs } from '../bench-args.js';

/** The order a full run follows: cheap, self-contained benchmarks first, so a broken build fails fast. */
export const FULL_RUN_ORDER: readonly string[] = ['transport', 'runtime', 'graph', 'graph-agreement', 'live', 'daemon', 'scale'];

/** What `npm run bench` (or `bench -- all`) runs. */
export interface FullRunPlan {
  names: string[];
  quick: boolean;
  root: string | undefined;
  memoryBudgetMb: number | undefined;
}

/**
 * Puts names in {@link FULL_RUN_ORDER}, then any others in the order given,
 * so a benchmark added to the registry later still runs (last).
 */
export function orderBenchNames(names: readonly string[]): string[] {
  const known = FULL_RUN_ORDER.filter((n) => names.includes(n));
  return [...known, ...names.filter((n) => !FULL_RUN_ORDER.includes(n))];
}

/**
 * Plans a full run over the registered benchmarks, limited by `--only` if given.
 * @throws TypeError when `--only` names a benchmark that is not registered, or names none
 */
export function planFullRun(args: BenchArgs, registered: readonly string[]): FullRunPlan {
  const only = args.only;
  if (only !== undefined) {
    if (only.length === 0) throw new TypeError('Option --only needs at least one benchmark name: current value is empty');
    const unknown = only.filter((n) => !registered.includes(n));
    if (unknown.length > 0) {
      throw new TypeError(`Unknown benchmark "${unknown.join('", "')}" in --only: expected one of ${registered.join(', ')}`);
    }
  }
  const names = orderBenchNames(registered).filter((n) => only === undefined || only.includes(n));
  return { names, quick: args.quick, root: args.root, memoryBudgetMb: args.memoryBudgetMb };
}
