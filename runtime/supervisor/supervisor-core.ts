import { fromWireError, isTesseraError, tesseraError } from '../../protocol/index.js';
import { parseActorAddress } from '../actor/actor-address.js';
import type { SnapshotStore } from '../snapshot/snapshot-store.js';
import type { RangeReader } from '../snapshot/range-reader.js';
import { placeActor } from './placement.js';
import { RoutingTable } from './routing-table.js';
import { UpdateLog } from './update-log.js';
import { LatencyRecorder } from './latency-recorder.js';
import { ActorSizes } from './actor-sizes.js';
import { Deadlines, type DeadlineHandle } from './deadlines.js';
import { ActivationGate, kActivationCopies } from './activation-gate.js';
import { unwrapSnapshot, wrapSnapshot } from '../snapshot/snapshot-envelope.js';
import { isWritten, type PersistedReply } from '../snapshot/persisted-reply.js';
import { readBulkOfStoredActor } from './stored-bulk.js';
import { SavesInOrder } from './saves-in-order.js';
import type { ResolvedSupervisorOptions } from './supervisor-options.js';
import type { WorkerHandle } from './worker-handle.js';
import type { WorkerPool } from './worker-pool.js';
import type { RuntimeEvents } from './runtime-events.js';

/** test-only planted bug (issue 7): TESSERA_PLANTED_BUG=stale-snapshot; see docs/stress.md. */
const kStaleSnapshots = process.env['TESSERA_PLANTED_BUG'] === 'stale-snapshot' ? new Map<string, Uint8Array>() : undefined;

/** Options of one ask. */
export interface AskOptions {
  /** Fail with ERR_ASK_TIMEOUT after this long (default: the supervisor's askTimeoutMs). */
  timeoutMs?: number;
  /** Safe to apply twice: retried on a new worker if its worker dies before answering. */
  idempotent?: boolean;
  /** Changes nothing: not journaled (queries). */
  readOnly?: boolean;
}

interface TellOp {
  type: 'tell';
  message: unknown;
  resolve: () => void;
  reject: (err: Error) => void;
}
interface AskOp {
  type: 'ask';
  message: unknown;
  options: AskOptions;
  startedAt: number;
  deadline?: DeadlineHandle;
  done: boolean;
  resolve: (value: unknown) => void;
  reject: (err: Error) => void;
}
type Op = TellOp | AskOp;

/** Counters the core keeps for stats(). */
export interface CoreCounters {
  messages: number;
  activations: number;
  evictions: number;
  /** Evictions that wrote nothing: the snapshot on disk already held the actor's state. */
  cleanEvictions: number;
  askRetries: number;
  corruptSnapshots: number;
}

/**
 * The supervisor's data plane: routes messages to the worker running each actor, activates
 * actors on first use (from their snapshot plus journal), passivates them to the snapshot store,
 * and recovers actors of a crashed worker. Every decision comes from a pure policy
 * (placeActor, chooseEvictions, decideRestart); this class applies them.
 *
 * An actor with an operation under way (activating, passivating) has a mailbox: messages wait
 * there, in order, up to mailboxLimit, and are delivered once the operation ends.
 */
