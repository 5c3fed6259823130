/**
 * Many short strings held as one: the names concatenated, each followed by NUL, and a
 * `Uint32Array` of where each starts. Two million names cost their characters plus 5 bytes
 * each, instead of a string object (16 bytes of header, rounded up) and an array slot apiece.
 *
 * @module
 */

import { GrowableU32 } from './index/index.js';

/** An immutable column of names, by index. */
export class NameColumn {
  readonly #text: string;
  readonly #starts: Uint32Array;
  /** Bytes held (one per Latin-1 character, two otherwise; shared storage counted by each owner). */
  readonly bytes: number;

  private constructor(text: string, starts: Uint32Array) {
    this.#text = text;
    this.#starts = starts;
    this.bytes = text.length * (/^[\0-\xff]*$/.test(text) ? 1 : 2) + starts.byteLength;
  }

  /**
   * @param names - the names, none holding NUL
   * @returns the column
   */
  static of(names: readonly string[]): NameColumn {
    const builder = new NameColumnBuilder();
    for (const name of names) builder.push(name);
    return builder.build();
  }

  /**
   * The lower-cased column, sharing this one's storage when lower-casing changes nothing (most
   * code identifiers).
   */
  toLowerCase(): NameColumn {
    const lower = this.#text.toLowerCase();
    if (lower === this.#text) return this;
    // Lower-casing can change a name's length ('İ' becomes two code units): offsets then differ.
    if (lower.length === this.#text.length) return new NameColumn(lower, this.#starts);
    const names = Array.from({ length: this.length }, (_, i) => this.get(i).toLowerCase());
    return NameColumn.of(names);
  }

  /** @internal A column over a joined text (see {@link NameColumnBuilder}). */
  static fromText(text: string, starts: Uint32Array): NameColumn {
    return new NameColumn(text, starts);
  }

  /** Names held. */
  get length(): number {
    return this.#starts.length - 1;
  }

  /** Name `i` (a slice of the shared string: no copy). */
  get(i: number): string {
    return this.#text.slice(this.#starts[i], this.#starts[i + 1]! - 1);
  }

  /** Whether name `i` equals `s`, without slicing. */
  equals(i: number, s: string): boolean {
    const start = this.#starts[i]!;
    return this.#starts[i + 1]! - 1 - start === s.length && this.#text.startsWith(s, start);
  }

  /** Whether name `i` starts with `prefix`, without slicing. */
  startsWith(i: number, prefix: string): boolean {
    const start = this.#starts[i]!;
    return this.#starts[i + 1]! - 1 - start >= prefix.length && this.#text.startsWith(prefix, start);
  }
}

/**
 * Appends names one by one, joining them in chunks, so that a column of millions of names is
 * built without an array of millions of strings.
 */
export class NameColumnBuilder {
  readonly #parts: string[] = [];
  #chunk: string[] = [];
  readonly #starts = new GrowableU32();
  #at = 0;

  /** Appends a name (holding no NUL). */
  push(name: string): void {
    this.#starts.push(this.#at);
    this.#at += name.length + 1;
    this.#chunk.push(name);
    if (this.#chunk.length === kChunk) this.#flush();
  }

  /** The column of every name pushed. */
  build(): NameColumn {
    this.#flush();
    this.#starts.push(this.#at);
    return NameColumn.fromText(this.#parts.join(''), this.#starts.toArray());
  }

  #flush(): void {
    if (this.#chunk.length > 0) this.#parts.push(`${this.#chunk.join('\0')}\0`);
    this.#chunk = [];
  }
}

const kChunk = 4096;
