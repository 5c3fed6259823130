import type { Worker } from 'node:worker_threads';
import { createActor, type Actor, type InspectionEvent } from 'xstate';
import { tesseraError } from '../../protocol/index.js';
import { SnapshotStore } from '../snapshot/snapshot-store.js';
import type { RangeReader } from '../snapshot/range-reader.js';
import { collectGarbageFully } from '../memory/collect-garbage.js';
import { threadLiveBytes } from '../memory/thread-memory.js';
import type { TimerHandle } from '../clock.js';
import { chooseEvictions } from './eviction.js';
import { kCriticalRatio, pressureLevel, type PressureLevel } from './pressure.js';
import { RuntimeEvents, type RuntimeEventListener } from './runtime-events.js';
import { SupervisorCore, type AskOptions } from './supervisor-core.js';
import { supervisorMachine } from './supervisor-machine.js';
import { resolveSupervisorOptions, type ResolvedSupervisorOptions, type SupervisorOptions } from './supervisor-options.js';
import { WorkerPool } from './worker-pool.js';
import { buildActorList, buildStats, type ActorStats, type SupervisorStats } from './supervisor-stats.js';

const kAdmissionRounds = 3;

/**
 * The actor runtime's front door, on the main thread.
 *
 *   main thread                                       worker threads (≈ one per core)
 *   Supervisor ─ machine (lifecycle, pressure)
 *      └ SupervisorCore ─ routes, journal ─ WorkerHandle ══ rings ══ worker: ActorHost
 *      └ WorkerPool (restarts)              WorkerHandle ══ rings ══ worker: ActorHost
 *      └ SnapshotStore (disk)
 *
 * Actors are virtual: addressed as "kind/key", activated on first message, passivated when
 * idle, over the active cap or over the memory budget, and rebuilt after a worker crash from
 * their latest snapshot plus the journal of messages acknowledged since.
 */
export class Supervisor {
  readonly #o: ResolvedSupervisorOptions;
  readonly #events = new RuntimeEvents();
  readonly #inspectors = new Set<(event: InspectionEvent) => void>();
  readonly #pool: WorkerPool;
  readonly #core: SupervisorCore;
  readonly #machine: Actor<typeof supervisorMachine>;
  readonly #startedAt: number;
  #budget: number;
  #usedBytes = 0;
  #timer: TimerHandle | undefined;
  #maintaining: Promise<void> | null = null;
  #maintainAgain: Promise<void> | null = null;
  #lastRate = { at: 0, messages: 0, perSecond: 0 };
  #needsGc = false;
  #activationsSinceCheck = 0;
  #ownBaseline = 0;
  #evicting: Promise<void> = Promise.resolve();

