/**
 * `def` for names defined in many partitions, from one file. A name like `probe` or `driver`
 * is defined in 20–60 of the kernel's partitions, and its first hundred definitions span most
 * of them: one stored-table read each (stored-defs.ts), 15–50 µs apiece when the page cache has
 * let the block go, over 1 ms in all. This table holds, for every name defined in at least
 * `minPartitions` partitions, its first `rows` definitions in path order (what `def NAME
 * --limit rows` answers) and its total, so such a `def` is one read.
 *
 * Built in the background once the completion table is current, from the partitions' stored
 * def tables, in slices of a few milliseconds between which queries run; abandoned when any
 * partition changes meanwhile. An answer is used only while every partition that defines the
 * name is at the version it was read at; otherwise (and for a limit past the rows kept, or a
 * name not in the table) the query goes to the partitions as before.
 *
 * File: each name's rows back to back (index/def-rows.ts), in the graph's snapshot directory;
 * the name → (offset, rows, total) index is in memory (a few MB for the whole kernel's widely
 * defined names).
 *
 * @module
 */

import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { CompletionTable } from './completion-table.js';
import type { GraphRouter } from './graph-router.js';
import { GrowableBytes, readDefRows, writeDefRow, type DefHit } from './index/index.js';
import type { Answer } from './query-context.js';
import { defRow } from './query-result.js';
import type { StoredDefs } from './stored-defs.js';

/** What {@link WideDefs} keeps, when, and where. */
export interface WideDefsOptions {
  /**
   * Where its files go, in a `session-<pid>-wide-*` directory: the graph's snapshot
   * directory, where opening a graph removes the sessions of dead processes.
   */
  readonly dir: string;
  /** Names defined in at least this many partitions are kept. */
  readonly minPartitions: number;
  /** Definitions kept per name: a `def` with a larger limit (of a name with more) asks the partitions. */
  readonly rows: number;
}

/** Counters for stats. */
export interface WideDefsStats {
  /** Names in the current table. */
  readonly names: number;
  /** Bytes of its file. */
  readonly bytes: number;
  /** How long its build took, from start to the last slice (ms); 0 before the first. */
  readonly buildMs: number;
  /** `def` answers read from it. */
  readonly answered: number;
}

/** Work between two yields to the event loop while building. */
const kSliceMs = 4;

interface Built {
  readonly fd: number;
  readonly path: string;
  readonly bytes: number;
  /** Per name: slot in the arrays below. */
  readonly slots: Map<string, number>;
  readonly at: Float64Array;
  readonly length: Uint32Array;
  readonly rows: Uint32Array;
  readonly totals: Uint32Array;
  /** Every partition's version when the build started (none changed until it ended). */
  readonly versions: ReadonlyMap<number, number>;
}

/** The table of widely defined names' first definitions. */
export class WideDefs {
  readonly #o: WideDefsOptions;
  #dir: string | null = null;
  #built: Built | null = null;
  #builds = 0;
  #buildMs = 0;
  #answered = 0;
  #closed = false;

  constructor(options: WideDefsOptions) {
    if (!(options.minPartitions >= 2) || !(options.rows >= 1)) throw new RangeError(`Cannot keep wide definitions: minPartitions must be >= 2 and rows >= 1: current values are ${options.minPartitions}, ${options.rows}`);
    this.#o = options;
  }

