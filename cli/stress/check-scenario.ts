/**
 * Runs one scenario under fast-check for one seed: `fc.commands` drawn against a fresh real
 * system per run, `fc.asyncModelRun` against the model, shrinking on failure (bounded in time),
 * and a summary with what a replay needs (seed, path, the commands' replay path).
 *
 * @module
 */

import fc from 'fast-check';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AnyStressScenario, StressRun, StressSetup } from './stress-scenario.js';

/** How to check a scenario. */
export interface CheckOptions {
  readonly scenario: AnyStressScenario;
  readonly seed: number;
  readonly runs: number;
  readonly workers: number;
  /** The runtime's ask deadline (see StressSetup). */
  readonly timeoutMs: number;
  /** Most commands per run (default: the scenario's). */
  readonly maxCommands?: number;
  /** Time allowed for shrinking once a failure is found; the best case so far is kept. */
  readonly shrinkMs: number;
  /** Replay: fast-check's path to the failing case. */
  readonly path?: string;
  /** Replay: the commands' replay path (fast-check's `replayPath` metadata). */
  readonly replayPath?: string;
  /** Called when a run starts (`shrinking` once a failure was found). */
  readonly onRun?: (run: number, shrinking: boolean) => void;
}

/** What a check found. */
export interface CheckResult {
  readonly scenario: string;
  readonly seed: number;
  readonly failed: boolean;
  /** Runs made before shrinking: all of them, or up to and including the first failing one. */
  readonly runs: number;
  /** Runs executed, shrinking included. */
  readonly executed: number;
  readonly failure?: StressFailure;
}

/** A failure, shrunk: everything needed to read it and to replay it. */
export interface StressFailure {
  readonly path: string;
  readonly replayPath: string | undefined;
  readonly shrinks: number;
  /** Whether shrinking was cut short by its time budget. */
  readonly shrinkCut: boolean;
  /** The shrunk command sequence, one command per entry, as the commands print themselves. */
  readonly commands: readonly string[];
  readonly error: string;
}

/**
 * Checks a scenario for one seed.
 * @returns the summary; a failure is data here, never a throw
 */
export async function checkScenario(o: CheckOptions): Promise<CheckResult> {
  let failedAt: number | undefined;
  let executed = 0;
  const systems = new SystemQueue(o.scenario, { workers: o.workers, timeoutMs: o.timeoutMs });
  const settings = { maxCommands: o.maxCommands ?? o.scenario.maxCommands, ...(o.replayPath === undefined ? {} : { replayPath: o.replayPath }) };
  const property = fc.asyncProperty(fc.commands(o.scenario.commands(), settings), fc.scheduler(), async (cmds, scheduler) => {
    // Out of shrinking time: interrupt; fast-check keeps the smallest failure found so far.
    if (failedAt !== undefined && performance.now() - failedAt > o.shrinkMs) throw new fc.PreconditionFailure(true);
    o.onRun?.(++executed, failedAt !== undefined);
    const system = systems.take();
    try {
      const { run } = await system;
      run.useScheduler(scheduler);
      let failed = true;
      try {
        await fc.asyncModelRun(() => ({ model: run.model, real: run.real }), cmds);
        await run.finish();
        failed = false;
      } finally {
        await run.close(failed);
      }
    } catch (err) {
      failedAt ??= performance.now();
      throw err;
    } finally {
      await rmSystem(system);
    }
  });
  const replaying = o.path !== undefined;
  let details;
  try {
    details = await fc.check(property, {
      seed: o.seed,
      numRuns: replaying ? 1 : o.runs,
      ...(replaying ? { path: o.path, endOnFailure: true } : {}),
    });
  } finally {
    await systems.dispose();
  }
  const base = { scenario: o.scenario.name, seed: o.seed, executed };
  if (!details.failed || details.counterexample === null) return { ...base, failed: false, runs: details.numRuns };
  const [cmds] = details.counterexample;
  return { ...base, failed: true, runs: details.numRuns, failure: describeFailure(cmds as CommandsValue, details, failedAt !== undefined && details.interrupted) };
}

interface Started {
  readonly dir: string;
  readonly run: StressRun<object, unknown>;
}

/**
 * Real systems started one ahead: the next run's system starts (its worker threads load) while
 * the current run's commands execute.
 */
class SystemQueue {
  readonly #scenario: AnyStressScenario;
  readonly #setup: Omit<StressSetup, 'dir'>;
  #next: Promise<Started> | undefined;

  constructor(scenario: AnyStressScenario, setup: Omit<StressSetup, 'dir'>) {
    this.#scenario = scenario;
    this.#setup = setup;
  }

  /** A started system (the one prepared, if any), and prepares the next. */
  take(): Promise<Started> {
    const taken = this.#next ?? this.#start();
    this.#next = this.#start();
    // A failed start is reported by the run that takes it, never here.
    this.#next.catch(() => {});
    return taken;
  }

  /** Stops the prepared system. */
  async dispose(): Promise<void> {
    const next = this.#next;
    this.#next = undefined;
    if (next === undefined) return;
    await next.then((s) => s.run.close(false), () => {});
    await rmSystem(next);
  }

  async #start(): Promise<Started> {
    const dir = await mkdtemp(join(tmpdir(), `tessera-stress-${this.#scenario.name}-`));
    try {
      return { dir, run: (await this.#scenario.start({ ...this.#setup, dir })) as StressRun<object, unknown> };
    } catch (err) {
      await rm(dir, { recursive: true, force: true });
      throw err;
    }
  }
}

async function rmSystem(system: Promise<Started>): Promise<void> {
  const started = await system.catch(() => undefined);
  if (started !== undefined) await rm(started.dir, { recursive: true, force: true });
}

/** fast-check's commands value: iterable, and printable with its replay path. */
interface CommandsValue extends Iterable<unknown> {
  toString(): string;
}

function describeFailure(cmds: CommandsValue, details: { counterexamplePath: string | null; numShrinks: number; errorInstance: unknown }, shrinkCut: boolean): StressFailure {
  const text = cmds.toString();
  const replayPath = /\/\*replayPath="([^"]*)"\*\//.exec(text)?.[1];
  // Only commands that ran belong to the story (fast-check marks them hasRan).
  const commands = [...(cmds as Iterable<{ hasRan?: boolean; toString(): string }>)].filter((c) => c.hasRan !== false).map((c) => c.toString());
  const error = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
  return { path: details.counterexamplePath ?? '', replayPath, shrinks: details.numShrinks, shrinkCut, commands, error };
}