export class SupervisorCore {
  readonly routes = new RoutingTable();
  readonly journal = new UpdateLog();
  readonly askLatency = new LatencyRecorder();
  readonly counters: CoreCounters = { messages: 0, activations: 0, evictions: 0, cleanEvictions: 0, askRetries: 0, corruptSnapshots: 0 };
  /** Estimated bytes per active actor and per worker, as workers last reported. */
  readonly sizes = new ActorSizes();
  readonly #mailboxes = new Map<string, Op[]>();
  /** Snapshots that could not be written (disk full…): kept here so nothing is lost. */
  readonly #unsaved = new Map<string, Uint8Array>();
  readonly #checkpointing = new Set<string>();
  /** Snapshot saves under way, by actor: a load waits for them (see {@link #load}). */
  readonly #saving = new SavesInOrder();
  /**
   * The sequence number the snapshot in the store covers, for actors whose stored snapshot this
   * supervisor read or wrote. When it equals the journal's last number nothing has changed the
   * actor since (read-only asks are not journaled because they change nothing), so evicting it
   * needs no new snapshot: serializing, moving and writing a large state costs more than
   * loading it back.
   */
  readonly #storedSeq = new Map<string, number>();
  readonly #o: ResolvedSupervisorOptions;
  readonly #store: SnapshotStore;
  readonly #pool: WorkerPool;
  readonly #events: RuntimeEvents;
  #accepting = true;
  /** Resolves when a new activation may proceed (the supervisor installs its memory check). */
  admission: () => Promise<void> = () => Promise.resolve();
  /** Bytes left before critical memory pressure (the supervisor installs its measure). */
  headroom: () => number = () => Infinity;
  /** Snapshot bytes being activated at once, bounded by {@link headroom}. */
  readonly activations = new ActivationGate(() => this.headroom());
  readonly #deadlines: Deadlines;

  constructor(options: ResolvedSupervisorOptions, store: SnapshotStore, pool: WorkerPool, events: RuntimeEvents) {
    this.#o = options;
    this.#store = store;
    this.#pool = pool;
    this.#events = events;
    this.#deadlines = new Deadlines(options.clock);
  }

  /** Messages waiting in mailboxes, by actor (only actors with a mailbox). */
  mailboxDepths(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const [address, box] of this.#mailboxes) out[address] = box.length;
    return out;
  }

  /** Stops taking messages (shutdown). */
  close(): void {
    this.#accepting = false;
    this.#deadlines.clear();
    this.#store.closeReaders();
  }

