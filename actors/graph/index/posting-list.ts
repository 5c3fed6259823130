/**
 * Posting lists: strictly increasing file ids, stored as gaps in LEB128 varints (Russ Cox's
 * file-level trigram index). The first id is stored as is and each next one as `id - prev - 1`,
 * so dense lists cost one byte per posting. Set operations work on decoded `Uint32Array`s.
 *
 * @module
 */

import type { GrowableBytes } from './growable.js';

/**
 * Appends a strictly increasing list of ids as gap varints.
 *
 * @param out The byte buffer.
 * @param ids Strictly increasing ids.
 * @param start First index in `ids`.
 * @param end One past the last index.
 */
export function encodePostings(out: GrowableBytes, ids: Uint32Array, start: number, end: number): void {
  let prev = -1;
  for (let i = start; i < end; i++) {
    const id = ids[i]!;
    out.pushVarint(id - prev - 1);
    prev = id;
  }
}

/**
 * Decodes the gap varints in `bytes[start, end)`.
 *
 * @param bytes The posting bytes.
 * @param start First byte of the list.
 * @param end One past its last byte.
 * @returns The ids, increasing.
 */
export function decodePostings(bytes: Uint8Array, start: number, end: number): Uint32Array {
  // Each posting takes at least one byte, so the byte length bounds the count.
  const out = new Uint32Array(end - start);
  let n = 0;
  let prev = -1;
  let pos = start;
  while (pos < end) {
    let b = bytes[pos++]!;
    let v = b & 0x7f;
    for (let shift = 7; b & 0x80; shift += 7) {
      b = bytes[pos++]!;
      v += (b & 0x7f) * 2 ** shift;
    }
    prev = prev + 1 + v;
    out[n++] = prev;
  }
  return out.subarray(0, n);
}

/**
 * Intersects two increasing lists.
 *
 * @returns The ids in both, increasing.
 */
export function intersectPostings(a: Uint32Array, b: Uint32Array): Uint32Array {
  const out = new Uint32Array(Math.min(a.length, b.length));
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    if (x === y) {
      out[n++] = x;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return out.subarray(0, n);
}

/**
 * Unites two increasing lists.
 *
 * @returns The ids in either, increasing, without duplicates.
 */
export function unitePostings(a: Uint32Array, b: Uint32Array): Uint32Array {
  const out = new Uint32Array(a.length + b.length);
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length || j < b.length) {
    const x = i < a.length ? a[i]! : Infinity;
    const y = j < b.length ? b[j]! : Infinity;
    if (x <= y) {
      out[n++] = x;
      i++;
      if (x === y) j++;
    } else {
      out[n++] = y;
      j++;
    }
  }
  return out.subarray(0, n);
}
