/**
 * A partition's definitions laid out for lookup by name with one small read, so `def NAME`
 * over a partition that is not in memory reads a few kilobytes of its stored snapshot instead
 * of loading the whole index (tens of milliseconds on the kernel, and under memory pressure it
 * first evicts another partition).
 *
 * ```
 * offset  size  field
 *      0     4  magic "TDEF"
 *      4     1  format (2), then 3 bytes of padding
 *      8     8  the partition index's version (float64 LE)
 *     16     4  bucket count b, a power of two (uint32 LE)
 *     20     4  entries: (name, segment) pairs with live definitions (uint32 LE)
 *     24     4  block count n (uint32 LE)
 *     28     4  where the block index starts (uint32 LE, from the table's start)
 *     32        body: blocks back to back, each a u32 CRC-32 of the rest of the block, then
 *              the entries of buckets [first, next block's first), bucket by bucket; an entry,
 *              one per (name, segment) with live definitions: u32 entry bytes | u32 name bytes |
 *              name (UTF-8) | u32 rows | rows (index/def-rows.ts) in the segment's (path, line,
 *              column) order
 *  index        block index: per block u32 first bucket, u32 start (from the table's start);
 *              then u32 the body's end
 * ```
 *
 * A block closes once it holds {@link kBlockBytes} (a bucket never straddles two), so a
 * lookup is one read of about a page: the block index, 8 bytes per block (0.2% of the table),
 * is read once per version of the bytes and kept in the reader's memo. On a machine whose page
 * cache is cold, every read is a trip to the disk, and format 1 took two per partition (a
 * directory entry per bucket, then the bucket), with a directory too large to keep in memory.
 *
 * Rows are copied from the segments' columns as bytes, never decoded into strings, so writing
 * the table costs about what serializing the index does. A name with definitions in several
 * segments has one entry per segment; a lookup merges them by path (live paths are in one
 * segment each), as `findDefs` does.
 *
 * A name lives in bucket `nameHash(UTF-8 of name) & (b - 1)`; buckets hold about two names.
 *
 * @module
 */

import { crc32 } from 'node:zlib';
import { buildCsr } from '../rank/index.js';
import { kNoString, readDefRows } from './def-rows.js';
import { GrowableBytes } from './growable-bytes.js';
import type { PartitionView } from './partition-view.js';
import type { DefHit, HitPage } from './query-types.js';
import { mergeByPath } from './symbol-queries.js';
import { NONE } from './segment-data.js';
import { upperBound } from './sorted-search.js';
import type { Segment } from './segment.js';

/** Ranged reads of a def table's bytes (an in-memory array or a range of a file). */
export interface ByteRanges {
  readonly length: number;
  /** Where a reader may keep what it derived from these bytes while they stay the same (by key). */
  readonly memo?: Map<string, unknown>;
  /** @throws when the range is outside the bytes or cannot be read */
  read(offset: number, length: number): Uint8Array;
}

/** "TDEF" read as a little-endian uint32. */
const kMagic = 0x46454454;
const kFormat = 2;
const kHeaderBytes = 32;
const kIndexEntryBytes = 8;
const kNamesPerBucket = 2;
/** A block closes once it holds this many bytes: about one page per lookup. */
const kBlockBytes = 4096;

/** FNV-1a over bytes (a name's UTF-8): the same in every thread and process. */
export function nameHash(bytes: Uint8Array, start = 0, end = bytes.length): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) h = Math.imul(h ^ bytes[i]!, 0x01000193);
  return h >>> 0;
}

/**
 * Encodes every live definition of a partition.
 * @param view - the partition
 * @param version - its index version, stored so a reader can tell the table is current
 */
