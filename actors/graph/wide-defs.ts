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
import { GrowableBytes, readDefRows, writeDefRow, type DefHit, type HitPage } from './index/index.js';
import type { Answer } from './query-context.js';
import { defRow } from './query-result.js';
import type { PartitionReply } from './partition/index.js';
import type { StoredDefs } from './stored-defs.js';

/** Asks partition `id` for `def name` (its worker answers): for a partition whose stored table is not current. */
export type AskDefs = (id: number, name: string, limit: number) => Promise<PartitionReply<HitPage<DefHit>>>;

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
  /** Names that build copied from the table before it (their partitions unchanged). */
  readonly reused: number;
  /** Names that build left out: a partition's stored table was not current (not yet saved). */
  readonly leftOut: number;
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
  #reused = 0;
  #leftOut = 0;
  #answered = 0;
  #closed = false;

  constructor(options: WideDefsOptions) {
    if (!(options.minPartitions >= 2) || !(options.rows >= 1)) throw new RangeError(`Cannot keep wide definitions: minPartitions must be >= 2 and rows >= 1: current values are ${options.minPartitions}, ${options.rows}`);
    this.#o = options;
  }

  /** Counters for stats. */
  stats(): WideDefsStats {
    const b = this.#built;
    return { names: b?.slots.size ?? 0, bytes: b?.bytes ?? 0, buildMs: this.#buildMs, reused: this.#reused, leftOut: this.#leftOut, answered: this.#answered };
  }

  /**
   * Builds the table from `table` and the partitions' stored def tables, yielding between
   * slices; replaces the current one when done. A name whose defining partitions are all at
   * the versions the current table read them at, with the same total, is copied from it (one
   * read) instead of read again from every partition.
   * @param ask - for a partition whose stored table is not current (changed since its last
   *   save): asks it
   * @param yieldNow - resolves once queries waiting meanwhile have run
   * @returns whether it finished; `false` when a partition changed meanwhile or this was
   *   closed. A name whose counts disagree with a partition's answer (its summary is behind)
   *   is left out and counted in `stats().leftOut`.
   * @throws Error from the file system (the current table is kept)
   */
  async build(table: CompletionTable, router: GraphRouter, stored: StoredDefs, ask: AskDefs, yieldNow: () => Promise<void>): Promise<boolean> {
    if (this.#closed) return false;
    const started = performance.now();
    const previous = this.#built;
    let reused = 0;
    let leftOut = 0;
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
    // Closed, a partition changed, or another build replaced the table this one copies from
    // (that one is the newer).
    const superseded = () => this.#closed || router.stamp !== stamp || this.#built !== previous;
    let ok = false;
    try {
      let slice = performance.now();
      for (const { name, ids, counts } of table.widelyDefined(this.#o.minPartitions)) {
        if (performance.now() - slice > kSliceMs) {
          flush();
          await yieldNow();
          if (superseded()) return false;
          slice = performance.now();
        }
        const total = table.count(name, 'def');
        const slot = previous === null ? undefined : unchangedSlot(previous, name, ids, total, router);
        const start = flushed + out.length;
        let count: number;
        if (previous !== null && slot !== undefined) {
          const bytes = readSlot(previous, slot);
          if (bytes === null) throw new Error(`Cannot copy the wide definitions of "${name}": the previous table's file is short`);
          out.append(bytes);
          count = previous.rows[slot]!;
          reused++;
        } else {
          const hits = await this.#firstHits(stored, ask, name, ids, counts);
          if (superseded()) return false;
          if (hits === null) {
            leftOut++;
            continue;
          }
          for (const h of hits) writeDefRow(out, h);
          count = hits.length;
        }
        slots.set(name, at.length);
        at.push(start);
        length.push(flushed + out.length - start);
        rows.push(count);
        totals.push(total);
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
    this.#reused = reused;
    this.#leftOut = leftOut;
    return true;
  }

  /**
   * The first `rows` definitions of `name`, from the partitions' stored tables, or asked of
   * those whose table is not current; `null` when an answer's total is not the partition's count.
   */
  async #firstHits(stored: StoredDefs, ask: AskDefs, name: string, ids: Int32Array, counts: Uint16Array): Promise<DefHit[] | null> {
    const want = this.#o.rows;
    const hits: DefHit[] = [];
    for (let i = 0; i < ids.length && hits.length < want; i++) {
      const reply = stored.defs(ids[i]!, name, want - hits.length) ?? (await ask(ids[i]!, name, want - hits.length));
      // Counts saturate at 65,535: past that, the partition's own total is the one to trust.
      if (counts[i]! < 0xffff && reply.value.total !== counts[i]) return null;
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
    if (b === null) return null;
    const total = table.count(name, 'def');
    const slot = unchangedSlot(b, name, table.partitionsWith(name, 'def'), total, router);
    if (slot === undefined) return null;
    const rows = b.rows[slot]!;
    if (limit > rows && total > rows) return null;
    const n = Math.min(limit, rows);
    let hits: DefHit[];
    try {
      const bytes = readSlot(b, slot);
      if (bytes === null) return null;
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

/** `name`'s slot in `built` when every partition defining it is at the version it was read at and its total is unchanged. */
function unchangedSlot(built: Built, name: string, ids: ArrayLike<number> & Iterable<number>, total: number, router: GraphRouter): number | undefined {
  const slot = built.slots.get(name);
  if (slot === undefined || built.totals[slot] !== total) return undefined;
  for (const id of ids) if (built.versions.get(id) !== router.version(id)) return undefined;
  return slot;
}

/** The bytes of a slot's rows, or `null` when the file is shorter than the index says. */
function readSlot(built: Built, slot: number): Buffer | null {
  const bytes = Buffer.allocUnsafe(built.length[slot]!);
  return readSync(built.fd, bytes, 0, bytes.length, built.at[slot]!) === bytes.length ? bytes : null;
}
