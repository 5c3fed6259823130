import { defineDirection, type MessageOf, type MessageOfKind, type KindOf } from './define-direction.js';

/**
 * Messages the supervisor sends to a worker. Requests carry a numeric `id`; the worker answers
 * each with a `result` or a `failure` of the same id (WorkerToSupervisor). `actor` is an actor
 * address, `"kind/key"`. To add a kind, add an entry here and document it in docs/protocol.md.
 */
export const supervisorToWorker = defineDirection('SupervisorToWorker', {
  /**
   * Starts an actor from its persisted `state` (or fresh, or through the kind's rebuild hook when
   * `rebuild` is set), then applies `replay`: the messages acknowledged since that state.
   */
  activate: { id: 'uint', actor: 'string', state: 'bytes?', replay: 'any?', rebuild: 'bool?' },
  /** Delivers `msg` to an actor; no reply. `seq` is its journal number (in `actor_failed`). */
  tell: { actor: 'string', seq: 'uint', msg: 'any' },
  /** Delivers `msg` and expects a reply; `seq` is 0 for read-only asks; `idempotent` allows a retry after a crash. */
  ask: { id: 'uint', actor: 'string', seq: 'uint', msg: 'any', idempotent: 'bool?' },
  /**
   * Persists an actor without stopping it: the worker writes its snapshot, covering journal
   * number `seq`, to a temporary file in the snapshot directory and answers with the file's
   * name and size (`{ temp, bytes }`), or, when the file cannot be written, with the persisted
   * bytes and why (`{ state, error }`); the supervisor installs the file or keeps the bytes.
   */
  checkpoint: { id: 'uint', actor: 'string', seq: 'uint' },
  /** Persists an actor as `checkpoint` does (the same answer), then stops it. */
  passivate: { id: 'uint', actor: 'string', seq: 'uint' },
  /** Stops an actor without persisting it (it failed; the supervisor rebuilds it from its snapshot). */
  drop: { actor: 'string' },
  /** Asks for the worker's stats (`stats_reply`). */
  stats: { id: 'uint', gc: 'bool?' },
  /** Liveness check; `t` is echoed in the `pong`. */
  ping: { id: 'uint', t: 'number?' },
  /** Asks the worker to passivate everything and exit. */
  shutdown: { id: 'uint' },
});

/** A message from the supervisor to a worker. */
export type SupervisorToWorker = MessageOf<typeof supervisorToWorker>;

/** A kind of {@link SupervisorToWorker}. */
export type SupervisorToWorkerKind = KindOf<typeof supervisorToWorker>;

/** The {@link SupervisorToWorker} message of kind `K`. */
export type SupervisorToWorkerOf<K extends SupervisorToWorkerKind> = MessageOfKind<typeof supervisorToWorker, K>;
