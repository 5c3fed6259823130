import { defineDirection, type MessageOf, type MessageOfKind, type KindOf } from './define-direction.js';

/**
 * Messages a client (the REPL, an editor plugin) sends to the daemon over its socket. Every one
 * is a request with an `id`, answered by a `result` or an `error` (DaemonToClient).
 * To add a kind, add an entry here and document it in docs/protocol.md.
 */
export const clientToDaemon = defineDirection('ClientToDaemon', {
  /** Runs graph query `op` with `args`. */
  query: { id: 'uint', op: 'string', args: 'any' },
  /** Liveness check (`pong`). */
  ping: { id: 'uint' },
  /** Asks for daemon and worker stats. */
  stats: { id: 'uint' },
  /** Starts `event` messages for `topics`. */
  subscribe: { id: 'uint', topics: 'string[]' },
  /** Stops `event` messages for `topics`. */
  unsubscribe: { id: 'uint', topics: 'string[]' },
  /** Answers once every file change seen so far is applied (queries then see it). */
  sync: { id: 'uint' },
  /** Lists `partitions` (range, files, version, resident or evicted, worker) or `workers`. */
  list: { id: 'uint', what: 'string' },
  /** Delivers `msg` to `actor` and answers with its reply. */
  send: { id: 'uint', actor: 'string', msg: 'any' },
  /** Passivates one actor (`kind/key`) to its snapshot, or every partition with `all`. */
  evict: { id: 'uint', actor: 'string' },
  /** Changes the runtime's memory budget, in bytes; evictions follow at once if it is exceeded. */
  budget: { id: 'uint', bytes: 'uint' },
  /** Asks the daemon to shut down gracefully. */
  shutdown: { id: 'uint' },
});

/** A message from a client to the daemon. */
export type ClientToDaemon = MessageOf<typeof clientToDaemon>;

/** A kind of {@link ClientToDaemon}. */
export type ClientToDaemonKind = KindOf<typeof clientToDaemon>;

/** The {@link ClientToDaemon} message of kind `K`. */
export type ClientToDaemonOf<K extends ClientToDaemonKind> = MessageOfKind<typeof clientToDaemon, K>;
