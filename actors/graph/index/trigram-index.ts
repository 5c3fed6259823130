/**
 * A file-level trigram index (Russ Cox, "Regular Expression Matching with a Trigram Index"):
 * for every trigram that occurs in some document, the increasing list of ids of the documents
 * that contain it. The documents are the partition's search chunks (content-chunks.ts): whole
 * files, or line-aligned pieces of big ones. Three flat arrays, no objects per trigram:
 *
 * ```
 * keys      [ 0x616263, 0x626364, … ]          sorted distinct trigrams (binary search)
 * starts    [ 0, 3, 5, … ]                     keys.length + 1 byte offsets into postings
 * postings  | gap varints of list 0 | list 1 | …
 * ```
 *
 * Building uses two 2 MiB bitsets over the 2^24 trigram space (one to de-duplicate a file's
 * trigrams, one to collect the distinct keys), kept between builds and cleared sparsely.
 *
 * @module
 */

import { GrowableBytes, GrowableU32 } from './growable.js';
import { decodePostings, encodePostings } from './posting-list.js';
import { foldByte } from './trigram.js';

/** The serializable arrays of a trigram index. */
export interface TrigramIndexData {
  readonly keys: Uint32Array;
  readonly starts: Uint32Array;
  readonly postings: Uint8Array;
}

const EMPTY = new Uint32Array(0);
let fileSeen: Uint32Array | undefined;
let anySeen: Uint32Array | undefined;

/** Read access to a built trigram index. */
export class TrigramIndex {
  readonly data: TrigramIndexData;

  /** @param data Arrays from {@link buildTrigramIndex} or a snapshot. */
  constructor(data: TrigramIndexData) {
    this.data = data;
  }

  /**
   * The documents that contain a trigram.
   *
   * @param trigram A packed, folded trigram.
   * @returns Increasing document ids (empty when none has it).
   */
  files(trigram: number): Uint32Array {
    const k = this.#find(trigram);
    if (k < 0) return EMPTY;
    return decodePostings(this.data.postings, this.data.starts[k]!, this.data.starts[k + 1]!);
  }

  /** The encoded size of a trigram's list: a cheap estimate of its length for query planning. */
  listBytes(trigram: number): number {
    const k = this.#find(trigram);
    return k < 0 ? 0 : this.data.starts[k + 1]! - this.data.starts[k]!;
  }

  /** Bytes held. */
  memoryBytes(): number {
    return this.data.keys.byteLength + this.data.starts.byteLength + this.data.postings.byteLength;
  }

  #find(trigram: number): number {
    const keys = this.data.keys;
    let lo = 0;
    let hi = keys.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const k = keys[mid]!;
      if (k === trigram) return mid;
      if (k < trigram) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }
}

/**
 * Builds the index over documents.
 *
 * @param content All documents' UTF-8 bytes, concatenated.
 * @param fileStart `count + 1` offsets: document `f` is `content[fileStart[f], fileStart[f + 1])`.
 * @returns The index arrays.
 */
export function buildTrigramIndex(content: Uint8Array, fileStart: Uint32Array): TrigramIndexData {
  const fileCount = fileStart.length - 1;
  const { pairs, pairStart, distinct } = collectPairs(content, fileStart);
  distinct.sort();
  const rank = new RankTable(distinct);
  const counts = new Uint32Array(distinct.length + 1);
  // Trigrams become their ranks in place: one hash probe per pair.
  for (let i = 0; i < pairs.length; i++) {
    const r = rank.get(pairs[i]!);
    pairs[i] = r;
    counts[r + 1]!++;
  }
  for (let k = 1; k <= distinct.length; k++) counts[k]! += counts[k - 1]!;
  // Files are visited in increasing id order, so every list fills in increasing order.
  const ids = new Uint32Array(pairs.length);
  const cursor = counts.slice(0, distinct.length);
  for (let f = 0; f < fileCount; f++) {
    for (let i = pairStart[f]!; i < pairStart[f + 1]!; i++) ids[cursor[pairs[i]!]!++] = f;
  }
  const out = new GrowableBytes(pairs.length + 16);
  const starts = new Uint32Array(distinct.length + 1);
  for (let k = 0; k < distinct.length; k++) {
    encodePostings(out, ids, counts[k]!, counts[k + 1]!);
    starts[k + 1] = out.length;
  }
  return { keys: distinct, starts, postings: out.toArray() };
}

/** Each file's distinct trigrams, concatenated, and the sorted-later set of all trigrams seen. */
function collectPairs(content: Uint8Array, fileStart: Uint32Array): { pairs: Uint32Array; pairStart: Uint32Array; distinct: Uint32Array } {
  fileSeen ??= new Uint32Array(1 << 19);
  anySeen ??= new Uint32Array(1 << 19);
  const seen = fileSeen;
  const any = anySeen;
  const fileCount = fileStart.length - 1;
  const pairs = new GrowableU32(content.length >>> 2);
  const distinct = new GrowableU32(4096);
  const pairStart = new Uint32Array(fileCount + 1);
  for (let f = 0; f < fileCount; f++) {
    const first = pairs.length;
    const end = fileStart[f + 1]!;
    let t = 0;
    for (let i = fileStart[f]!; i < end; i++) {
      t = ((t << 8) | foldByte(content[i]!)) & 0xffffff;
      if (i - fileStart[f]! < 2) continue;
      const bit = 1 << (t & 31);
      if (seen[t >>> 5]! & bit) continue;
      seen[t >>> 5]! |= bit;
      pairs.push(t);
      if (!(any[t >>> 5]! & bit)) {
        any[t >>> 5]! |= bit;
        distinct.push(t);
      }
    }
    for (let i = first; i < pairs.length; i++) seen[pairs.get(i) >>> 5] = 0;
    pairStart[f + 1] = pairs.length;
  }
  const keys = distinct.toArray();
  for (const t of keys) any[t >>> 5] = 0;
  return { pairs: pairs.toArray(), pairStart, distinct: keys };
}

/** Maps each distinct trigram to its rank in the sorted key array (open addressing). */
class RankTable {
  readonly #keys: Int32Array;
  readonly #ranks: Uint32Array;
  readonly #mask: number;

  constructor(sorted: Uint32Array) {
    let size = 16;
    while (size < sorted.length * 2) size *= 2;
    this.#keys = new Int32Array(size).fill(-1);
    this.#ranks = new Uint32Array(size);
    this.#mask = size - 1;
    for (let r = 0; r < sorted.length; r++) {
      let slot = this.#slot(sorted[r]!);
      while (this.#keys[slot] !== -1) slot = (slot + 1) & this.#mask;
      this.#keys[slot] = sorted[r]!;
      this.#ranks[slot] = r;
    }
  }

  get(trigram: number): number {
    let slot = this.#slot(trigram);
    while (this.#keys[slot] !== trigram) slot = (slot + 1) & this.#mask;
    return this.#ranks[slot]!;
  }

  #slot(trigram: number): number {
    return (Math.imul(trigram, 0x9e3779b1) >>> 8) & this.#mask;
  }
}