export function encodeDefTable(view: PartitionView, version: number): Uint8Array {
  const { segs, syms, hashes } = liveDefNames(view);
  const count = syms.length;
  const bucketCount = Math.max(1, 2 ** Math.ceil(Math.log2(Math.max(1, count / kNamesPerBucket))));
  const buckets = buildCsr(bucketCount, hashes.map((h) => h & (bucketCount - 1)), Int32Array.from({ length: count }, (_, i) => i));
  const out = new GrowableBytes(kHeaderBytes + 64 * count);
  out.skip(kHeaderBytes);
  const index: number[] = [];
  let blockAt = -1;
  const closeBlock = (): void => {
    if (blockAt >= 0) out.patchU32(blockAt, crc32(out.view(blockAt + 4, out.length)));
    blockAt = -1;
  };
  for (let b = 0; b < bucketCount; b++) {
    const from = buckets.offsets[b]!;
    const to = buckets.offsets[b + 1]!;
    if (from === to) continue;
    if (blockAt < 0) {
      // The block covers the empty buckets before this one too.
      index.push(index.length === 0 ? 0 : b, out.length);
      blockAt = out.length;
      out.u32(0); // its CRC, patched when it closes
    }
    for (let k = from; k < to; k++) {
      const i = buckets.columns[k]!;
      writeEntry(out, view.segments[segs[i]!]!, syms[i]!);
    }
    if (out.length - blockAt >= kBlockBytes) closeBlock();
  }
  closeBlock();
  const indexAt = out.length;
  for (const v of index) out.u32(v);
  out.u32(indexAt);
  const bytes = out.bytes();
  const header = new DataView(bytes.buffer, bytes.byteOffset, kHeaderBytes);
  header.setUint32(0, kMagic, true);
  bytes[4] = kFormat;
  header.setFloat64(8, version, true);
  header.setUint32(16, bucketCount, true);
  header.setUint32(20, count, true);
  header.setUint32(24, index.length / 2, true);
  header.setUint32(28, indexAt, true);
  return bytes;
}

/** Every (segment, symbol) with live definitions, and the hash of its name. */
function liveDefNames(view: PartitionView): { segs: Int32Array; syms: Int32Array; hashes: Int32Array } {
  let count = 0;
  for (const seg of view.segments) for (let sym = 0; sym < seg.data.symbolCount; sym++) if (seg.liveDefs[sym]! > 0) count++;
  const segs = new Int32Array(count);
  const syms = new Int32Array(count);
  const hashes = new Int32Array(count);
  let n = 0;
  view.segments.forEach((seg, s) => {
    const { stringBytes, stringOffsets } = seg.data;
    for (let sym = 0; sym < seg.data.symbolCount; sym++) {
      if (seg.liveDefs[sym]! === 0) continue;
      segs[n] = s;
      syms[n] = sym;
      hashes[n++] = nameHash(stringBytes, stringOffsets[sym], stringOffsets[sym + 1]);
    }
  });
  return { segs, syms, hashes };
}

/** One (name, segment) entry: the name, then its live rows in the segment's order. */
function writeEntry(out: GrowableBytes, seg: Segment, sym: number): void {
  const d = seg.data;
  const entryAt = out.length;
  out.u32(0); // patched below
  writeString(out, seg, sym);
  const rowsAt = out.length;
  out.u32(0);
  let rows = 0;
  for (let k = d.defNameStart[sym]!; k < d.defNameStart[sym + 1]!; k++) {
    const row = d.defByName[k]!;
    const f = seg.fileOfDef(row);
    if (seg.isDead(f)) continue;
    rows++;
    out.u32(d.defLine[row]!);
    out.u32(d.defColumn[row]!);
    out.u32(d.defEndLine[row]!);
    writeString(out, seg, d.defKind[row]!);
    writeString(out, seg, d.filePath[f]!);
    writeString(out, seg, d.defEnclosing[row]!);
    writeString(out, seg, d.defSignature[row]!);
  }
  out.patchU32(rowsAt, rows);
  out.patchU32(entryAt, out.length - entryAt);
}

function writeString(out: GrowableBytes, seg: Segment, id: number): void {
  if (id === NONE) {
    out.u32(kNoString);
    return;
  }
  const { stringBytes, stringOffsets } = seg.data;
  out.u32(stringOffsets[id + 1]! - stringOffsets[id]!);
  out.append(stringBytes, stringOffsets[id], stringOffsets[id + 1]);
}

/**
 * The definitions named `name` from a def table, as `findDefs` answers.
 * @param version - the partition version the caller expects
 * @returns the first `limit` hits and the total, or `null` when the table is of another
 *   version or format, or damaged (its block's CRC does not match): ask the partition
 */
export function lookupDefTable(table: ByteRanges, name: string, limit: number, version: number): HitPage<DefHit> | null {
  const at = tableLayout(table);
  if (at === null || at.version !== version) return null;
  if (at.blocks === 0) return { hits: [], total: 0 };
  const key = Buffer.from(name, 'utf8');
  // The last block whose first bucket is at most the name's (block 0 starts at bucket 0).
  const block = upperBound(at.firstBuckets, nameHash(key) & (at.bucketCount - 1)) - 1;
  const start = at.starts[block]!;
  const bytes = table.read(start, at.starts[block + 1]! - start);
  const view = dataView(bytes);
  if (crc32(bytes.subarray(4)) !== view.getUint32(0, true)) return null;
  return readEntries(bytes, 4, key, name, limit);
}