  /** Counters for stats. */
  stats(): WideDefsStats {
    const b = this.#built;
    return { names: b?.slots.size ?? 0, bytes: b?.bytes ?? 0, buildMs: this.#buildMs, answered: this.#answered };
  }

  /**
   * Builds the table afresh from `table` and the partitions' stored def tables, yielding
   * between slices; replaces the current one when done.
   * @param yieldNow - resolves once queries waiting meanwhile have run
   * @returns whether it finished; `false` when a partition changed meanwhile or this was
   *   closed. A name one of whose partitions' stored tables is not current is left out.
   * @throws Error from the file system (the current table is kept)
   */
  async build(table: CompletionTable, router: GraphRouter, stored: StoredDefs, yieldNow: () => Promise<void>): Promise<boolean> {
    if (this.#closed) return false;
    const started = performance.now();
    const stamp = router.stamp;
    const versions = new Map(router.all().map((id) => [id, router.version(id)]));
    this.#dir ??= mkdtempSync(join(this.#o.dir, `session-${process.pid}-wide-`));
    const path = join(this.#dir, `wide-${++this.#builds}.bin`);
    const fd = openSync(path, 'w+');
    const out = new GrowableBytes(1 << 16);
    let flushed = 0;
    const slots = new Map<string, number>();
    const at: number[] = [];
    const length: number[] = [];
    const rows: number[] = [];
    const totals: number[] = [];
    const flush = (): void => {
      const bytes = out.view(0, out.length);
      for (let done = 0; done < bytes.length; ) done += writeSync(fd, bytes, done, bytes.length - done, flushed + done);
      flushed += bytes.length;
      out.clear();
    };
    let ok = false;
    try {
      let slice = performance.now();
      for (const { name, ids, counts } of table.widelyDefined(this.#o.minPartitions)) {
        if (performance.now() - slice > kSliceMs) {
          flush();
          await yieldNow();
          if (this.#closed || router.stamp !== stamp) return false;
          slice = performance.now();
        }
        const hits = this.#firstHits(stored, name, ids, counts);
        if (hits === null) continue;
        slots.set(name, at.length);
        at.push(flushed + out.length);
        for (const h of hits) writeDefRow(out, h);
        length.push(flushed + out.length - at[at.length - 1]!);
        rows.push(hits.length);
        totals.push(table.count(name, 'def'));
      }
      flush();
      ok = true;
    } finally {
      if (!ok) {
        closeSync(fd);
        rmSync(path, { force: true });
      }
    }
    this.#drop();
    this.#built = { fd, path, bytes: flushed, slots, at: Float64Array.from(at), length: Uint32Array.from(length), rows: Uint32Array.from(rows), totals: Uint32Array.from(totals), versions };
    this.#buildMs = performance.now() - started;
    return true;
  }

  /** The first `rows` definitions of `name` from the partitions' stored tables, or `null` when one is not current. */
  #firstHits(stored: StoredDefs, name: string, ids: Int32Array, counts: Uint16Array): DefHit[] | null {
    const want = this.#o.rows;
    const hits: DefHit[] = [];
    for (let i = 0; i < ids.length && hits.length < want; i++) {
      const reply = stored.defs(ids[i]!, name, want - hits.length);
      // Counts saturate at 65,535: past that, the partition's own total is the one to trust.
      if (reply === null || (counts[i]! < 0xffff && reply.value.total !== counts[i])) return null;
      for (const h of reply.value.hits) if (hits.length < want) hits.push(h);
    }
    return hits;
  }

  /**
   * `def name` limited to `limit`, when the table holds the answer: the name is in it, every
   * partition defining it (per `table`, current) is at the version it was read at, and the
   * rows kept cover the limit.
   * @returns the answer, or `null` to ask the partitions
   */
  answer(table: CompletionTable, router: GraphRouter, name: string, limit: number): Answer | null {
    const b = this.#built;
    const slot = b?.slots.get(name);
    if (b === null || slot === undefined) return null;
    const rows = b.rows[slot]!;
    const total = b.totals[slot]!;
    if (limit > rows && total > rows) return null;
    if (table.count(name, 'def') !== total) return null;
    for (const id of table.partitionsWith(name, 'def')) if (b.versions.get(id) !== router.version(id)) return null;
    const n = Math.min(limit, rows);
    let hits: DefHit[];
    try {
      const bytes = Buffer.allocUnsafe(b.length[slot]!);
      const got = readSync(b.fd, bytes, 0, bytes.length, b.at[slot]!);
      if (got !== bytes.length) return null;
      hits = readDefRows(bytes, new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength), 0, n, name);
    } catch {
      // An unreadable table is no answer: the partitions have it.
      return null;
    }
    this.#answered++;
    return { results: hits.map(defRow), truncated: total > n };
  }

  /** Drops the table and removes its files. */
  close(): void {
    this.#closed = true;
    this.#drop();
    if (this.#dir !== null) rmSync(this.#dir, { recursive: true, force: true });
  }

  #drop(): void {
    const b = this.#built;
    this.#built = null;
    if (b === null) return;
    closeSync(b.fd);
    rmSync(b.path, { force: true });
  }
}
