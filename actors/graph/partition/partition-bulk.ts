/**
 * A partition's bulk bytes: its index, then its def table, then a trailer that says where each
 * is. The trailer sits at the very end, so the def table can be found in a stored snapshot with
 * ranged reads from its end (see index/def-table.ts and `Supervisor.readStoredBulk`).
 *
 * ```
 * index (i bytes) | def table (d bytes) | u32 LE i | u32 LE d | "TPBK"
 * ```
 *
 * @module
 */

import { subRanges, type ByteRanges } from '../index/index.js';

/**
 * The layout of a partition's stored bulk, recorded in the graph manifest (a store written with
 * another is discarded and indexed afresh): 1 was the index alone; 2 adds the def table and the
 * trailer; 3 has the def table in blocks (format 2 of index/def-table.ts). Bump it when this
 * layout, the def table's or the index codec's format (`SNAPSHOT_FORMAT`) changes.
 */
export const kPartitionBulkFormat = 3;
const kTrailerBytes = 12;
/** "TPBK" read as a little-endian uint32. */
const kMagic = 0x4b425054;

/** An index and its def table as bulk bytes in parts (index, table, trailer), copying neither. */
export function bulkParts(index: Uint8Array, defTable: Uint8Array): Uint8Array[] {
  const trailer = new Uint8Array(kTrailerBytes);
  const view = new DataView(trailer.buffer);
  view.setUint32(0, index.length, true);
  view.setUint32(4, defTable.length, true);
  view.setUint32(8, kMagic, true);
  return [index, defTable, trailer];
}

/** The index bytes of bulk bytes (a view). @throws RangeError when the trailer is not valid */
export function indexOfBulk(bulk: Uint8Array): Uint8Array {
  const { index } = parts(bulk.length, bulk.subarray(bulk.length - kTrailerBytes));
  return bulk.subarray(0, index);
}

/**
 * The def table of stored bulk bytes, as ranged reads.
 * @returns `null` when the trailer is not valid
 */
export function defTableOfBulk(bulk: ByteRanges): ByteRanges | null {
  let at = bulk.memo?.get(kPartsMemo) as { index: number; defs: number } | null | undefined;
  if (at === undefined) {
    try {
      at = parts(bulk.length, bulk.read(bulk.length - kTrailerBytes, kTrailerBytes));
    } catch {
      at = null;
    }
    bulk.memo?.set(kPartsMemo, at);
  }
  return at === null ? null : subRanges(bulk, at.index, at.defs);
}

/** Memo key of the trailer's offsets, read once per version of the bytes. */
const kPartsMemo = 'graph.partitionBulk';

function parts(length: number, trailer: Uint8Array): { index: number; defs: number } {
  if (length < kTrailerBytes) throw new RangeError(`Cannot read partition bulk: ${length} bytes is shorter than its trailer`);
  const view = new DataView(trailer.buffer, trailer.byteOffset, kTrailerBytes);
  const index = view.getUint32(0, true);
  const defs = view.getUint32(4, true);
  if (view.getUint32(8, true) !== kMagic || index + defs + kTrailerBytes !== length) throw new RangeError('Cannot read partition bulk: its trailer is not valid');
  return { index, defs };
}
