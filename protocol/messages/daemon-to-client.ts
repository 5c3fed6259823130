import { defineDirection, type MessageOf, type MessageOfKind, type KindOf } from './define-direction.js';

/**
 * Messages the daemon sends to a client: answers by request `id`, and events for subscribed
 * topics. Errors go to clients without stacks. To add a kind, add an entry here and document
 * it in docs/protocol.md.
 */
export const daemonToClient = defineDirection('DaemonToClient', {
  /** The answer to request `id`; `took_us` is the daemon-side time in microseconds. */
  result: { id: 'uint', value: 'any', took_us: 'number?' },
  /** Request `id` failed. */
  error: { id: 'uint', error: 'error' },
  /** An event on a subscribed topic. */
  event: { topic: 'string', data: 'any' },
  /** The answer to `ping`. */
  pong: { id: 'uint' },
});

/** A message from the daemon to a client. */
export type DaemonToClient = MessageOf<typeof daemonToClient>;

/** A kind of {@link DaemonToClient}. */
export type DaemonToClientKind = KindOf<typeof daemonToClient>;

/** The {@link DaemonToClient} message of kind `K`. */
export type DaemonToClientOf<K extends DaemonToClientKind> = MessageOfKind<typeof daemonToClient, K>;
