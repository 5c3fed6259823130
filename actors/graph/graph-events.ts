/**
 * Events of a code graph, for subscribers (the daemon's `graph` topic, the REPL's `watch`).
 *
 * @module
 */

import type { ChangeOutcome } from './graph-changes.js';
import type { RebalanceOutcome } from './graph-rebalance.js';

/** Why files were re-indexed: a save seen by the watcher, a warm start's catch-up, a watcher rescan, an `applyChanges` call. */
export type ChangeCause = 'watch' | 'restart' | 'rescan' | 'call';

/** Something that happened to the graph. */
export type GraphEvent =
  | ({ readonly type: 'files.changed'; readonly cause: ChangeCause; readonly took_ms: number } & ChangeOutcome)
  | { readonly type: 'partition.reindexed'; readonly partition: number; readonly reason: string }
  | ({ readonly type: 'partitions.rebalanced'; readonly took_ms: number } & RebalanceOutcome);

/** Receives graph events; it must not throw (a throw is reported, not propagated). */
export type GraphEventListener = (event: GraphEvent) => void;

/** A set of listeners. */
export class GraphEvents {
  readonly #listeners = new Set<GraphEventListener>();

  /** @returns a function that removes the listener */
  add(listener: GraphEventListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Calls every listener; one that throws does not stop the others. */
  emit(event: GraphEvent): void {
    for (const listener of [...this.#listeners]) {
      try {
        listener(event);
      } catch (err) {
        // A subscriber's bug must not break the write path: surface it on its own turn.
        setImmediate(() => {
          throw err;
        });
      }
    }
  }
}
