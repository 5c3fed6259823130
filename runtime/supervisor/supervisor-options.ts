import { availableParallelism, totalmem } from 'node:os';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ResourceLimits } from 'node:worker_threads';
import { systemClock, type Clock } from '../clock.js';
import { defaultRestartPolicy, type RestartPolicy } from './restart-policy.js';
import { defaultSpinMs } from './spin-policy.js';

const kDefaultYoungGenerationMb = 8;

/** How to run a supervisor. Only `kinds` and `snapshotDir` are required. */
export interface SupervisorOptions {
  /** Actor kinds: name → module path or URL whose default export is an ActorKind. */
  kinds: Record<string, string | URL>;
  /** Directory of the snapshot store (created if missing). */
  snapshotDir: string;
  /** Worker threads (default: one per core). */
  workers?: number;
  /** Memory budget in bytes for all workers' heaps (default: half of the machine's memory). */
  memoryBudgetBytes?: number;
  /** Most actors active at once (default: no cap). */
  maxActiveActors?: number;
  /** Passivate an actor unused this long (default: never). */
  idleTimeoutMs?: number;
  /** Default ask timeout (default 30 s). */
  askTimeoutMs?: number;
  /** Messages that may wait for one actor's activation (default 10,000). */
  mailboxLimit?: number;
  /** Journal entries per actor before a checkpoint is taken (default 1,000). */
  checkpointEvery?: number;
  /** How often workers report memory and idle actors are passivated (default 1 s). */
  maintenanceIntervalMs?: number;
  /** Activations after which a maintenance round runs early, before the timer (default 256). */
  activationsPerCheck?: number;
  /** Bytes per ring direction (default 1 MiB). */
  ringBytes?: number;
  /**
   * Reader spin window in ms on both sides (default 0.1 when there are more cores than workers,
   * else 0: see spin-policy.ts).
   */
  spinMs?: number;
  /** How long a worker may take to send READY (default 10 s). */
  handshakeTimeoutMs?: number;
  /**
   * Heap limits per worker, so a runaway actor takes down only its own worker (default: an 8 MB
   * young generation: V8's default lets short-lived garbage inflate RSS past the budget, and
   * the peak RSS of the runtime bench's 10k actors was 172-182 MB with 4 MB, 151-160 with 8,
   * 2026-11-25; docs/benchmarks.md).
   */
  resourceLimits?: ResourceLimits;
  /** When to stop restarting crashed workers. */
  restartPolicy?: RestartPolicy;
  /** fsync snapshot writes (default true). */
  fsync?: boolean;
  /** Time source (tests inject a SimulatedClock). */
  clock?: Clock;
  /**
   * Memory held outside the measured heaps on the actors' behalf (a file watcher's handles, say),
   * in bytes, counted against the budget at each report (default: none).
   */
  externalBytes?: () => number;
  /**
   * What the budget bounds: `'heaps'` (default) the workers' heaps plus the supervisor's own
   * growth and `externalBytes`; `'process'` the larger of that and the whole process's resident
   * memory (RSS), for a process that must stay within a memory limit as a whole (its other
   * threads, native memory and allocator slack then count too).
   */
  memoryScope?: 'heaps' | 'process';
}

/** Options with every default filled in. */
export type ResolvedSupervisorOptions = Required<Omit<SupervisorOptions, 'resourceLimits' | 'kinds'>> & {
  kinds: Record<string, string>;
  resourceLimits: ResourceLimits | undefined;
};

/**
 * Fills in defaults and checks ranges.
 * @throws RangeError naming the bad option and its value
 */
export function resolveSupervisorOptions(o: SupervisorOptions): ResolvedSupervisorOptions {
  const workers = o.workers ?? availableParallelism();
  if (!Number.isInteger(workers) || workers < 1) throw new RangeError(`Supervisor option "workers" must be an integer >= 1: current value is ${workers}`);
  const budget = o.memoryBudgetBytes ?? Math.floor(totalmem() / 2);
  if (!(budget > 0) || !Number.isFinite(budget)) throw new RangeError(`Supervisor option "memoryBudgetBytes" must be a finite number > 0: current value is ${budget}`);
  if (Object.keys(o.kinds).length === 0) throw new RangeError('Supervisor option "kinds" must name at least one actor kind: current value is {}');
  const kinds: Record<string, string> = {};
  for (const [name, where] of Object.entries(o.kinds)) {
    kinds[name] = where instanceof URL ? where.href : where.startsWith('file:') ? where : pathToFileURL(resolve(where)).href;
  }
  return {
    kinds,
    snapshotDir: o.snapshotDir,
    workers,
    memoryBudgetBytes: budget,
    maxActiveActors: o.maxActiveActors ?? Infinity,
    idleTimeoutMs: o.idleTimeoutMs ?? Infinity,
    askTimeoutMs: o.askTimeoutMs ?? 30_000,
    mailboxLimit: o.mailboxLimit ?? 10_000,
    checkpointEvery: o.checkpointEvery ?? 1000,
    maintenanceIntervalMs: o.maintenanceIntervalMs ?? 1000,
    activationsPerCheck: o.activationsPerCheck ?? 256,
    ringBytes: o.ringBytes ?? 1 << 20,
    spinMs: o.spinMs ?? defaultSpinMs(availableParallelism(), workers),
    handshakeTimeoutMs: o.handshakeTimeoutMs ?? 10_000,
    resourceLimits: o.resourceLimits ?? { maxYoungGenerationSizeMb: kDefaultYoungGenerationMb },
    restartPolicy: o.restartPolicy ?? defaultRestartPolicy,
    fsync: o.fsync ?? true,
    clock: o.clock ?? systemClock,
    externalBytes: o.externalBytes ?? (() => 0),
    memoryScope: checkScope(o.memoryScope ?? 'heaps'),
  };
}

function checkScope(scope: string): 'heaps' | 'process' {
  if (scope !== 'heaps' && scope !== 'process') throw new RangeError(`Supervisor option "memoryScope" must be "heaps" or "process": current value is ${JSON.stringify(scope)}`);
  return scope;
}
