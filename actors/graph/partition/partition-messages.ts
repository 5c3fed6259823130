/**
 * What a partition actor is told and asked, and what it answers. Everything here is plain data
 * (msgpack-safe: no `undefined`, no class instances, no objects keyed by symbol names, which
 * could be `__proto__`), because messages cross the runtime's rings and sit in its journal.
 *
 * @module
 */

import type { Completion, DefHit, FileTags, HitPage, OutlineEntry, RefHit, SearchQuery, SearchResult } from '../index/index.js';
import type { FileFacts as RankFileFacts } from '../rank/index.js';
import type { WireCounts } from './name-counts.js';

/** Adds or replaces files (index `FileTags`, with content); one index version per message. */
export interface UpsertMessage {
  readonly type: 'upsert';
  readonly files: readonly FileTags[];
}

/** Removes files by path (unknown paths are ignored); one index version when any was present. */
export interface RemoveMessage {
  readonly type: 'remove';
  readonly paths: readonly string[];
}

/** The read-only query operations. */
export const partitionQueryOps = ['def', 'refs', 'complete', 'search', 'outline', 'imports', 'importers', 'facts', 'summary'] as const;

/** A read-only query operation. */
export type PartitionQueryOp = (typeof partitionQueryOps)[number];

/** Arguments of each query operation. */
export interface PartitionQueryArgs {
  def: { readonly name: string; readonly limit: number };
  refs: { readonly name: string; readonly limit: number };
  complete: { readonly prefix: string; readonly limit: number };
  search: SearchQuery;
  outline: { readonly path: string };
  imports: { readonly path: string };
  importers: { readonly path: string };
  /** `symbols: false` leaves `defs` and `refs` empty (import facts only, much smaller). */
  facts: { readonly symbols: boolean };
  summary: Record<string, never>;
}

/** A completion with where its name is first defined (or, without a definition, first used). */
export interface LocatedCompletion extends Completion {
  readonly path: string;
  readonly line: number;
  readonly column: number;
}

/** An import statement of a file: the specifier as written and the line it was found on. */
export interface ImportLine {
  readonly specifier: string;
  /** 1-based; found by text (see import-lines.ts), 1 when the text does not show it. */
  readonly line: number;
}

/** An import, by another file of the partition, that the partition resolves to the asked path. */
export interface LocalImporter extends ImportLine {
  readonly path: string;
}

/**
 * What the graph layer gathers from a partition for ranking and cross-partition imports: rank's
 * `FileFacts` (definitions in position order, references with counts in first-use order) plus
 * the file's import statements.
 */
export interface FileFacts extends RankFileFacts {
  /** `[specifier, line]` per import statement. */
  readonly imports: readonly (readonly [string, number])[];
}

/**
 * A Bloom filter over the partition's symbol names, and its sizes (see name-filter.ts); and
 * every distinct live name with its live definition and reference counts (parallel arrays), from
 * which the router answers `complete` (see completion-table.ts).
 */
export interface PartitionSummary {
  readonly files: number;
  readonly names: number;
  readonly filter: { readonly bits: Uint8Array; readonly hashes: number };
  readonly counts: WireCounts;
  /** A Bloom filter of its content's trigrams (as three-character strings, see index/trigram.ts), for routing searches. */
  readonly trigrams: { readonly bits: Uint8Array; readonly hashes: number };
}

/** Replies of each query operation. */
export interface PartitionQueryReplies {
  def: HitPage<DefHit>;
  refs: HitPage<RefHit>;
  complete: LocatedCompletion[];
  search: SearchResult;
  outline: OutlineEntry[] | null;
  imports: ImportLine[] | null;
  importers: LocalImporter[];
  facts: FileFacts[];
  summary: PartitionSummary;
}

/** A read-only query. */
export type QueryMessage = {
  [Op in PartitionQueryOp]: { readonly type: 'query'; readonly op: Op; readonly args: PartitionQueryArgs[Op] };
}[PartitionQueryOp];

/** Every message a partition actor takes. */
export type PartitionMessage = UpsertMessage | RemoveMessage | QueryMessage;

/**
 * Every reply carries the partition's index version, so the graph layer's cache can tell a
 * current answer from one computed before an update (or before a reset after a corrupt snapshot).
 */
export interface PartitionReply<T> {
  readonly version: number;
  readonly value: T;
}