/** The hits of `name` among a block's entries (one per segment and name), merged by path. */
function readEntries(bytes: Uint8Array, from: number, key: Buffer, name: string, limit: number): HitPage<DefHit> | null {
  const view = dataView(bytes);
  const lists: DefHit[][] = [];
  let total = 0;
  for (let at = from; at < bytes.length; ) {
    const size = view.getUint32(at, true);
    const nameBytes = view.getUint32(at + 4, true);
    if (size < 12 || at + size > bytes.length) return null;
    const nameAt = at + 8;
    if (nameBytes === key.length && key.equals(bytes.subarray(nameAt, nameAt + nameBytes))) {
      const rows = view.getUint32(nameAt + nameBytes, true);
      total += rows;
      lists.push(readDefRows(bytes, view, nameAt + nameBytes + 4, Math.min(rows, limit), name));
    }
    at += size;
  }
  return { hits: mergeByPath(lists, limit), total };
}

interface TableLayout {
  readonly version: number;
  readonly bucketCount: number;
  readonly blocks: number;
  /** Per block, the first bucket it covers. */
  readonly firstBuckets: Uint32Array;
  /** Per block, where it starts; then where the body ends (n + 1 entries). */
  readonly starts: Uint32Array;
}

const kLayoutMemo = 'graph.defTable';

/** The table's header and block index, read once per version of the bytes; `null` when it is not a table this code reads. */
function tableLayout(table: ByteRanges): TableLayout | null {
  const known = table.memo?.get(kLayoutMemo) as TableLayout | null | undefined;
  if (known !== undefined) return known;
  let layout: TableLayout | null;
  try {
    layout = readLayout(table);
  } catch (err) {
    // Bytes too short for what the header says: not a table; a failed read is the caller's.
    if (!(err instanceof RangeError)) throw err;
    layout = null;
  }
  table.memo?.set(kLayoutMemo, layout);
  return layout;
}

function readLayout(table: ByteRanges): TableLayout | null {
  if (table.length < kHeaderBytes) return null;
  const header = dataView(table.read(0, kHeaderBytes));
  if (header.getUint32(0, true) !== kMagic || header.getUint8(4) !== kFormat) return null;
  const bucketCount = header.getUint32(16, true);
  const blocks = header.getUint32(24, true);
  const indexAt = header.getUint32(28, true);
  if (bucketCount === 0 || (bucketCount & (bucketCount - 1)) !== 0 || blocks > bucketCount) return null;
  if (indexAt < kHeaderBytes || indexAt + kIndexEntryBytes * blocks + 4 !== table.length) return null;
  const index = dataView(table.read(indexAt, kIndexEntryBytes * blocks + 4));
  const firstBuckets = new Uint32Array(blocks);
  const starts = new Uint32Array(blocks + 1);
  for (let i = 0; i < blocks; i++) {
    firstBuckets[i] = index.getUint32(8 * i, true);
    starts[i] = index.getUint32(8 * i + 4, true);
  }
  starts[blocks] = index.getUint32(8 * blocks, true);
  // Blocks in order, inside the body, each at least its CRC; buckets rising from 0.
  for (let i = 0; i < blocks; i++) {
    if (starts[i]! < kHeaderBytes || starts[i + 1]! < starts[i]! + 4 || (i > 0 && firstBuckets[i]! <= firstBuckets[i - 1]!)) return null;
  }
  if ((blocks > 0 && firstBuckets[0] !== 0) || starts[blocks] !== indexAt || (blocks > 0 && firstBuckets[blocks - 1]! >= bucketCount)) return null;
  return { version: header.getFloat64(8, true), bucketCount, blocks, firstBuckets, starts };
}

/**
 * The bytes `[start, start + length)` of `outer`, sharing its memo.
 * @throws RangeError from `read` for a range outside them
 */
export function subRanges(outer: ByteRanges, start: number, length: number): ByteRanges {
  return {
    length,
    ...(outer.memo ? { memo: outer.memo } : {}),
    read: (offset, n) => {
      if (offset < 0 || n < 0 || offset + n > length) throw new RangeError(`Cannot read ${n} bytes at ${offset}: the range holds ${length} bytes`);
      return outer.read(start + offset, n);
    },
  };
}

/** A def table held in memory as ranged reads. */
export function bytesAsRanges(bytes: Uint8Array): ByteRanges {
  return {
    length: bytes.length,
    read(offset, n) {
      if (offset < 0 || n < 0 || offset + n > bytes.length) throw new RangeError(`Cannot read ${n} bytes at ${offset}: the table holds ${bytes.length} bytes`);
      return bytes.subarray(offset, offset + n);
    },
  };
}

function dataView(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
