/**
 * What a stress scenario is: a model, a real system, and fast-check commands that drive both.
 * The runner (`checkScenario`) starts a fresh real system per fast-check run (the next one is
 * started while the current one runs, to halve the cost of a run), runs the
 * commands against it and the model with `fc.asyncModelRun`, then calls `finish` for the
 * invariants that hold at quiescence.
 *
 * @module
 */

import fc from 'fast-check';

/** What every scenario is started with. */
export interface StressSetup {
  /** Worker threads of the runtime under test. */
  readonly workers: number;
  /** A fresh temporary directory for this run (removed after it). */
  readonly dir: string;
  /**
   * The runtime's ask deadline in ms. A command may take a few times this before the run fails
   * as hung; a lost message costs about this much to notice.
   */
  readonly timeoutMs: number;
}

/** One started real system with its model. */
export interface StressRun<M extends object, R> {
  readonly model: M;
  readonly real: R;
  /**
   * Hands the run fast-check's scheduler, which explores the order of asynchronous events
   * (drawn and shrunk with the run). Called once, before the first command.
   */
  useScheduler(scheduler: fc.Scheduler): void;
  /** Checks the invariants that hold once every command has run; throws on a violation. */
  finish(): Promise<void>;
  /**
   * Stops the real system, bounded in time: a hung system is torn down by force.
   * @throws when a run that passed does not stop in time (a healthy system stops promptly; a
   *   lost message often shows only there)
   * @param failed - the run failed: tear down by force at once (a broken system may not stop,
   *   and shrinking runs many failing cases)
   */
  close(failed: boolean): Promise<void>;
}

/** A command of a scenario. */
export type StressCommand<M extends object, R> = fc.AsyncCommand<M, R>;

/** A named stress scenario (see docs/stress.md). */
export interface StressScenario<M extends object = object, R = unknown> {
  readonly name: string;
  /** One line for `--help`. */
  readonly summary: string;
  /** Runs per seed when `--runs` is not given. */
  readonly defaultRuns: number;
  /** Most commands per run. */
  readonly maxCommands: number;
  /** The command arbitraries. */
  commands(): fc.Arbitrary<StressCommand<M, R>>[];
  /** Starts a fresh real system and an empty model. */
  start(setup: StressSetup): Promise<StressRun<M, R>>;
}

/** A scenario of any model and real type, as the registry holds them. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyStressScenario = StressScenario<any, any>;

/** A placeholder until the runner hands a run its scheduler: it schedules nothing. */
export const kNoScheduler: fc.Scheduler = fc.sample(fc.scheduler(), { seed: 0, numRuns: 1 })[0]!;
