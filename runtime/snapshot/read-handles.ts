/**
 * Snapshot files kept open for ranged reads, least recently used closed first. Reopening and
 * re-checking a header costs more than the small reads it serves; a handle is dropped as soon
 * as its file is replaced or deleted, so it never serves an older version for long (and a
 * handle to a replaced file still reads that older version whole, never a mix).
 *
 * @module
 */

import { closeSync } from 'node:fs';

/** An open snapshot file: where its payload lies, and a scratch map for what callers derive from its bytes. */
export interface OpenPayload {
  readonly fd: number;
  readonly start: number;
  readonly length: number;
  /** Lives exactly as long as this version of the file is open (offsets read from it, by key). */
  readonly memo: Map<string, unknown>;
}

/** Open files by file name. */
export class ReadHandles {
  readonly #capacity: number;
  /** In order of last use, oldest first. */
  readonly #open = new Map<string, OpenPayload>();

  constructor(capacity: number) {
    this.#capacity = capacity;
  }

  /** The open file `name`, now the most recently used. */
  get(name: string): OpenPayload | undefined {
    const handle = this.#open.get(name);
    if (handle !== undefined) {
      this.#open.delete(name);
      this.#open.set(name, handle);
    }
    return handle;
  }

  /** Keeps `handle` open, closing the least recently used beyond the capacity. */
  add(name: string, handle: OpenPayload): void {
    this.drop(name);
    this.#open.set(name, handle);
    for (const [oldest] of this.#open) {
      if (this.#open.size <= this.#capacity) break;
      this.drop(oldest);
    }
  }

  /** Closes file `name` if it is open (its file changed, or a read failed). */
  drop(name: string): void {
    const handle = this.#open.get(name);
    if (handle === undefined) return;
    this.#open.delete(name);
    closeSync(handle.fd);
  }

  /** Closes every file. */
  clear(): void {
    for (const name of [...this.#open.keys()]) this.drop(name);
  }

  get size(): number {
    return this.#open.size;
  }
}
