/**
 * Ranged reads of the bulk bytes in a stored snapshot (`f64 seq | persisted bytes`, whose bulk
 * is found from their trailer: runtime/actor/persisted-format.ts). Whether the file holds the
 * actor's latest state is the supervisor's call; this reads it.
 *
 * @module
 */

import { kPersistedTrailerBytes, locateBulk } from '../actor/persisted-format.js';
import { subRange, type RangeReader } from '../snapshot/range-reader.js';
import type { SnapshotStore } from '../snapshot/snapshot-store.js';
import { kSnapshotSeqBytes } from '../snapshot/snapshot-envelope.js';

const kBulkMemo = 'runtime.bulk';

/**
 * Hands `read` ranged reads of the bulk of `address`'s stored snapshot.
 * @returns what `read` returns; `undefined` when there is no file or no bulk, or the file cannot
 *   be read (a read that fails inside `read` included: the actor's next activation says why)
 * @throws what `read` throws of its own, and its RangeError for a range outside the bulk
 */
export function readBulkOfStoredActor<T>(store: SnapshotStore, address: string, read: (bulk: RangeReader) => T): T | undefined {
  let failure: { error: unknown } | undefined;
  let result: T | undefined;
  try {
    result = store.readPayloadSync(address, (payload) => {
      const bulk = bulkRange(payload);
      if (bulk === null) return undefined;
      const fileErrors = new WeakSet<object>();
      const range = subRange(payload, bulk.start, bulk.length);
      const guarded: RangeReader = {
        length: range.length,
        memo: range.memo,
        read: (offset, n) => {
          if (!(offset >= 0 && n >= 0 && offset + n <= range.length)) return range.read(offset, n); // the caller's mistake: its RangeError
          try {
            return range.read(offset, n);
          } catch (err) {
            if (typeof err === 'object' && err !== null) fileErrors.add(err);
            throw err;
          }
        },
      };
      try {
        return read(guarded);
      } catch (error) {
        // The file's failure goes on to the store (which closes the file) and becomes undefined.
        if (typeof error === 'object' && error !== null && fileErrors.has(error)) throw error;
        failure = { error };
        return undefined;
      }
    });
  } catch {
    return undefined;
  }
  if (failure) throw failure.error;
  return result;
}

/** Where a stored payload's bulk lies, read once per version of the file. */
function bulkRange(payload: RangeReader): { start: number; length: number } | null {
  const known = payload.memo.get(kBulkMemo) as { start: number; length: number } | null | undefined;
  if (known !== undefined) return known;
  const persisted = payload.length - kSnapshotSeqBytes;
  const at = locateBulk(payload.read(payload.length - kPersistedTrailerBytes, kPersistedTrailerBytes), persisted);
  const range = at === null ? null : { start: kSnapshotSeqBytes + at.start, length: at.length };
  payload.memo.set(kBulkMemo, range);
  return range;
}
