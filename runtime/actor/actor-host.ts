import { createActor, type AnyActorRef } from 'xstate';
import { tesseraError } from '../../protocol/index.js';
import type { ActorKind } from './actor-kind.js';
import { parseActorAddress } from './actor-address.js';
import { decodePersisted, encodePersisted } from './persisted-format.js';

interface HostedActor {
  readonly address: string;
  readonly kind: ActorKind;
  readonly ref: AnyActorRef;
  failure: unknown;
}

/** One hosted actor, as stats report it. */
export interface HostedActorStats {
  address: string;
  bytes: number;
  status: string;
}

/**
 * The actors one worker thread runs: activation from persisted bytes, delivery, replies,
 * checkpoints and passivation. No threads or I/O here, so it is tested in-process.
 * Every failure is a coded error; an actor whose machine throws is dropped and reported,
 * never left half-alive.
 */
export class ActorHost {
  readonly #kinds: ReadonlyMap<string, ActorKind>;
  readonly #actors = new Map<string, HostedActor>();

  constructor(kinds: ReadonlyMap<string, ActorKind>) {
    this.#kinds = kinds;
  }

  /** Number of actors running here. */
  get size(): number {
    return this.#actors.size;
  }

  /** True when the actor runs here. */
  has(address: string): boolean {
    return this.#actors.has(address);
  }

  /**
   * Starts an actor from its persisted bytes (or fresh), then replays messages acknowledged
   * since that snapshot, in order.
   * @returns the actor's estimated size in bytes
   * @throws ERR_ACTOR_KIND_UNKNOWN, ERR_ACTOR_FAILED (restore or replay threw)
   */
  activate(address: string, state: Uint8Array | undefined, replay: readonly unknown[] = [], rebuild = false): number {
    const { kind: kindName, key } = parseActorAddress(address);
    const kind = this.#kinds.get(kindName);
    if (!kind) throw tesseraError('ERR_ACTOR_KIND_UNKNOWN', { kind: kindName, known: [...this.#kinds.keys()].join(', ') });
    this.#actors.get(address)?.ref.stop();
    let snapshot: unknown;
    const persisted = state !== undefined ? decodePersisted(state) : rebuild ? kind.rebuild?.(key) : undefined;
    if (persisted !== undefined) snapshot = kind.restore ? kind.restore(persisted) : persisted.snapshot;
    const hosted: HostedActor = { address, kind, ref: undefined as unknown as AnyActorRef, failure: undefined };
    const ref = createActor(kind.machine, snapshot === undefined ? {} : { snapshot: snapshot as never });
    // Subscribing to errors keeps XState from rethrowing them as uncaught; we report them instead.
    ref.subscribe({ error: (err: unknown) => (hosted.failure = err) });
    (hosted as { ref: AnyActorRef }).ref = ref;
    this.#actors.set(address, hosted);
    ref.start();
    this.#check(hosted);
    for (const message of replay) this.tell(address, message);
    return this.#bytes(hosted);
  }

  /**
   * Delivers a message.
   * @throws ERR_ACTOR_NOT_ACTIVE, ERR_ACTOR_FAILED
   */
  tell(address: string, message: unknown): void {
    const hosted = this.#get(address);
    hosted.ref.send((hosted.kind.toEvent ? hosted.kind.toEvent(message) : message) as never);
    this.#check(hosted);
  }

  /**
   * Delivers a message and returns the kind's reply, read after the event was processed.
   * @throws ERR_ACTOR_NOT_ACTIVE, ERR_ACTOR_FAILED
   */
  ask(address: string, message: unknown): unknown {
    this.tell(address, message);
    const hosted = this.#get(address);
    const snapshot = hosted.ref.getSnapshot() as { context: unknown };
    return hosted.kind.reply ? hosted.kind.reply(snapshot as never, message) : snapshot.context;
  }

  /** Persists an actor without stopping it. @throws ERR_ACTOR_NOT_ACTIVE */
  checkpoint(address: string): Uint8Array {
    const hosted = this.#get(address);
    const persisted = hosted.kind.persist ? hosted.kind.persist(hosted.ref) : { snapshot: hosted.ref.getPersistedSnapshot() };
    return encodePersisted(persisted);
  }

  /** Persists and stops an actor. @returns its persisted bytes @throws ERR_ACTOR_NOT_ACTIVE */
  passivate(address: string): Uint8Array {
    const bytes = this.checkpoint(address);
    this.#get(address).ref.stop();
    this.#actors.delete(address);
    return bytes;
  }

  /** Stops an actor without persisting it (its state is lost here; the supervisor keeps the log). */
  drop(address: string): boolean {
    const hosted = this.#actors.get(address);
    hosted?.ref.stop();
    return this.#actors.delete(address);
  }

  /** Every actor here with its estimated size. */
  stats(): HostedActorStats[] {
    return [...this.#actors.values()].map((h) => ({ address: h.address, bytes: this.#bytes(h), status: (h.ref.getSnapshot() as { status: string }).status }));
  }

  #get(address: string): HostedActor {
    const hosted = this.#actors.get(address);
    if (!hosted) throw tesseraError('ERR_ACTOR_NOT_ACTIVE', { actor: address });
    return hosted;
  }

  /** An actor whose machine threw is dropped: its state is no longer trustworthy. */
  #check(hosted: HostedActor): void {
    const snapshot = hosted.ref.getSnapshot() as { status: string; error?: unknown };
    if (snapshot.status !== 'error' && hosted.failure === undefined) return;
    const cause = hosted.failure ?? snapshot.error;
    this.#actors.delete(hosted.address);
    hosted.ref.stop();
    throw tesseraError('ERR_ACTOR_FAILED', { actor: hosted.address, reason: cause instanceof Error ? cause.message : String(cause) });
  }

  #bytes(hosted: HostedActor): number {
    return hosted.kind.estimateBytes ? hosted.kind.estimateBytes(hosted.ref.getSnapshot() as never) : 0;
  }
}
