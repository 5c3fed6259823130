/**
 * A partition's definitions laid out for lookup by name with two small reads, so `def NAME`
 * over a partition that is not in memory reads a few hundred bytes of its stored snapshot
 * instead of loading the whole index (tens of milliseconds on the kernel, and under memory
 * pressure it first evicts another partition).
 *
 * ```
 * offset  size  field
 *      0     4  magic "TDEF"
 *      4     1  format (1), then 3 bytes of padding
 *      8     8  the partition index's version (float64 LE)
 *     16     4  bucket count b, a power of two (uint32 LE)
 *     20     4  distinct names (uint32 LE)
 *     24  8(b+1)  directory: per bucket its start (relative to the body) and the CRC-32 of its
 *              bytes; entry b holds the body's length
 *   24+8(b+1)   body: per bucket, msgpack [[name, [[kind, path, line, column, endLine,
 *              enclosing, signature], …]], …], names in sort order, hits as `findDefs` gives
 *              them (path, line, column order)
 * ```
 *
 * A name lives in bucket `nameHash(name) & (b - 1)`; buckets hold about two names.
 *
 * @module
 */

import { crc32 } from 'node:zlib';
import { Packr, unpack } from 'msgpackr';
import type { PartitionView } from './partition-view.js';
import type { DefHit, HitPage } from './query-types.js';
import { findDefs } from './symbol-queries.js';

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
const kFormat = 1;
const kHeaderBytes = 24;
const kDirectoryEntryBytes = 8;
const kNamesPerBucket = 2;
const packr = new Packr({ useRecords: false });

type Row = [kind: string, path: string, line: number, column: number, endLine: number, enclosing: string | null, signature: string];

/** FNV-1a over UTF-16 code units: the same in every thread and process. */
export function nameHash(name: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/**
 * Encodes every live definition of a partition.
 * @param view - the partition
 * @param version - its index version, stored so a reader can tell the table is current
 */
export function encodeDefTable(view: PartitionView, version: number): Uint8Array {
  const names = new Set<string>();
  for (const seg of view.segments) {
    for (let sym = 0; sym < seg.data.symbolCount; sym++) if (seg.liveDefs[sym]! > 0) names.add(seg.strings.get(sym));
  }
  const bucketCount = Math.max(1, 2 ** Math.ceil(Math.log2(Math.max(1, names.size / kNamesPerBucket))));
  const buckets: [string, Row[]][][] = Array.from({ length: bucketCount }, () => []);
  for (const name of [...names].sort()) {
    const rows = findDefs(view, name, Infinity).hits.map((h): Row => [h.kind, h.path, h.line, h.column, h.endLine, h.enclosing, h.signature]);
    buckets[nameHash(name) & (bucketCount - 1)]!.push([name, rows]);
  }
  const bodies = buckets.map((b) => (b.length === 0 ? new Uint8Array(0) : packr.pack(b)));
  const bodyStart = kHeaderBytes + kDirectoryEntryBytes * (bucketCount + 1);
  const out = new Uint8Array(bodyStart + bodies.reduce((n, b) => n + b.length, 0));
  const view32 = new DataView(out.buffer);
  view32.setUint32(0, kMagic, true);
  out[4] = kFormat;
  view32.setFloat64(8, version, true);
  view32.setUint32(16, bucketCount, true);
  view32.setUint32(20, names.size, true);
  let at = 0;
  bodies.forEach((body, i) => {
    view32.setUint32(kHeaderBytes + kDirectoryEntryBytes * i, at, true);
    view32.setUint32(kHeaderBytes + kDirectoryEntryBytes * i + 4, crc32(body), true);
    out.set(body, bodyStart + at);
    at += body.length;
  });
  view32.setUint32(kHeaderBytes + kDirectoryEntryBytes * bucketCount, at, true);
  return out;
}

/**
 * The definitions named `name` from a def table, as `findDefs` answers.
 * @param version - the partition version the caller expects
 * @returns the first `limit` hits and the total, or `null` when the table is of another
 *   version or format, or damaged (its bucket's CRC does not match): ask the partition
 */
export function lookupDefTable(table: ByteRanges, name: string, limit: number, version: number): HitPage<DefHit> | null {
  const at = tableLayout(table);
  if (at === null || at.version !== version) return null;
  const bucket = nameHash(name) & (at.bucketCount - 1);
  const entry = dataView(table.read(kHeaderBytes + kDirectoryEntryBytes * bucket, kDirectoryEntryBytes + 4));
  const start = entry.getUint32(0, true);
  const end = entry.getUint32(kDirectoryEntryBytes, true);
  if (end < start || at.bodyStart + end > table.length) return null;
  if (end === start) return { hits: [], total: 0 };
  const bytes = table.read(at.bodyStart + start, end - start);
  if (crc32(bytes) !== entry.getUint32(4, true)) return null;
  const entries = unpack(bytes) as [string, Row[]][];
  const rows = entries.find((e) => e[0] === name)?.[1] ?? [];
  const hits = rows.slice(0, limit).map(([kind, path, line, column, endLine, enclosing, signature]): DefHit => ({ name, kind, path, line, column, endLine, enclosing, signature }));
  return { hits, total: rows.length };
}

interface TableLayout {
  readonly version: number;
  readonly bucketCount: number;
  readonly bodyStart: number;
}

const kLayoutMemo = 'graph.defTable';

/** The table's header, read once per version of the bytes; `null` when it is not a table this code reads. */
function tableLayout(table: ByteRanges): TableLayout | null {
  const known = table.memo?.get(kLayoutMemo) as TableLayout | null | undefined;
  if (known !== undefined) return known;
  const layout = readLayout(table);
  table.memo?.set(kLayoutMemo, layout);
  return layout;
}

function readLayout(table: ByteRanges): TableLayout | null {
  if (table.length < kHeaderBytes) return null;
  const header = dataView(table.read(0, kHeaderBytes));
  if (header.getUint32(0, true) !== kMagic || header.getUint8(4) !== kFormat) return null;
  const bucketCount = header.getUint32(16, true);
  if (bucketCount === 0 || (bucketCount & (bucketCount - 1)) !== 0) return null;
  const bodyStart = kHeaderBytes + kDirectoryEntryBytes * (bucketCount + 1);
  if (bodyStart > table.length) return null;
  return { version: header.getFloat64(8, true), bucketCount, bodyStart };
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
