/**
 * String interning into one UTF-8 byte buffer. String `i` occupies `bytes[offsets[i],
 * offsets[i + 1])`; a hash table (open addressing with linear probing over an `Int32Array` of
 * `id + 1`, 0 = empty) maps a string to its id. Per string the cost is its UTF-8 bytes, a 4-byte
 * offset and 5–10 bytes of table: no JS string objects are kept.
 *
 * ```
 * bytes   | p a r s e | m a i n | s r c / a . t s | …
 * offsets 0           5         9                 17
 * table   [0, 2, 0, 0, 1, 3, 0, …]   slot = fnv1a(bytes) & mask, linear probing
 * ```
 *
 * @module
 */

import { utf8Decode, utf8EncodeScratch } from './utf8.js';

const MAX_LOAD = 0.6;

/** FNV-1a over a byte range. */
function hashBytes(bytes: Uint8Array, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) h = Math.imul(h ^ bytes[i]!, 0x01000193);
  return h >>> 0;
}

/** Interned strings: ids are dense, in insertion order. */
export class StringInterner {
  #bytes: Uint8Array;
  #byteLength: number;
  #offsets: Uint32Array;
  #count = 0;
  #table: Int32Array;

  /** @param expected A capacity hint in strings. */
  constructor(expected = 16) {
    this.#bytes = new Uint8Array(Math.max(64, expected * 8));
    this.#byteLength = 0;
    this.#offsets = new Uint32Array(Math.max(4, expected) + 1);
    this.#table = new Int32Array(tableSizeFor(expected));
  }

  /**
   * Rebuilds an interner from its serialized parts (see {@link StringInterner.parts}).
   *
   * @param bytes The concatenated UTF-8 bytes.
   * @param offsets `count + 1` offsets into `bytes`.
   * @returns The interner, with its hash table rebuilt.
   * @throws {RangeError} When the offsets are not monotone or exceed the bytes.
   */
  static fromParts(bytes: Uint8Array, offsets: Uint32Array): StringInterner {
    const count = offsets.length - 1;
    if (count < 0 || offsets[0] !== 0 || offsets[count] !== bytes.length) {
      throw new RangeError(`Cannot restore strings: offsets do not span the bytes: current value is ${offsets[count]} of ${bytes.length}`);
    }
    const s = new StringInterner(0);
    s.#bytes = bytes;
    s.#byteLength = bytes.length;
    s.#offsets = offsets;
    s.#table = new Int32Array(tableSizeFor(count));
    for (let id = 0; id < count; id++) {
      if (offsets[id]! > offsets[id + 1]!) throw new RangeError(`Cannot restore strings: offsets decrease at string ${id}`);
      s.#insertSlot(id);
    }
    s.#count = count;
    return s;
  }

  /** Number of distinct strings. */
  get size(): number {
    return this.#count;
  }

  /** The UTF-8 buffer (valid up to `byteEnd(size - 1)`). */
  get bytes(): Uint8Array {
    return this.#bytes;
  }

  /**
   * Returns the id of `text`, adding it if new.
   *
   * @param text The string.
   * @returns Its id.
   */
  intern(text: string): number {
    const enc = utf8EncodeScratch(text);
    const found = this.#find(enc);
    if (found >= 0) return found;
    return this.#append(enc);
  }

  /**
   * Returns the id of `text`, or -1 when it was never interned.
   *
   * @param text The string.
   * @returns Its id, or -1.
   */
  lookup(text: string): number {
    return this.#find(utf8EncodeScratch(text));
  }

  /** Decodes string `id`. */
  get(id: number): string {
    return utf8Decode(this.#bytes, this.#offsets[id]!, this.#offsets[id + 1]!);
  }

  /** First byte of string `id`. */
  byteStart(id: number): number {
    return this.#offsets[id]!;
  }

  /** One past the last byte of string `id`. */
  byteEnd(id: number): number {
    return this.#offsets[id + 1]!;
  }

  /** Shrinks the buffers to their contents and returns them (shared, not copied). */
  parts(): { bytes: Uint8Array; offsets: Uint32Array } {
    if (this.#bytes.length !== this.#byteLength) this.#bytes = this.#bytes.slice(0, this.#byteLength);
    if (this.#offsets.length !== this.#count + 1) this.#offsets = this.#offsets.slice(0, this.#count + 1);
    return { bytes: this.#bytes, offsets: this.#offsets };
  }

  /** Bytes held by the buffers and the hash table. */
  memoryBytes(): number {
    return this.#bytes.byteLength + this.#offsets.byteLength + this.#table.byteLength;
  }

  #find(enc: Uint8Array): number {
    const table = this.#table;
    const mask = table.length - 1;
    for (let slot = hashBytes(enc, 0, enc.length) & mask; ; slot = (slot + 1) & mask) {
      const entry = table[slot]!;
      if (entry === 0) return -1;
      if (this.#equals(entry - 1, enc)) return entry - 1;
    }
  }

  #equals(id: number, enc: Uint8Array): boolean {
    const start = this.#offsets[id]!;
    if (this.#offsets[id + 1]! - start !== enc.length) return false;
    const bytes = this.#bytes;
    for (let i = 0; i < enc.length; i++) if (bytes[start + i] !== enc[i]) return false;
    return true;
  }

  #append(enc: Uint8Array): number {
    const id = this.#count;
    if (this.#byteLength + enc.length > this.#bytes.length) {
      const next = new Uint8Array(Math.max(this.#byteLength + enc.length, this.#bytes.length * 2));
      next.set(this.#bytes.subarray(0, this.#byteLength));
      this.#bytes = next;
    }
    this.#bytes.set(enc, this.#byteLength);
    this.#byteLength += enc.length;
    if (id + 2 > this.#offsets.length) {
      const next = new Uint32Array(this.#offsets.length * 2);
      next.set(this.#offsets);
      this.#offsets = next;
    }
    this.#offsets[id + 1] = this.#byteLength;
    this.#count = id + 1;
    if (this.#count > this.#table.length * MAX_LOAD) this.#rehash();
    else this.#insertSlot(id);
    return id;
  }

  #insertSlot(id: number): void {
    const table = this.#table;
    const mask = table.length - 1;
    let slot = hashBytes(this.#bytes, this.#offsets[id]!, this.#offsets[id + 1]!) & mask;
    while (table[slot] !== 0) slot = (slot + 1) & mask;
    table[slot] = id + 1;
  }

  #rehash(): void {
    this.#table = new Int32Array(tableSizeFor(this.#count));
    for (let id = 0; id < this.#count; id++) this.#insertSlot(id);
  }
}

/** The smallest power of two that keeps `count` strings under the load limit. */
function tableSizeFor(count: number): number {
  let size = 16;
  while (size * MAX_LOAD < count + 1) size *= 2;
  return size;
}
