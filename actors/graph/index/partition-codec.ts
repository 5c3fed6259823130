/**
 * Binary snapshot of a partition index, for the runtime's snapshot store (which adds the
 * checksum). Columns are written as raw little-endian arrays, 4-byte aligned:
 *
 * ```
 * "TSPI" | format u8 | 0 0 0 | version f64 | resolver id: u32 length, UTF-8, pad
 * segment count u32 | per segment: symbolCount u32, then per column in SEGMENT_COLUMNS order:
 *                                   u32 byte length, bytes, pad to 4
 * ```
 *
 * Decoding copies each column into its own exactly-sized array and rejects trailing bytes.
 *
 * @module
 */

import { SEGMENT_COLUMNS, type SegmentData } from './segment-data.js';
import { utf8Decode, utf8Encode } from './utf8.js';

/** The snapshot format this code writes and reads. */
export const SNAPSHOT_FORMAT = 1;
const MAGIC = [0x54, 0x53, 0x50, 0x49];

/** What a snapshot holds. */
export interface PartitionSnapshot {
  readonly version: number;
  readonly resolverId: string;
  readonly segments: readonly SegmentData[];
}

if (new Uint8Array(new Uint32Array([1]).buffer)[0] !== 1) throw new RangeError('Cannot load the partition codec: the platform is not little-endian');

const pad4 = (n: number): number => (n + 3) & ~3;

/**
 * Encodes a snapshot.
 *
 * @param snap The partition's state.
 * @returns The bytes.
 */
export function encodePartition(snap: PartitionSnapshot): Uint8Array {
  const id = utf8Encode(snap.resolverId);
  let size = 16 + 4 + pad4(id.length) + 4;
  for (const seg of snap.segments) {
    size += 4;
    for (const [name] of SEGMENT_COLUMNS) size += 4 + pad4(seg[name].byteLength);
  }
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  out.set(MAGIC, 0);
  out[4] = SNAPSHOT_FORMAT;
  view.setFloat64(8, snap.version, true);
  let pos = 16;
  const put = (bytes: Uint8Array): void => {
    view.setUint32(pos, bytes.byteLength, true);
    out.set(bytes, pos + 4);
    pos += 4 + pad4(bytes.byteLength);
  };
  put(id);
  view.setUint32(pos, snap.segments.length, true);
  pos += 4;
  for (const seg of snap.segments) {
    view.setUint32(pos, seg.symbolCount, true);
    pos += 4;
    for (const [name] of SEGMENT_COLUMNS) {
      const col = seg[name];
      put(new Uint8Array(col.buffer, col.byteOffset, col.byteLength));
    }
  }
  return out;
}

/**
 * Decodes a snapshot.
 *
 * @param bytes Bytes from {@link encodePartition}.
 * @returns The snapshot.
 * @throws {RangeError} When the bytes are not a snapshot of this format, are cut short, or have
 *   trailing bytes.
 */
export function decodePartition(bytes: Uint8Array): PartitionSnapshot {
  const r = new Reader(bytes);
  if (bytes.length < 16 || MAGIC.some((b, i) => bytes[i] !== b)) throw new RangeError('Cannot decode partition snapshot: bad magic');
  if (bytes[4] !== SNAPSHOT_FORMAT) throw new RangeError(`Cannot decode partition snapshot: unsupported format: current value is ${bytes[4]}`);
  const version = r.view.getFloat64(8, true);
  r.pos = 16;
  const idBytes = r.chunk();
  const resolverId = utf8Decode(idBytes, 0, idBytes.length);
  const count = r.u32();
  const segments: SegmentData[] = [];
  for (let s = 0; s < count; s++) {
    const seg: Record<string, unknown> = { symbolCount: r.u32() };
    for (const [name, type] of SEGMENT_COLUMNS) {
      const chunk = r.chunk();
      if (type === 'u32' && chunk.length % 4 !== 0) throw new RangeError(`Cannot decode partition snapshot: column "${name}" is not whole u32s: current value is ${chunk.length} bytes`);
      seg[name] = type === 'u8' ? chunk : new Uint32Array(chunk.buffer, 0, chunk.length / 4);
    }
    segments.push(seg as unknown as SegmentData);
  }
  if (r.pos !== bytes.length) throw new RangeError(`Cannot decode partition snapshot: ${bytes.length - r.pos} trailing bytes`);
  return { version, resolverId, segments };
}

/** A bounds-checked cursor. */
class Reader {
  readonly bytes: Uint8Array;
  readonly view: DataView;
  pos = 0;

  constructor(bytes: Uint8Array) {
    this.bytes = bytes;
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  u32(): number {
    this.#need(4);
    const v = this.view.getUint32(this.pos, true);
    this.pos += 4;
    return v;
  }

  /** A length-prefixed chunk, copied into a fresh buffer. */
  chunk(): Uint8Array {
    const len = this.u32();
    this.#need(pad4(len));
    // Uint8Array's slice copies; a Buffer's (Node) is a view, whose offset the u32 columns,
    // made from `out.buffer` at 0, would not honour.
    const out = Uint8Array.prototype.slice.call(this.bytes, this.pos, this.pos + len);
    this.pos += pad4(len);
    return out;
  }

  #need(n: number): void {
    if (this.pos + n > this.bytes.length) throw new RangeError(`Cannot decode partition snapshot: cut short at byte ${this.pos}`);
  }
}
