/**
 * What the placement policy sees of the worker pool: plain data, rebuilt by the supervisor from
 * its worker handles and their latest heap reports.
 */

/** A worker slot's id: its index in the pool, stable across restarts of that slot. */
export type WorkerId = number;

/** Lifecycle of a worker as the supervisor tracks it. Only `'ready'` workers take actors. */
export type WorkerStatus = 'starting' | 'ready' | 'draining' | 'dead';

/** One worker, as placement sees it. */
export interface WorkerView {
  readonly id: WorkerId;
  readonly status: WorkerStatus;
  /** Heap used, from the worker's latest report. */
  readonly heapUsedBytes: number;
  /**
   * Estimated bytes of actors placed on the worker that its latest heap report does not yet
   * include (placed since that report); the supervisor resets it when a report arrives.
   */
  readonly pendingBytes: number;
  /** Actors placed on the worker (active or activating). */
  readonly actorCount: number;
}

/** The whole pool. */
export interface ClusterView {
  readonly workers: readonly WorkerView[];
}

/** A request to place a new activation. */
export interface SpawnRequest {
  /** The actor kind's registered name. */
  readonly kind: string;
  /** The actor's key within its kind. */
  readonly key: string;
  /** Estimated memory of the actor once active; the caller adds it to the chosen worker's `pendingBytes`. */
  readonly estimatedBytes?: number;
}
