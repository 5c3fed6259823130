import { tesseraError } from '../../protocol/index.js';
import { unwrapSnapshot } from '../snapshot/snapshot-envelope.js';
import type { SnapshotStore } from '../snapshot/snapshot-store.js';

/**
 * Reads and verifies an actor's stored snapshot on this thread, so its state never crosses from
 * the supervisor's thread (which only read the journal number it covers, `seq`, to choose what
 * to replay).
 * @returns the persisted bytes
 * @throws TesseraError `ERR_SNAPSHOT_CORRUPT` (a damaged file, none at all, or one covering
 *   another journal number: the supervisor rebuilds the actor), `ERR_SNAPSHOT_IO`
 */
export async function loadActor(store: SnapshotStore, address: string, seq: number): Promise<Uint8Array> {
  const stored = await store.get(address);
  const path = store.pathOf(address);
  if (stored === undefined) throw tesseraError('ERR_SNAPSHOT_CORRUPT', { address, path, reason: 'the file is gone' });
  let snapshot: { seq: number; state: Uint8Array };
  try {
    snapshot = unwrapSnapshot(stored);
  } catch (err) {
    throw tesseraError('ERR_SNAPSHOT_CORRUPT', { address, path, reason: (err as Error).message });
  }
  if (snapshot.seq !== seq) throw tesseraError('ERR_SNAPSHOT_CORRUPT', { address, path, reason: `it covers journal number ${snapshot.seq}, not ${seq}` });
  // A plain Uint8Array, as bytes from the ring are: a Buffer's slice() is a view, not a copy.
  return new Uint8Array(snapshot.state.buffer, snapshot.state.byteOffset, snapshot.state.byteLength);
}
