/**
 * The `runtime` scenario: a real Supervisor with real worker threads hosting register actors
 * (`register-actor.ts`), against a Map model. Small rings (so frames wrap and messages are
 * chunked often), a checkpoint every few journal entries, maintenance only on `tick`.
 *
 * Invariants: every acknowledged update is visible afterwards (tells once resolved, asks once
 * answered, across evictions, checkpoints, budget changes and killed workers); every read
 * equals the model; at quiescence no actor is activating, no mailbox or request is pending,
 * and every actor messaged has a route; at the end every register's values equal the model's.
 *
 * @module
 */

import assert from 'node:assert/strict';
import fc from 'fast-check';
import { join } from 'node:path';
import type { Worker } from 'node:worker_threads';
import { Supervisor } from '../../runtime/index.js';
import { kRegisterKindUrl } from './register-actor.js';
import { AskAdd, Budget, Burst, Checkpoint, Evict, Get, KillWorker, TellPut, Tick, type RuntimeModel, type RuntimeReal } from './runtime-commands.js';
import { kNoScheduler, type StressRun, type StressScenario, type StressSetup } from './stress-scenario.js';
import { within } from './within.js';

const kAddresses = ['reg/a', 'reg/b', 'reg/c'] as const;
const kKeys = ['k1', 'k2'] as const;
/** Bytes per ring direction: small, so frames wrap around the ring's end every few messages. */
const kRingBytes = 256;

const address = fc.constantFrom(...kAddresses);
const key = fc.constantFrom(...kKeys);
const amount = fc.integer({ min: 1, max: 9 });

function commands(): fc.Arbitrary<fc.AsyncCommand<RuntimeModel, RuntimeReal>>[] {
  return [
    fc.tuple(address, key, amount).map(([a, k, v]) => new TellPut(a, k, v)),
    fc.tuple(address, key, amount).map(([a, k, n]) => new AskAdd(a, k, n)),
    fc.tuple(address, key).map(([a, k]) => new Get(a, k)),
    fc
      .array(fc.record({ address, key, n: fc.oneof(fc.constant(0), amount) }), { minLength: 2, maxLength: 5 })
      .map((ops) => new Burst(ops)),
    address.map((a) => new Evict(a)),
    address.map((a) => new Checkpoint(a)),
    fc.constantFrom(64, 1024 * 1024).map((kib) => new Budget(kib)),
    fc.nat(3).map((slot) => new KillWorker(slot)),
    fc.constant(new Tick()),
  ];
}

async function start(setup: StressSetup): Promise<StressRun<RuntimeModel, RuntimeReal>> {
  const sup = await Supervisor.start({
    kinds: { reg: kRegisterKindUrl },
    snapshotDir: join(setup.dir, 'snapshots'),
    workers: setup.workers,
    fsync: false,
    ringBytes: kRingBytes,
    checkpointEvery: 4,
    askTimeoutMs: setup.timeoutMs,
    memoryBudgetBytes: 1024 * 1024 * 1024,
    // Maintenance runs on `tick` only, so a run does the same work each time it is replayed.
    maintenanceIntervalMs: 3_600_000,
    restartPolicy: { maxRestartsPerSlot: 1000, maxRestartsOverall: 1000, windowMs: 1000, backoffInitialMs: 1, backoffFactor: 1, backoffMaxMs: 1 },
  });
  const real: RuntimeReal = { sup, workers: setup.workers, commandMs: 2 * setup.timeoutMs, scheduler: kNoScheduler, touched: new Set() };
  const model: RuntimeModel = new Map();
  return {
    model,
    real,
    useScheduler(scheduler) {
      real.scheduler = scheduler;
    },
    async finish() {
      for (const a of real.touched) {
        const dump = await within(real.commandMs, `dump ${a}`, sup.ask(a, { type: 'dump' }, { readOnly: true }));
        assert.deepEqual(dump, Object.fromEntries(model.get(a) ?? []), `final values of ${a}`);
      }
    },
    close: (failed) => stopSupervisor(sup, setup.workers, failed ? 0 : setup.timeoutMs),
  };
}

/**
 * Stops a supervisor; one that does not stop in `ms` (0: at once) has its workers terminated.
 * @throws when it did not stop in `ms` (not when `ms` is 0)
 */
export async function stopSupervisor(sup: Supervisor, workers: number, ms: number): Promise<void> {
  // stop() first in every case: it clears the maintenance timer and refuses new messages.
  const stopped = sup.stop();
  let hung: Error | undefined;
  try {
    if (ms === 0) return await tearDown(sup, workers, stopped);
    await within(ms, 'stopping the supervisor', stopped);
  } catch (err) {
    hung = err instanceof Error ? err : new Error(String(err));
    await tearDown(sup, workers, stopped);
  }
  if (hung !== undefined) throw hung;
}

/**
 * Tears a broken or hung runtime down (the failure under test, most likely): its threads are
 * terminated (their pending requests fail, so stop() can finish), and whatever is left is
 * unref'd, so the process can go on and exit.
 */
async function tearDown(sup: Supervisor, workers: number, stopped: Promise<void>): Promise<void> {
  const threads = (): (Worker | undefined)[] => Array.from({ length: workers }, (_, slot) => sup.workerThread(slot));
  await Promise.all(threads().flatMap((w) => (w === undefined ? [] : [w.terminate()])));
  await within(1000, 'stopping the supervisor', stopped).catch(() => {});
  for (const w of threads()) w?.unref();
}

/** The `runtime` scenario. */
export const runtimeScenario: StressScenario<RuntimeModel, RuntimeReal> = {
  name: 'runtime',
  summary: 'register actors on a real Supervisor: tells, asks, bursts, evictions, checkpoints, budgets, killed workers',
  defaultRuns: 20,
  maxCommands: 25,
  commands,
  start,
};
