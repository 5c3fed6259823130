import type { WorkerId } from './cluster-view.js';

/** Where an actor is in its lifecycle. Only active and activating actors live on a worker. */
export type RouteState = 'active' | 'activating' | 'passivated';

/** One actor's route. `workerId` is `null` exactly when the actor is passivated. */
export interface RouteEntry {
  readonly address: string;
  readonly state: RouteState;
  readonly workerId: WorkerId | null;
  /** When the actor was last placed or touched, on the supervisor's clock. */
  readonly lastUsedAt: number;
}

interface MutableEntry {
  address: string;
  state: RouteState;
  workerId: WorkerId | null;
  lastUsedAt: number;
}

/**
 * Maps actor addresses to the worker hosting them, with the state and last-use time the eviction
 * policy needs. Lookups and updates are O(1) (a `Map` by address plus a `Set` per worker).
 * Transitions: absent or passivated → `activating` ({@link RoutingTable.activating}) → `active`
 * ({@link RoutingTable.activated}) → `passivated` ({@link RoutingTable.passivated}, or
 * {@link RoutingTable.workerLost} for every actor of a worker that died).
 *
 * @example
 * const table = new RoutingTable();
 * table.activating('counter/a', 0, clock.now());
 * table.activated('counter/a', clock.now());
 * table.get('counter/a')?.workerId; // 0
 */
export class RoutingTable {
  #entries = new Map<string, MutableEntry>();
  #byWorker = new Map<WorkerId, Set<string>>();

  /** How many actors the table knows, passivated ones included. */
  get size(): number {
    return this.#entries.size;
  }

  /**
   * The actor's route, or `undefined` when the table never saw it (or forgot it). The entry is a
   * live, read-only view: copy it to keep a past state.
   */
  get(address: string): RouteEntry | undefined {
    return this.#entries.get(address);
  }

  /**
   * Records that the actor is being activated on `workerId`.
   * @throws RangeError when the actor is already active or activating
   */
  activating(address: string, workerId: WorkerId, now: number): void {
    const entry = this.#entries.get(address);
    if (entry !== undefined && entry.state !== 'passivated') {
      throw new RangeError(`Cannot activate actor "${address}" on worker ${workerId}: it is already ${entry.state} on worker ${entry.workerId}`);
    }
    this.#entries.set(address, { address, state: 'activating', workerId, lastUsedAt: now });
    this.#actorsOf(workerId).add(address);
  }

  /**
   * Records that the actor's activation finished.
   * @throws RangeError when the actor is not activating
   */
  activated(address: string, now: number): void {
    const entry = this.#entries.get(address);
    if (entry?.state !== 'activating') {
      throw new RangeError(`Cannot mark actor "${address}" active: it is not activating: current state is ${entry?.state ?? 'unknown'}`);
    }
    entry.state = 'active';
    entry.lastUsedAt = now;
  }

  /**
   * Records that the actor handled a message, for least-recently-used order.
   * @throws RangeError when the actor is passivated or unknown
   */
  touch(address: string, now: number): void {
    const entry = this.#entries.get(address);
    if (entry === undefined || entry.workerId === null) {
      throw new RangeError(`Cannot touch actor "${address}": it is not on a worker: current state is ${entry?.state ?? 'unknown'}`);
    }
    entry.lastUsedAt = now;
  }

  /**
   * Records that the actor was passivated (its state is in the snapshot store); it leaves its worker.
   * @throws RangeError when the actor is not active or activating
   */
  passivated(address: string): void {
    const entry = this.#entries.get(address);
    if (entry === undefined || entry.workerId === null) {
      throw new RangeError(`Cannot passivate actor "${address}": it is not on a worker: current state is ${entry?.state ?? 'unknown'}`);
    }
    this.#leaveWorker(entry);
  }

  /**
   * Passivates every actor of a worker that died, so each comes back from its latest snapshot.
   * @returns the addresses that were on the worker, sorted
   */
  workerLost(workerId: WorkerId): string[] {
    const addresses = this.actorsOn(workerId);
    for (const address of addresses) this.#leaveWorker(this.#entries.get(address) as MutableEntry);
    return addresses;
  }

  /**
   * Forgets the actor entirely, wherever it is.
   * @returns whether the table knew it
   */
  remove(address: string): boolean {
    const entry = this.#entries.get(address);
    if (entry === undefined) return false;
    if (entry.workerId !== null) this.#leaveWorker(entry);
    return this.#entries.delete(address);
  }

  /** Addresses of the active and activating actors on a worker, sorted. */
  actorsOn(workerId: WorkerId): string[] {
    return [...(this.#byWorker.get(workerId) ?? [])].sort();
  }

  /** How many active and activating actors a worker hosts. */
  countOn(workerId: WorkerId): number {
    return this.#byWorker.get(workerId)?.size ?? 0;
  }

  /** Every route, in insertion order (live read-only views). */
  entries(): IterableIterator<RouteEntry> {
    return this.#entries.values();
  }

  #actorsOf(workerId: WorkerId): Set<string> {
    let set = this.#byWorker.get(workerId);
    if (set === undefined) this.#byWorker.set(workerId, (set = new Set()));
    return set;
  }

  #leaveWorker(entry: MutableEntry): void {
    if (entry.workerId === null) return;
    const set = this.#byWorker.get(entry.workerId);
    set?.delete(entry.address);
    if (set?.size === 0) this.#byWorker.delete(entry.workerId);
    entry.state = 'passivated';
    entry.workerId = null;
  }
}