  /**
   * Delivers a message with no reply. Resolves once it is handed to the actor's worker; from
   * then on it is journaled and survives a worker crash.
   */
  tell(address: string, message: unknown): Promise<void> {
    return new Promise((resolve, reject) => this.#submit(address, { type: 'tell', message, resolve, reject }));
  }

  /** Delivers a message and resolves with the actor's reply. */
  ask(address: string, message: unknown, options: AskOptions = {}): Promise<unknown> {
    return new Promise((resolve, reject) => {
      const startedAt = this.#o.clock.now();
      const op: AskOp = { type: 'ask', message, options, startedAt, done: false, resolve, reject };
      const timeoutMs = options.timeoutMs ?? this.#o.askTimeoutMs;
      op.deadline = this.#deadlines.add(startedAt + timeoutMs, () => this.#fail(op, tesseraError('ERR_ASK_TIMEOUT', { actor: address, timeoutMs })));
      this.#submit(address, op);
    });
  }

  /**
   * Passivates an actor to the snapshot store (or, when the stored snapshot is current, just
   * drops it from its worker); a no-op when it is not active.
   */
  async passivate(address: string): Promise<void> {
    const route = this.routes.get(address);
    if (route?.state !== 'active' || this.#mailboxes.has(address)) return;
    const worker = this.#pool.get(route.workerId!);
    if (!worker) return;
    if (this.#storeIsCurrent(address)) return this.#dropClean(address, worker);
    const box: Op[] = [];
    this.#mailboxes.set(address, box);
    const seq = this.journal.lastSeq(address);
    try {
      await this.#save(address, seq, worker.request({ k: 'passivate', actor: address, seq }));
      if (this.routes.get(address)?.workerId === worker.slot) this.routes.passivated(address);
      this.sizes.delete(address);
      this.counters.evictions++;
      this.#events.emit({ type: 'actor.passivated', actor: address });
    } catch (err) {
      // A worker that died mid-passivation already moved the actor back to its last snapshot
      // plus journal (onWorkerLost); nothing else to undo.
      if (!isTesseraError(err, 'ERR_WORKER_CRASHED')) this.#events.emit({ type: 'error', error: err, actor: address });
    } finally {
      this.#mailboxes.delete(address);
      for (const op of box) this.#submit(address, op);
    }
  }

  /** The stored snapshot holds the actor's state: nothing journaled since, no write pending. */
  #storeIsCurrent(address: string): boolean {
    return this.#storedSeq.get(address) === this.journal.lastSeq(address) && !this.#saving.has(address) && !this.#unsaved.has(address);
  }

  /**
   * Reads ranges of an actor's bulk bytes from its stored snapshot, synchronously, without
   * asking (or activating) it: only when that snapshot holds the actor's latest state (the actor
   * is not on its way in, no write of it is under way or failed, no journal entry is newer).
   * @returns what `read` returns; `undefined` when the stored bulk is not the latest state, there
   *   is none, or the file cannot be read (its next activation reports why)
   * @throws what `read` throws
   */
  readStoredBulk<T>(address: string, read: (bulk: RangeReader) => T): T | undefined {
    const route = this.routes.get(address);
    if (kStaleSnapshots || route?.state === 'activating' || this.#mailboxes.has(address)) return undefined;
    if (this.#saving.has(address) || this.#unsaved.has(address) || this.journal.size(address) > 0) return undefined;
    // An active actor qualifies when its stored snapshot is the one it was loaded from or last
    // saved, with nothing journaled since: its state is what the file holds.
    if (route?.state === 'active' && !this.#storeIsCurrent(address)) return undefined;
    return readBulkOfStoredActor(this.#store, address, read);
  }

  /** Evicts an actor whose stored snapshot is current: the worker drops it, nothing is written. */
  #dropClean(address: string, worker: WorkerHandle): void {
    // Asks already sent to the worker are answered before the drop: one ring, in order.
    worker.post({ k: 'drop', actor: address });
    this.routes.passivated(address);
    this.sizes.delete(address);
    this.counters.evictions++;
    this.counters.cleanEvictions++;
    this.#events.emit({ type: 'actor.passivated', actor: address });
  }

  /**
   * A worker is gone: its actors fall back to their latest snapshot plus journal, and asks it
   * never answered are dropped from the journals (their callers get ERR_WORKER_CRASHED).
   */
  onWorkerLost(slot: number): void {
    for (const address of this.routes.workerLost(slot)) {
      this.journal.discardPending(address);
      this.sizes.delete(address);
    }
  }

  /** An actor's machine threw on a tell: drop that message and rebuild the actor on next use. */
  onActorFailed(slot: number, address: string, seq: number, error: unknown): void {
    this.journal.discard(address, seq);
    const route = this.routes.get(address);
    if (route?.state === 'active' && route.workerId === slot) {
      this.#pool.get(slot)?.post({ k: 'drop', actor: address });
      this.routes.passivated(address);
      this.sizes.delete(address);
    }
    this.#events.emit({ type: 'actor.failed', actor: address, error });
  }

  #submit(address: string, op: Op): void {
    if (op.type === 'ask' && op.done) return;
    if (!this.#accepting) return this.#fail(op, tesseraError('ERR_SUPERVISOR_STOPPED', { state: 'stopping' }));
    const box = this.#mailboxes.get(address);
    if (box) {
      if (box.length >= this.#o.mailboxLimit) return this.#fail(op, tesseraError('ERR_MAILBOX_FULL', { actor: address, limit: this.#o.mailboxLimit }));
      box.push(op);
      return;
    }
    const route = this.routes.get(address);
    if (route?.state === 'active') return this.#deliver(address, route.workerId!, op);
    try {
      parseActorAddress(address);
    } catch {
      return this.#fail(op, tesseraError('ERR_ACTOR_BAD_ADDRESS', { actor: address }));
    }
    this.#mailboxes.set(address, [op]);
    void this.#activate(address);
  }

  #deliver(address: string, slot: number, op: Op): void {
    const worker = this.#pool.get(slot)!;
    this.routes.touch(address, this.#o.clock.now());
    this.counters.messages++;
    if (op.type === 'tell') {
      const seq = this.journal.append(address, op.message, true);
      try {
        worker.post({ k: 'tell', actor: address, seq, msg: op.message });
      } catch (err) {
        this.journal.discard(address, seq); // not encodable: never delivered, never journaled
        return this.#fail(op, err as Error);
      }
      op.resolve();
      this.#maybeCheckpoint(address);
      return;
    }
    const seq = op.options.readOnly ? 0 : this.journal.append(address, op.message, false);
    const sent = { k: 'ask' as const, actor: address, seq, msg: op.message, ...(op.options.idempotent ? { idempotent: true } : {}) };
    worker.send(sent, {
      resolve: (value) => {
        if (seq) this.journal.commit(address, seq);
        this.askLatency.record(this.#o.clock.now() - op.startedAt);
        this.#finish(op, value);
        if (seq) this.#maybeCheckpoint(address);
      },
      reject: (err) => {
        if (seq) this.journal.discard(address, seq);
        if (isTesseraError(err, 'ERR_WORKER_CRASHED') && op.options.idempotent && !op.done) {
          this.counters.askRetries++;
          this.#submit(address, op);
          return;
        }
        if (isTesseraError(err, 'ERR_ACTOR_FAILED')) this.onActorFailed(slot, address, 0, err);
        this.#fail(op, err);
      },
    });
  }

  async #activate(address: string): Promise<void> {
    const box = this.#mailboxes.get(address)!;
    let leave: (() => void) | undefined;
    try {
      // Admission control: under critical memory pressure a new activation waits until
      // evictions have made room, so a burst of first messages cannot outrun the budget.
      await this.admission();
      leave = await this.activations.enter(kActivationCopies * (await this.#snapshotBytes(address)));
      // The route is claimed in the same turn the worker is chosen, so a burst of activations
      // sees each other's placements and spreads out.
      const worker = await this.#pool.placeable((view) => {
        const slot = placeActor(view, parseActorAddress(address));
        this.routes.activating(address, slot, this.#o.clock.now());
        return slot;
      });
      const { seq, state, rebuild } = await this.#load(address);
      this.journal.continueAfter(address, seq);
      const replay = this.journal.replay(address, seq);
      const request = { k: 'activate' as const, actor: address, ...(state ? { state } : {}), ...(replay.length ? { replay } : {}), ...(rebuild ? { rebuild } : {}) };
      const bytes = (await worker.request(request)) as number;
      this.routes.activated(address, this.#o.clock.now());
      this.sizes.set(address, worker.slot, bytes);
      this.counters.activations++;
      this.#events.emit({ type: 'actor.activated', actor: address, worker: worker.slot });
      leave();
    } catch (err) {
      leave?.();
      if (this.routes.get(address)?.state === 'activating') this.routes.passivated(address);
      this.#mailboxes.delete(address);
      // The worker died under the activation: try again elsewhere, keeping the mailbox's order.
      if (isTesseraError(err, 'ERR_WORKER_CRASHED') && this.#accepting) {
        for (const op of box) this.#submit(address, op);
        return;
      }
      for (const op of box) this.#fail(op, err as Error);
      return;
    }
    this.#mailboxes.delete(address);
    for (const op of box) this.#submit(address, op);
  }

  /** Bytes of the snapshot an activation will read (0 when none, or when it cannot be told). */
  async #snapshotBytes(address: string): Promise<number> {
    const unsaved = this.#unsaved.get(address);
    if (unsaved) return unsaved.length;
    return this.#store.sizeOf(address).catch(() => 0);
  }

  /**
   * The actor's latest snapshot: unsaved copy, else the store; a corrupt one means rebuild. A
   * save of the actor's snapshot still under way (a checkpoint whose worker died after
   * answering, its file not yet installed) is awaited first: read before it lands, the older
   * file would be paired with a journal the save then truncates, and the updates between the
   * two would be lost.
   */
  async #load(address: string): Promise<{ seq: number; state: Uint8Array | undefined; rebuild: boolean }> {
    await this.#saving.settled(address);
    const unsaved = this.#unsaved.get(address);
    this.#storedSeq.delete(address);
    if (unsaved) return { ...unwrapSnapshot(unsaved), rebuild: false };
    try {
      const stored = await this.#store.get(address);
      if (!stored) return { seq: 0, state: undefined, rebuild: false };
      // test-only planted bug (issue 7): with kStaleSnapshots the first snapshot loaded is served forever.
      if (kStaleSnapshots && !kStaleSnapshots.has(this.#o.snapshotDir + address)) kStaleSnapshots.set(this.#o.snapshotDir + address, stored);
      const snapshot = unwrapSnapshot(kStaleSnapshots?.get(this.#o.snapshotDir + address) ?? stored);
      if (!kStaleSnapshots) this.#storedSeq.set(address, snapshot.seq);
      return { ...snapshot, rebuild: false };
    } catch (err) {
      if (!isTesseraError(err, 'ERR_SNAPSHOT_CORRUPT')) throw err;
      // Never load a corrupt snapshot: report it and let the kind rebuild the state.
      this.counters.corruptSnapshots++;
      this.#events.emit({ type: 'snapshot.corrupt', actor: address, error: err });
      await this.#store.delete(address);
      return { seq: 0, state: undefined, rebuild: true };
    }
  }

  /**
   * Keeps what a worker answered to `checkpoint` or `passivate` (`reply`), after the saves of the
   * actor requested before it (see saves-in-order.ts). Until it settles, a load of the actor
   * waits for it (see {@link #load}).
   * @throws what the request throws (ERR_WORKER_CRASHED, ERR_ACTOR_NOT_ACTIVE…)
   */
  #save(address: string, seq: number, reply: Promise<unknown>): Promise<void> {
    return this.#saving.run(address, reply, (r) => this.#keep(address, seq, r as PersistedReply));
  }

  /**
   * The worker wrote the snapshot to a temporary file: install it, then drop the journal entries
   * it covers. Its write failed: keep the bytes it sent back instead. The install failed: keep
   * the journal (the previous snapshot plus the journal still hold the actor's state).
   */
  async #keep(address: string, seq: number, reply: PersistedReply): Promise<void> {
    if (!isWritten(reply)) {
      this.#unsaved.set(address, wrapSnapshot(seq, reply.state));
      this.#storedSeq.delete(address);
      this.journal.truncateThrough(address, seq);
      this.#events.emit({ type: 'error', error: fromWireError(reply.error), actor: address });
      return;
    }
    try {
      await this.#store.install(address, reply);
    } catch (err) {
      await this.#store.discardTemporary(address, reply).catch(noop);
      this.#events.emit({ type: 'error', error: err, actor: address });
      return;
    }
    this.#storedSeq.set(address, seq);
    this.#unsaved.delete(address);
    this.journal.truncateThrough(address, seq);
  }

  #maybeCheckpoint(address: string): void {
    if (this.journal.size(address) < this.#o.checkpointEvery) return;
    void this.checkpoint(address);
  }

  /**
   * Stores an active actor's snapshot without stopping it and drops the journal entries it
   * covers. A no-op when the actor is not active, a checkpoint of it is under way, or the stored
   * snapshot already holds its state.
   */
  async checkpoint(address: string): Promise<void> {
    if (this.#checkpointing.has(address) || this.#storeIsCurrent(address)) return;
    const route = this.routes.get(address);
    const worker = route?.state === 'active' && route.workerId !== null ? this.#pool.get(route.workerId) : undefined;
    if (!worker) return;
    this.#checkpointing.add(address);
    const seq = this.journal.lastSeq(address);
    try {
      await this.#save(address, seq, worker.request({ k: 'checkpoint', actor: address, seq }));
    } catch (err) {
      if (!isTesseraError(err, 'ERR_WORKER_CRASHED')) this.#events.emit({ type: 'error', error: err, actor: address });
    } finally {
      this.#checkpointing.delete(address);
    }
  }

  #finish(op: Op, value: unknown): void {
    if (op.type === 'ask') {
      if (op.done) return;
      op.done = true;
      if (op.deadline) this.#deadlines.cancel(op.deadline);
    }
    (op.resolve)(value);
  }

  #fail(op: Op, err: Error): void {
    if (op.type === 'ask') {
      if (op.done) return;
      op.done = true;
      if (op.deadline) this.#deadlines.cancel(op.deadline);
    }
    op.reject(err);
  }
}

function noop(): void {}
