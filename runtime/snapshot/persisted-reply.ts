import type { WireError } from '../../protocol/index.js';
import type { WrittenSnapshot } from './snapshot-store.js';

/**
 * A worker's answer to `checkpoint` and `passivate`: the temporary file it wrote the actor's
 * snapshot to, for the supervisor to install; or, when that write failed, the snapshot's bytes
 * and why, so the supervisor keeps them in memory and nothing is lost.
 */
export type PersistedReply = WrittenSnapshot | { readonly state: Uint8Array; readonly error: WireError };

/** True when the worker wrote the file (else it sent the bytes back). */
export function isWritten(reply: PersistedReply): reply is WrittenSnapshot {
  return typeof (reply as WrittenSnapshot).temp === 'string';
}
