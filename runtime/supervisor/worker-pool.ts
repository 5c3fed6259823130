import type { WorkerToSupervisor } from '../../protocol/index.js';
import type { ClusterView, WorkerStatus } from './cluster-view.js';
import { decideRestart, emptyRestartState, type RestartState } from './restart-policy.js';
import type { ResolvedSupervisorOptions } from './supervisor-options.js';
import { WorkerHandle } from './worker-handle.js';
import type { RuntimeEvents } from './runtime-events.js';

/** What the pool tells its owner. */
export interface WorkerPoolHooks {
  /** actor_failed and log events from a worker. */
  onWorkerEvent: (slot: number, message: WorkerToSupervisor) => void;
  /** A worker died; its actors must fall back to their snapshots (called before callers see errors). */
  onWorkerLost: (slot: number) => void;
  /** Active actors on a slot, for placement. */
  actorCount: (slot: number) => number;
  /** Estimated bytes of the actors on a slot, for placement. */
  actorBytes: (slot: number) => number;
  /** Every slot has given up (restart intensity exceeded): the runtime cannot go on. */
  onAllGivenUp: (reason: string) => void;
}

/**
 * The fixed set of worker slots: starts them, restarts a crashed one per the restart policy
 * (with backoff), and hands out ready workers for placement. A slot that exceeds its restart
 * intensity stays dead and is reported.
 */
export class WorkerPool {
  readonly #o: ResolvedSupervisorOptions;
  readonly #hooks: WorkerPoolHooks;
  readonly #events: RuntimeEvents;
  readonly #slots: (WorkerHandle | null)[];
  readonly #status: WorkerStatus[];
  readonly #waiters: (() => void)[] = [];
  #restartState: RestartState = emptyRestartState;
  #stopping = false;
  /** Workers replaced after a crash. */
  restarts = 0;

  constructor(options: ResolvedSupervisorOptions, hooks: WorkerPoolHooks, events: RuntimeEvents) {
    this.#o = options;
    this.#hooks = hooks;
    this.#events = events;
    this.#slots = Array.from({ length: options.workers }, () => null);
    this.#status = Array.from({ length: options.workers }, (): WorkerStatus => 'starting');
  }

  /** Starts every slot. @throws the first start failure (the others are stopped) */
  async start(): Promise<void> {
    const started = await Promise.allSettled(this.#slots.map((_, slot) => this.#startSlot(slot)));
    const failed = started.find((r) => r.status === 'rejected');
    if (failed) {
      await this.stop();
      throw failed.reason;
    }
  }

  /** The live worker in a slot. */
  get(slot: number): WorkerHandle | undefined {
    return this.#slots[slot] ?? undefined;
  }

  /** Live workers. */
  live(): WorkerHandle[] {
    return this.#slots.filter((w): w is WorkerHandle => w !== null && w.alive);
  }

  /** What placement sees. */
  view(): ClusterView {
    return {
      workers: this.#slots.map((_, id) => ({
        id,
        status: this.#status[id]!,
        // Placement weighs what actors hold, not the raw heap: a heap figure includes garbage
        // not yet collected and lags behind by a maintenance interval.
        heapUsedBytes: this.#hooks.actorBytes(id),
        pendingBytes: 0,
        actorCount: this.#hooks.actorCount(id),
      })),
    };
  }

  /**
   * A ready worker chosen by `choose`. When none is ready but a restart is under way, waits
   * for it (up to the handshake timeout) instead of failing at once.
   * @throws ERR_SUPERVISOR_NO_WORKER
   */
  async placeable(choose: (view: ClusterView) => number): Promise<WorkerHandle> {
    const deadline = this.#o.clock.now() + this.#o.handshakeTimeoutMs;
    for (;;) {
      const view = this.view();
      const anyReady = view.workers.some((w) => w.status === 'ready');
      const anyStarting = view.workers.some((w) => w.status === 'starting');
      if (anyReady || !anyStarting || this.#o.clock.now() >= deadline) return this.#slots[choose(view)]!;
      await new Promise<void>((resolve) => this.#waiters.push(resolve));
    }
  }

  /** Terminates every worker; no restarts after this. */
  async stop(): Promise<void> {
    this.#stopping = true;
    await Promise.all(this.live().map((w) => w.terminate()));
  }

  /** Per-slot status. */
  statuses(): readonly WorkerStatus[] {
    return this.#status;
  }

  async #startSlot(slot: number): Promise<void> {
    this.#status[slot] = 'starting';
    const handle = await WorkerHandle.start({
      slot,
      kinds: this.#o.kinds,
      ringBytes: this.#o.ringBytes,
      spinMs: this.#o.spinMs,
      snapshots: { dir: this.#o.snapshotDir, fsync: this.#o.fsync },
      handshakeTimeoutMs: this.#o.handshakeTimeoutMs,
      ...(this.#o.resourceLimits ? { resourceLimits: this.#o.resourceLimits } : {}),
      clock: this.#o.clock,
      onEvent: this.#hooks.onWorkerEvent,
      onExit: (s, reason) => this.#onExit(s, reason),
    });
    if (this.#stopping) {
      await handle.terminate();
      return;
    }
    this.#slots[slot] = handle;
    this.#status[slot] = 'ready';
    this.#events.emit({ type: 'worker.started', worker: slot });
    for (const wake of this.#waiters.splice(0)) wake();
  }

  #onExit(slot: number, reason: string): void {
    this.#slots[slot] = null;
    this.#status[slot] = 'dead';
    this.#hooks.onWorkerLost(slot);
    if (this.#stopping) return;
    this.#events.emit({ type: 'worker.crashed', worker: slot, reason });
    const outcome = decideRestart(this.#o.restartPolicy, this.#restartState, { slot, now: this.#o.clock.now() });
    this.#restartState = outcome.state;
    if (!outcome.decision.restart) {
      this.#events.emit({ type: 'worker.given_up', worker: slot, error: outcome.decision.error });
      this.#wakeWaiters();
      if (this.#status.every((s) => s === 'dead')) this.#hooks.onAllGivenUp(outcome.decision.error.message);
      return;
    }
    this.#status[slot] = 'starting';
    this.restarts++;
    this.#o.clock.setTimeout(() => {
      this.#startSlot(slot).catch((err: unknown) => {
        this.#status[slot] = 'dead';
        this.#events.emit({ type: 'worker.given_up', worker: slot, error: err });
        this.#wakeWaiters();
        if (this.#status.every((s) => s === 'dead')) this.#hooks.onAllGivenUp(String((err as Error).message));
      });
    }, outcome.decision.delayMs);
  }

  #wakeWaiters(): void {
    for (const wake of this.#waiters.splice(0)) wake();
  }
}
