import { defineDirection, type MessageOf, type MessageOfKind, type KindOf } from './define-direction.js';

/**
 * Messages a worker sends to the supervisor. `ready` opens the conversation and carries
 * PROTOCOL_VERSION; `result`/`failure` answer a request by its `id`; the rest are events.
 * To add a kind, add an entry here and document it in docs/protocol.md.
 */
export const workerToSupervisor = defineDirection('WorkerToSupervisor', {
  /** Handshake: the worker's protocol version and its slot number. */
  ready: { version: 'uint', worker: 'uint' },
  /** The answer to request `id`. */
  result: { id: 'uint', value: 'any' },
  /** Request `id` failed. */
  failure: { id: 'uint', error: 'error' },
  /** An actor crashed outside any request (a failure event, never a throw). */
  actor_failed: { actor: 'string', seq: 'uint', error: 'error' },
  /** The answer to `stats`. */
  stats_reply: { id: 'uint', heapUsed: 'uint', actors: 'any' },
  /** The answer to `ping`, echoing `t`. */
  pong: { id: 'uint', t: 'number?' },
  /** A log line for the supervisor's logger. */
  log: { level: 'string', msg: 'string' },
});

/** A message from a worker to the supervisor. */
export type WorkerToSupervisor = MessageOf<typeof workerToSupervisor>;

/** A kind of {@link WorkerToSupervisor}. */
export type WorkerToSupervisorKind = KindOf<typeof workerToSupervisor>;

/** The {@link WorkerToSupervisor} message of kind `K`. */
export type WorkerToSupervisorOf<K extends WorkerToSupervisorKind> = MessageOfKind<typeof workerToSupervisor, K>;
