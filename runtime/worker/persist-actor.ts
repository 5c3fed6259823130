import { toWireError } from '../../protocol/index.js';
import { wrapSnapshotParts } from '../snapshot/snapshot-envelope.js';
import type { SnapshotStore } from '../snapshot/snapshot-store.js';
import type { PersistedReply } from '../snapshot/persisted-reply.js';

/**
 * Writes an actor's persisted bytes, covering journal number `seq`, to a temporary snapshot file
 * on this thread, so its state never crosses to the supervisor's thread (which only renames the
 * file into place). A failed write hands the bytes back instead: the supervisor keeps them.
 */
export async function persistActor(store: SnapshotStore, address: string, seq: number, state: Uint8Array): Promise<PersistedReply> {
  try {
    return await store.writeTemporary(address, wrapSnapshotParts(seq, state));
  } catch (err) {
    return { state, error: toWireError(err) };
  }
}