  private constructor(options: ResolvedSupervisorOptions, store: SnapshotStore) {
    this.#o = options;
    this.#budget = options.memoryBudgetBytes;
    this.#startedAt = options.clock.now();
    this.#pool = new WorkerPool(
      options,
      {
        onWorkerEvent: (slot, m) => {
          if (m.k === 'actor_failed') this.#core.onActorFailed(slot, m.actor, m.seq, m.error);
          else if (m.k === 'log') this.#events.emit({ type: 'worker.log', worker: slot, level: m.level, msg: m.msg });
        },
        onWorkerLost: (slot) => this.#core.onWorkerLost(slot),
        actorCount: (slot) => this.#core.routes.countOn(slot),
        actorBytes: (slot) => this.#core.sizes.bytesOn(slot),
        onAllGivenUp: (reason) => this.#machine.send({ type: 'workers.failed', reason }),
      },
      this.#events,
    );
    this.#core = new SupervisorCore(options, store, this.#pool, this.#events);
    this.#core.admission = () => this.#admit();
    this.#core.headroom = () => this.#budget * kCriticalRatio - this.#usedBytes;
    const machine = supervisorMachine.provide({
      actions: {
        evict: () => {
          this.#evicting = this.#evict();
        },
        pressureChanged: (_, params) =>
          this.#events.emit({ type: 'pressure.changed', level: params.level, usedBytes: this.#usedBytes, budgetBytes: this.#budget }),
      },
    });
    this.#machine = createActor(machine, { clock: options.clock, inspect: (e) => this.#inspectors.forEach((f) => f(e)) });
    this.#machine.start();
    // A burst of activations can outgrow the budget between timer rounds: check early.
    this.#events.on((e) => {
      if (e.type === 'actor.activated' && ++this.#activationsSinceCheck >= options.activationsPerCheck) void this.maintain();
      // What a passivated actor held is garbage until a GC: the next heap report collects first.
      if (e.type === 'actor.passivated') this.#needsGc = true;
    });
  }

  /**
   * Starts the worker pool and waits for every worker's READY.
   * @throws RangeError for bad options; ERR_WORKER_START_FAILED, ERR_PROTO_* when a worker cannot start
   */
  static async start(options: SupervisorOptions): Promise<Supervisor> {
    const resolved = resolveSupervisorOptions(options);
    const store = await SnapshotStore.open(resolved.snapshotDir, { fsync: resolved.fsync });
    const supervisor = new Supervisor(resolved, store);
    try {
      await supervisor.#pool.start();
    } catch (err) {
      supervisor.#machine.send({ type: 'workers.failed', reason: String((err as Error).message) });
      throw err;
    }
    supervisor.#ownBaseline = threadLiveBytes();
    supervisor.#machine.send({ type: 'workers.ready' });
    supervisor.#schedule();
    return supervisor;
  }

  /** Delivers a message to an actor; resolves once it is handed to the actor's worker. */
  tell(address: string, message: unknown): Promise<void> {
    const refused = this.#refusal();
    return refused ? Promise.reject(refused) : this.#core.tell(address, message);
  }

  /** Delivers a message and resolves with the actor's reply. */
  ask(address: string, message: unknown, options?: AskOptions): Promise<unknown> {
    const refused = this.#refusal();
    return refused ? Promise.reject(refused) : this.#core.ask(address, message, options);
  }

  /** Passivates an actor to the snapshot store now. */
  evict(address: string): Promise<void> {
    return this.#core.passivate(address);
  }

  /**
   * Stores an actor's snapshot now without stopping it, so its journal of messages since the
   * last snapshot can be dropped (e.g. after a bulk load).
   */
  checkpoint(address: string): Promise<void> {
    return this.#core.checkpoint(address);
  }

  /** Changes the memory budget at run time; evicts at once if the new one is exceeded. */
  async setMemoryBudget(bytes: number): Promise<void> {
    if (!(bytes > 0) || !Number.isFinite(bytes)) throw new RangeError(`Memory budget must be a finite number > 0: current value is ${bytes}`);
    this.#budget = bytes;
    await this.maintain();
  }

  /** The current budget in bytes. */
  get memoryBudgetBytes(): number {
    return this.#budget;
  }

  /**
   * One maintenance round: workers report memory, the pressure level is re-evaluated, and idle,
   * over-cap or over-budget actors are passivated. Runs on a timer; tests call it directly.
   * @param options - `collect`: every thread runs a full garbage collection before measuring,
   *   so the figures show live memory rather than garbage not yet swept
   */
  maintain(options: { collect?: boolean } = {}): Promise<void> {
    if (options.collect) this.#needsGc = true;
    // A round already under way may have measured before the caller's change: callers during
    // it share one fresh round that starts when it ends.
    if (this.#maintaining) {
      this.#maintainAgain ??= this.#maintaining.then(() => {
        this.#maintainAgain = null;
        return this.maintain();
      });
      return this.#maintainAgain;
    }
    this.#maintaining = this.#maintainOnce().finally(() => (this.#maintaining = null));
    return this.#maintaining;
  }

  /**
   * Reads ranges of an actor's bulk bytes straight from its stored snapshot, without asking it
   * (or activating it, when passivated), for answers that need a few bytes of a large state (a
   * kind lays out its bulk for this). Only while that snapshot is the actor's latest state:
   * passivated, or active with nothing journaled since it was loaded or saved. Synchronous:
   * meant for a few small reads served from the page cache. The file's checksum is not verified
   * (it covers the whole file): `read` checks what it reads.
   * @returns what `read` returns; `undefined` when the actor is activating, its stored snapshot
   *   is not its latest state, it has no bulk, or the file cannot be read
   * @throws what `read` throws
   */
  readStoredBulk<T>(address: string, read: (bulk: RangeReader) => T): T | undefined {
    return this.#core.readStoredBulk(address, read);
  }

  /** The lifecycle state: starting, running, stopping, stopped or failed. */
  get state(): string {
    const value = this.#machine.getSnapshot().value;
    return typeof value === 'string' ? value : Object.keys(value)[0]!;
  }

  /** The memory pressure level. */
  get pressure(): PressureLevel {
    return pressureLevel(this.#usedBytes, this.#budget);
  }

  /** Every actor routed so far: its state, worker, estimated size and idle time, by address. */
  actors(): ActorStats[] {
    return buildActorList(this.#core, this.#o.clock.now());
  }

  /** Everything an operator wants to see. */
  stats(): SupervisorStats {
    return buildStats({
      options: this.#o,
      state: this.state,
      uptimeMs: this.#o.clock.now() - this.#startedAt,
      usedBytes: this.#usedBytes,
      budgetBytes: this.#budget,
      pool: this.#pool,
      core: this.#core,
      messagesPerSecond: this.#lastRate.perSecond,
    });
  }

  /** Subscribes to runtime events (activations, passivations, crashes, pressure changes). */
  on(listener: RuntimeEventListener): () => void {
    return this.#events.on(listener);
  }

  /** Subscribes to the supervisor machine's XState inspection events. */
  inspect(observer: (event: InspectionEvent) => void): () => void {
    this.#inspectors.add(observer);
    return () => this.#inspectors.delete(observer);
  }

  /** @internal The worker thread in a slot, for tests that crash one. */
  workerThread(slot: number): Worker | undefined {
    return this.#pool.get(slot)?.worker;
  }

  /** Passivates every active actor (snapshots flushed), then stops the workers. */
  async stop(): Promise<void> {
    if (this.state === 'stopped') return;
    this.#machine.send({ type: 'stop' });
    if (this.#timer) this.#o.clock.clearTimeout(this.#timer);
    await this.#maintainAgain;
    await this.#maintaining;
    await Promise.all([...this.#core.routes.entries()].filter((r) => r.state === 'active').map((r) => this.#core.passivate(r.address)));
    this.#core.close();
    await this.#pool.stop();
    this.#machine.send({ type: 'stopped' });
  }

  #refusal(): Error | undefined {
    const state = this.state;
    return state === 'running' ? undefined : tesseraError('ERR_SUPERVISOR_STOPPED', { state });
  }

  #schedule(): void {
    this.#timer = this.#o.clock.setTimeout(() => {
      void this.#tick().finally(() => {
        if (this.state === 'running') this.#schedule();
      });
    }, this.#o.maintenanceIntervalMs);
  }

  /**
   * A timer round. With no message since the last round and memory at normal, the workers'
   * figures cannot have grown: only the idle policy runs, on the supervisor's own data, so an
   * idle runtime wakes no worker thread.
   */
  #tick(): Promise<void> {
    const quiet = this.#core.counters.messages === this.#lastRate.messages && this.pressure === 'normal';
    return quiet ? this.#evict() : this.maintain();
  }

  async #maintainOnce(): Promise<void> {
    this.#activationsSinceCheck = 0;
    const workers = this.#pool.live();
    const gc = this.#needsGc;
    this.#needsGc = false;
    const replies = await Promise.allSettled(workers.map((w) => w.request({ k: 'stats', ...(gc ? { gc: true } : {}) })));
    replies.forEach((r, i) => {
      if (r.status !== 'fulfilled') return;
      const actors = (r.value as { actors: { address: string; bytes: number }[] }).actors;
      for (const a of actors) if (this.#core.routes.get(a.address)?.workerId === workers[i]!.slot) this.#core.sizes.set(a.address, workers[i]!.slot, a.bytes);
    });
    // The supervisor's own thread counts too (journals, snapshots in transit), above what it
    // held once the workers were up.
    if (gc) await collectGarbageFully();
    const own = Math.max(0, threadLiveBytes() - this.#ownBaseline) + this.#o.externalBytes();
    const heaps = workers.reduce((sum, w) => sum + w.heapUsed, own);
    this.#usedBytes = this.#o.memoryScope === 'process' ? Math.max(heaps, process.memoryUsage.rss()) : heaps;
    this.#updateRate();
    if (this.state !== 'running') return;
    // Under pressure the machine's `evict` action starts the eviction; at normal pressure only
    // idle and over-cap actors go, so run the policy here.
    this.#machine.send({ type: 'memory.report', usedBytes: this.#usedBytes, budgetBytes: this.#budget });
    if (this.pressure === 'normal') this.#evicting = this.#evict();
    await this.#evicting;
  }

  /**
   * Lets an activation through unless memory is critical; then runs maintenance rounds (each
   * evicts, collects and re-measures) until it is not, giving up after a few rounds so a
   * budget below the floor slows activations down instead of stopping them. With no active
   * actor left, or after a round that evicted none, waiting cannot free memory: the activation
   * goes ahead at once (measured on half the Linux kernel, whose main-thread tables alone kept
   * the process critical, three rounds with full collections made each activation take seconds).
   */
  async #admit(): Promise<void> {
    for (let round = 0; round < kAdmissionRounds && this.pressure === 'critical' && this.state === 'running'; round++) {
      if (!this.#hasActive()) return;
      const evicted = this.#core.counters.evictions;
      await this.maintain();
      if (this.#core.counters.evictions === evicted) return;
    }
  }

  /** Whether any actor is active (without copying the routing table: this runs per activation under pressure). */
  #hasActive(): boolean {
    for (const r of this.#core.routes.entries()) if (r.state === 'active') return true;
    return false;
  }

  /** Passivates what the eviction policy picks: idle, over the cap, or over budget. */
  async #evict(): Promise<void> {
    const active = [...this.#core.routes.entries()].filter((r) => r.state === 'active');
    const chosen = chooseEvictions({
      actors: active.map((r) => ({ address: r.address, lastUsedAt: r.lastUsedAt, bytes: this.#core.sizes.get(r.address) })),
      usedBytes: this.#usedBytes,
      budgetBytes: this.#budget,
      maxActive: this.#o.maxActiveActors,
      idleTimeoutMs: this.#o.idleTimeoutMs,
      now: this.#o.clock.now(),
    });
    if (chosen.length === 0) return;
    await Promise.all(chosen.map((address) => this.#core.passivate(address)));
  }

  #updateRate(): void {
    const now = this.#o.clock.now();
    const { at, messages } = this.#lastRate;
    const total = this.#core.counters.messages;
    const perSecond = now > at ? ((total - messages) * 1000) / (now - at) : 0;
    this.#lastRate = { at: now, messages: total, perSecond };
  }
}
