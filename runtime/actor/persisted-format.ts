/**
 * The bytes of a persisted actor: its snapshot as msgpack, then its bulk bytes raw, then an
 * 8-byte trailer. The bulk comes last and its length sits at the very end so that a reader can
 * find it from the end of a stored file with two small reads, without decoding the snapshot:
 * a kind can then lay out its bulk for ranged reads (see `Supervisor.readStoredBulk`).
 *
 * ```
 * msgpack(snapshot) | bulk (b bytes) | u32 LE b, or 0xffffffff when there is no bulk | "PBLK"
 * ```
 *
 * @module
 */

import { decodeValue, encodeValue } from '../../protocol/index.js';
import type { PersistedActor } from './actor-kind.js';
import { stripUndefined } from './plain-snapshot.js';

/** Bytes of the trailer at the end of persisted bytes. */
export const kPersistedTrailerBytes = 8;
/** "PBLK" read as a little-endian uint32. */
const kTrailerMagic = 0x4b4c4250;
const kNoBulk = 0xffffffff;

/** Encodes a persisted actor. @throws RangeError for a bulk of 4 GiB - 1 bytes or more */
export function encodePersisted(persisted: PersistedActor): Uint8Array {
  const snapshot = encodeValue(stripUndefined(persisted.snapshot));
  const bulk = persisted.bulkParts ?? (persisted.bulk === undefined ? undefined : [persisted.bulk]);
  const bulkLength = bulk?.reduce((n, part) => n + part.length, 0) ?? 0;
  if (bulkLength >= kNoBulk) throw new RangeError(`Cannot persist actor: bulk must be under ${kNoBulk} bytes: current length is ${bulkLength}`);
  const out = new Uint8Array(snapshot.length + bulkLength + kPersistedTrailerBytes);
  out.set(snapshot, 0);
  let at = snapshot.length;
  for (const part of bulk ?? []) {
    out.set(part, at);
    at += part.length;
  }
  const trailer = new DataView(out.buffer, out.length - kPersistedTrailerBytes);
  trailer.setUint32(0, bulk === undefined ? kNoBulk : bulkLength, true);
  trailer.setUint32(4, kTrailerMagic, true);
  return out;
}

/**
 * Where the bulk lies in persisted bytes of `length` bytes, from their last 8 bytes.
 * @returns the bulk's byte range, `null` when the actor has none
 * @throws RangeError when the trailer is not one this code writes
 */
export function locateBulk(trailer: Uint8Array, length: number): { start: number; length: number } | null {
  if (trailer.length !== kPersistedTrailerBytes || length < kPersistedTrailerBytes) throw new RangeError(`Cannot read persisted actor: ${length} bytes is shorter than its trailer`);
  const view = new DataView(trailer.buffer, trailer.byteOffset, kPersistedTrailerBytes);
  if (view.getUint32(4, true) !== kTrailerMagic) throw new RangeError('Cannot read persisted actor: its trailer has the wrong magic number');
  const bulkLength = view.getUint32(0, true);
  if (bulkLength === kNoBulk) return null;
  const start = length - kPersistedTrailerBytes - bulkLength;
  if (start < 0) throw new RangeError(`Cannot read persisted actor: its trailer announces ${bulkLength} bytes of bulk in ${length} bytes`);
  return { start, length: bulkLength };
}

/**
 * Decodes persisted bytes; the bulk is a view into `bytes`, not a copy.
 * @throws RangeError when the trailer is not valid; the codec's errors when the snapshot is not
 */
export function decodePersisted(bytes: Uint8Array): PersistedActor {
  const bulk = locateBulk(bytes.subarray(bytes.length - kPersistedTrailerBytes), bytes.length);
  const snapshotEnd = bulk === null ? bytes.length - kPersistedTrailerBytes : bulk.start;
  const snapshot = decodeValue(bytes.subarray(0, snapshotEnd));
  return bulk === null ? { snapshot } : { snapshot, bulk: bytes.subarray(bulk.start, bulk.start + bulk.length) };
}
