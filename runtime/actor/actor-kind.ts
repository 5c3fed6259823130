import type { AnyActorRef, AnyStateMachine, EventFromLogic, SnapshotFrom } from 'xstate';

/** What an actor's state becomes on disk: the persisted XState snapshot plus bulk bytes. */
export interface PersistedActor {
  /** `actor.getPersistedSnapshot()`, or the kind's own plain-data form of it. */
  snapshot: unknown;
  /**
   * Large data kept outside the snapshot (indexes, blobs), as bytes. Stored last in the
   * snapshot file, so it can be read in ranges without activating the actor
   * (`Supervisor.readStoredBulk`). On restore it may be a view into a larger buffer: copy what
   * is kept.
   */
  bulk?: Uint8Array;
  /**
   * `persist` may give the bulk in parts instead, written back to back without joining them
   * (`restore` gets them as one `bulk`).
   */
  bulkParts?: readonly Uint8Array[];
}

/**
 * An actor kind: a module that exports an XState v5 machine plus how to persist, restore and
 * size its actors. Workers load kinds by module path, so a kind must be importable on its own.
 *
 * Actors must be deterministic (same events, same state): after a worker crash the runtime
 * rebuilds an actor by replaying acknowledged messages onto its latest snapshot.
 */
export interface ActorKind<TMachine extends AnyStateMachine = AnyStateMachine> {
  /** The machine every actor of this kind runs. */
  machine: TMachine;
  /** Turns a message into the event sent to the actor (default: the message itself). */
  toEvent?: (message: unknown) => EventFromLogic<TMachine>;
  /** The reply to an ask, read after the event was processed (default: the context). */
  reply?: (snapshot: SnapshotFrom<TMachine>, message: unknown) => unknown;
  /** Persists an actor (default: `{ snapshot: actor.getPersistedSnapshot() }`). */
  persist?: (actor: AnyActorRef) => PersistedActor;
  /** Turns persisted data back into the snapshot `createActor` takes (default: `persisted.snapshot`). */
  restore?: (persisted: PersistedActor) => unknown;
  /** Estimated bytes of memory an actor holds, for placement and eviction. */
  estimateBytes?: (snapshot: SnapshotFrom<TMachine>) => number;
  /**
   * Builds an actor's state from scratch when its snapshot is corrupt (called with the actor's
   * key); absent: the actor restarts from the machine's initial state and the loss is reported.
   */
  rebuild?: (key: string) => PersistedActor | undefined;
}

/**
 * Declares an actor kind (an identity function that checks the shape at compile time).
 * @example
 * export default defineActorKind({ machine: counterMachine, reply: (s) => s.context.count });
 */
export function defineActorKind<TMachine extends AnyStateMachine>(kind: ActorKind<TMachine>): ActorKind<TMachine> {
  return kind;
}
