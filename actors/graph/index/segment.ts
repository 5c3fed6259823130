/**
 * One immutable index segment (columns in segment-data.ts) plus its only mutable state: which
 * of its files are dead (replaced or removed later) and the live definition/reference counts
 * per symbol that completion ranks by. Queries skip dead files; merging segments drops them.
 *
 * @module
 */

import { NONE, SEGMENT_COLUMNS, type SegmentData } from './segment-data.js';
import { StringInterner } from './string-interner.js';
import { TrigramIndex } from './trigram-index.js';
import { utf8Decode } from './utf8.js';
import { upperBound } from './sorted-search.js';

/** A segment with lookups over its columns. */
export class Segment {
  readonly data: SegmentData;
  readonly strings: StringInterner;
  readonly trigrams: TrigramIndex;
  /** Live definitions per symbol id. */
  readonly liveDefs: Uint32Array;
  /** Live references per symbol id. */
  readonly liveRefs: Uint32Array;
  #paths: string[] | undefined;
  #contentBuffer: Buffer | undefined;
  #liveFiles: number;
  #liveBytes: number;

  /** @param data Columns from buildSegment() or a snapshot; `data.dead` is adopted, not copied. */
  constructor(data: SegmentData) {
    this.data = data;
    this.strings = StringInterner.fromParts(data.stringBytes, data.stringOffsets);
    this.trigrams = new TrigramIndex({ keys: data.triKeys, starts: data.triStarts, postings: data.triPostings });
    this.liveDefs = new Uint32Array(data.symbolCount);
    this.liveRefs = new Uint32Array(data.symbolCount);
    for (let s = 0; s < data.symbolCount; s++) {
      this.liveDefs[s] = data.defNameStart[s + 1]! - data.defNameStart[s]!;
      this.liveRefs[s] = data.refNameStart[s + 1]! - data.refNameStart[s]!;
    }
    this.#liveFiles = this.fileCount;
    this.#liveBytes = data.contentBytes.length;
    const dead = [...data.dead.keys()].filter((f) => data.dead[f] === 1);
    data.dead.fill(0);
    this.kill(dead);
  }

  /** Number of files, dead ones included. */
  get fileCount(): number {
    return this.data.filePath.length;
  }

  /** Number of live files. */
  get liveFiles(): number {
    return this.#liveFiles;
  }

  /** Content bytes of live files. */
  get liveBytes(): number {
    return this.#liveBytes;
  }

  /** Content bytes of all files. */
  get totalBytes(): number {
    return this.data.contentBytes.length;
  }

  /** Whether file `f` was replaced or removed. */
  isDead(f: number): boolean {
    return this.data.dead[f] === 1;
  }

  /** The path of file `f`. */
  path(f: number): string {
    this.#paths ??= Array.from(this.data.filePath, (id) => this.strings.get(id));
    return this.#paths[f]!;
  }

  /** The language of file `f`. */
  language(f: number): string {
    return this.strings.get(this.data.fileLang[f]!);
  }

  /** The text of file `f`. */
  text(f: number): string {
    return utf8Decode(this.data.contentBytes, this.data.contentStart[f]!, this.data.contentStart[f + 1]!);
  }

  /** Number of search chunks. */
  get chunkCount(): number {
    return this.data.chunkFile.length;
  }

  /** The text of search chunk `c`. */
  chunkText(c: number): string {
    return utf8Decode(this.data.contentBytes, this.data.chunkStart[c]!, this.data.chunkStart[c + 1]!);
  }

  /** `data.contentBytes` as a Buffer view (not a copy), for native byte search. */
  get contentBuffer(): Buffer {
    const bytes = this.data.contentBytes;
    this.#contentBuffer ??= Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    return this.#contentBuffer;
  }

  /** The symbol id of `name`, or -1 when no tag in this segment has that name. */
  symbol(name: string): number {
    const id = this.strings.lookup(name);
    return id < this.data.symbolCount ? id : -1;
  }

  /** The string with id `id`, or `null` for {@link NONE}. */
  stringOrNull(id: number): string | null {
    return id === NONE ? null : this.strings.get(id);
  }

  /** The file that definition row `row` belongs to. */
  fileOfDef(row: number): number {
    return upperBound(this.data.fileDefStart, row) - 1;
  }

  /** The file that import row `row` belongs to. */
  fileOfImport(row: number): number {
    return upperBound(this.data.fileImportStart, row) - 1;
  }

  /**
   * Marks files dead and takes their tags out of the live counts.
   *
   * @param files Ids of files to kill; already dead ones are ignored.
   */
  kill(files: readonly number[]): void {
    const { dead, fileDefStart, defName, refFile, refNameStart, contentStart } = this.data;
    const fresh = files.filter((f) => dead[f] === 0);
    if (fresh.length === 0) return;
    // 2 marks "dying in this batch" for the reference pass below, then becomes 1 (dead).
    for (const f of fresh) {
      dead[f] = 2;
      this.#liveFiles--;
      this.#liveBytes -= contentStart[f + 1]! - contentStart[f]!;
      for (let row = fileDefStart[f]!; row < fileDefStart[f + 1]!; row++) this.liveDefs[defName[row]!]!--;
    }
    // One pass over the reference rows serves the whole batch.
    let sym = 0;
    for (let row = 0; row < refFile.length; row++) {
      while (refNameStart[sym + 1]! <= row) sym++;
      if (dead[refFile[row]!] === 2) this.liveRefs[sym]!--;
    }
    for (const f of fresh) dead[f] = 1;
  }

  /** Bytes held by the columns, the string table's hash and the live counts. */
  memoryBytes(): number {
    let n = this.liveDefs.byteLength + this.liveRefs.byteLength;
    for (const [name] of SEGMENT_COLUMNS) n += this.data[name].byteLength;
    return n + this.strings.memoryBytes() - this.data.stringBytes.byteLength - this.data.stringOffsets.byteLength;
  }
}
