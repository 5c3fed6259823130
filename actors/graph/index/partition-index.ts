/**
 * The partition index: compact indexes over one partition's files, updated incrementally.
 *
 * Incremental design (log-structured segments, as in Lucene or an LSM tree):
 * ```
 *   segments (oldest first)        each immutable: strings, files, defs, refs, imports, trigrams
 *   ┌────────────┐┌──────┐┌───┐┌─┐
 *   │ 9,800 files││ 150  ││ 40││3│  + a `dead` bit per file (tombstone)
 *   └────────────┘└──────┘└───┘└─┘
 *   where: path → (segment, file id) for live files      dirs: language+directory → live files
 * ```
 * - `update()` tombstones the old versions of changed and removed paths (their tags leave the
 *   live counts at once), builds one new segment from the changed files, bumps `version` by
 *   one, then merges per merge-policy.ts: neighbours of similar size merge (O(log n) segments,
 *   each byte rewritten O(log n) times) and a mostly-dead segment is rewritten alone. Merging is
 *   a rebuild from the live files of the merged segments, so there is only one build path.
 * - Queries visit every segment and skip dead files; segments are in path order internally and
 *   a live path is in exactly one segment, so merging their answers is a sort by path.
 * - Merges change no answer, so they do not bump the version.
 * - Cost: an update builds a segment from the changed files (≈ 40 ms per MB of text on one core)
 *   plus any merges it triggers; amortized O(log n) rebuilds per byte, but a merge that reaches
 *   the oldest segment rebuilds the whole partition in that one call.
 *
 * @module
 */

import { complete } from './complete.js';
import type { FileTags } from './file-tags.js';
import { createImportResolver, type ImportResolver } from './import-resolver.js';
import { importersOf, importsOf } from './import-queries.js';
import { DEFAULT_MERGE_POLICY, planMerge, type MergePolicy } from './merge-policy.js';
import { decodePartition, encodePartition } from './partition-codec.js';
import type { FileLocation, PartitionView } from './partition-view.js';
import { encodeDefTable } from './def-table.js';
import { dirKey, dirname } from './path-utils.js';
import type { Completion, DefHit, HitPage, ImportEdge, ImporterEdge, OutlineEntry, RefHit, SearchQuery, SearchResult } from './query-types.js';
import { search } from './search.js';
import { Segment } from './segment.js';
import { buildSegment } from './segment-builder.js';
import { CHUNK_BYTES, checkSegmentShape } from './segment-data.js';
import { liveFileTags, liveFileTagsWithoutText } from './segment-tags.js';
import { findDefs, findRefs, outline } from './symbol-queries.js';
import { measureSegment, type IndexMemory } from './index-memory.js';

/** Options of a partition index. */
export interface PartitionIndexOptions {
  /** Import resolution rules (default: {@link createImportResolver}()). */
  readonly resolver?: ImportResolver;
  /** When to merge segments (default: {@link DEFAULT_MERGE_POLICY}). */
  readonly mergePolicy?: MergePolicy;
  /** Target size of search chunks in bytes (default 4 KiB; tests use tiny ones). */
  readonly chunkBytes?: number;
}

/** A batch of changes, applied as one version. */
export interface IndexChanges {
  /** Files to add or replace (the last one wins when a path repeats). */
  readonly upsert?: readonly FileTags[];
  /** Paths to remove; applied before `upsert`. Unknown paths are ignored. */
  readonly remove?: readonly string[];
}

/** Weight of a file in merge decisions, on top of its content bytes. */
const FILE_WEIGHT = 64;

/** Compact, incrementally updated indexes over a partition's files, and queries over them. */
export class PartitionIndex {
  readonly #resolver: ImportResolver;
  readonly #policy: MergePolicy;
  readonly #chunkBytes: number;
  /** Mutated in place (push/splice), so the query view can share it. */
  readonly #segments: Segment[] = [];
  readonly #where = new Map<string, FileLocation>();
  readonly #dirs = new Map<string, number>();
  #version = 0;
  readonly #view: PartitionView;

  /** @param options Resolver and merge policy. */
  constructor(options: PartitionIndexOptions = {}) {
    this.#resolver = options.resolver ?? createImportResolver();
    this.#policy = options.mergePolicy ?? DEFAULT_MERGE_POLICY;
    this.#chunkBytes = options.chunkBytes ?? CHUNK_BYTES;
    if (!(this.#chunkBytes >= 1)) throw new RangeError(`Cannot create partition index: chunkBytes must be at least 1: current value is ${this.#chunkBytes}`);
    this.#view = {
      segments: this.#segments,
      resolver: this.#resolver,
      locate: (path) => this.#where.get(path),
      dirHasFiles: (dir, language) => (this.#dirs.get(`${language}\0${dir}`) ?? 0) > 0,
    };
  }

  /**
   * Indexes files into a new index, in one segment.
   *
   * @param files The files.
   * @param options Resolver and merge policy.
   * @returns The index, at version 1 (0 when `files` is empty).
   * @example
   * const index = PartitionIndex.build([{ path: 'a.ts', language: 'typescript', defs: [], refs: [], imports: [], content: 'x' }]);
   */
  static build(files: readonly FileTags[], options: PartitionIndexOptions = {}): PartitionIndex {
    const index = new PartitionIndex(options);
    index.update({ upsert: files });
    return index;
  }

  /**
   * Restores an index from {@link PartitionIndex.serialize} bytes.
   *
   * @param bytes The snapshot.
   * @param options Must name the same resolver (by `id`) as the index that was serialized.
   * @returns The index, with the same version and answers.
   * @throws {RangeError} When the bytes are not a valid snapshot or the resolver differs.
   */
  static deserialize(bytes: Uint8Array, options: PartitionIndexOptions = {}): PartitionIndex {
    const snap = decodePartition(bytes);
    const index = new PartitionIndex(options);
    if (snap.resolverId !== index.#resolver.id) {
      throw new RangeError(`Cannot restore partition index: it was built with resolver "${snap.resolverId}": current value is "${index.#resolver.id}"`);
    }
    for (const data of snap.segments) {
      checkSegmentShape(data);
      index.#segments.push(new Segment(data));
    }
    for (const seg of index.#segments) index.#register(seg);
    index.#version = snap.version;
    return index;
  }

  /** Bumped by one on every `update()` that changes the files. */
  get version(): number {
    return this.#version;
  }

  /** Number of live files. */
  get fileCount(): number {
    return this.#where.size;
  }

  /** Number of segments (for tests and stats). */
  get segmentCount(): number {
    return this.#segments.length;
  }

  /** Whether `path` is indexed. */
  has(path: string): boolean {
    return this.#where.has(path);
  }

  /**
   * The live files read back as given to `update()` (tags in position order), in path order:
   * what the graph layer gathers as facts for ranking and cross-partition imports.
   *
   * @param withContent Decode each file's text too (default false: `content` is '').
   * @returns One entry per live file.
   */
  files(withContent = false): FileTags[] {
    const out = this.#segments.flatMap(withContent ? liveFileTags : liveFileTagsWithoutText);
    return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  }

  /** A live file's text, or `null` when it is not indexed. */
  text(path: string): string | null {
    const loc = this.#where.get(path);
    return loc === undefined ? null : loc.seg.text(loc.file);
  }

  /**
   * The distinct names that have a live definition or reference, in no particular order: what a
   * router's summary of the partition (a name filter) is built from.
   */
  symbolNames(): Set<string> {
    const out = new Set<string>();
    for (const seg of this.#segments) {
      for (let id = 0; id < seg.data.symbolCount; id++) if (seg.liveDefs[id]! + seg.liveRefs[id]! > 0) out.add(seg.strings.get(id));
    }
    return out;
  }

  /**
   * The distinct names that have a live definition or reference, with their live counts summed
   * over segments, in no particular order: what the router's completion table is built from.
   */
  symbolCounts(): { names: string[]; defs: number[]; refs: number[] } {
    const at = new Map<string, number>();
    const names: string[] = [];
    const defs: number[] = [];
    const refs: number[] = [];
    for (const seg of this.#segments) {
      for (let id = 0; id < seg.data.symbolCount; id++) {
        const d = seg.liveDefs[id]!;
        const r = seg.liveRefs[id]!;
        if (d + r === 0) continue;
        const name = seg.strings.get(id);
        const k = at.get(name);
        if (k === undefined) {
          at.set(name, names.length);
          names.push(name);
          defs.push(d);
          refs.push(r);
        } else {
          defs[k]! += d;
          refs[k]! += r;
        }
      }
    }
    return { names, defs, refs };
  }

  /**
   * Every trigram of the partition's segments (dead files' included until a merge drops them:
   * a superset, which routing allows), distinct.
   */
  trigramKeys(): Set<number> {
    const out = new Set<number>();
    for (const seg of this.#segments) for (const k of seg.trigrams.data.keys) out.add(k);
    return out;
  }

  /** The live paths, sorted. */
  paths(): string[] {
    return [...this.#where.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  }

  /**
   * Applies a batch of changes as one version.
   *
   * @param changes Files to upsert and paths to remove.
   * @returns The version after the batch.
   */
  update(changes: IndexChanges): number {
    const upserts = new Map<string, FileTags>();
    for (const f of changes.upsert ?? []) upserts.set(f.path, f);
    const gone = [...new Set([...(changes.remove ?? []), ...upserts.keys()])].filter((p) => this.#where.has(p));
    this.#kill(gone);
    if (upserts.size > 0) {
      const seg = new Segment(buildSegment([...upserts.values()], this.#resolver, this.#chunkBytes));
      this.#segments.push(seg);
      this.#register(seg);
    }
    if (gone.length > 0 || upserts.size > 0) this.#version++;
    this.#mergeWhilePlanned();
    return this.#version;
  }

  /** Adds or replaces one file (one version). */
  upsert(file: FileTags): number {
    return this.update({ upsert: [file] });
  }

  /** Removes one file (one version, when it was present). */
  remove(path: string): number {
    return this.update({ remove: [path] });
  }

  /** Merges everything into one segment without dead files; answers and version are unchanged. */
  compact(): void {
    if (this.#segments.length > 1 || this.#segments.some((s) => s.liveFiles < s.fileCount)) this.#merge(0, this.#segments.length);
  }

  /** Every live definition, laid out for lookup by name from disk (see def-table.ts). */
  defTable(): Uint8Array {
    return encodeDefTable(this.#view, this.#version);
  }

  /** Definitions named `name` (see symbol-queries.ts). */
  def(name: string, limit?: number): HitPage<DefHit> {
    return findDefs(this.#view, name, limit);
  }

  /** References named `name` (see symbol-queries.ts). */
  refs(name: string, limit?: number): HitPage<RefHit> {
    return findRefs(this.#view, name, limit);
  }

  /** The top `k` symbol names starting with `prefix`, ignoring case (see complete.ts). */
  complete(prefix: string, k?: number): Completion[] {
    return complete(this.#view, prefix, k);
  }

  /** A file's definitions, nested, or `null` when it is not indexed. */
  outline(path: string): OutlineEntry[] | null {
    return outline(this.#view, path);
  }

  /** A file's imports, resolved, or `null` when it is not indexed. */
  imports(path: string): ImportEdge[] | null {
    return importsOf(this.#view, path);
  }

  /** The imports that resolve to `path`. */
  importers(path: string): ImporterEdge[] {
    return importersOf(this.#view, path);
  }

  /** Full-text search (see search.ts). */
  search(query: SearchQuery): SearchResult {
    return search(this.#view, query);
  }

  /** Bytes held by the typed arrays, by kind. */
  memory(): IndexMemory {
    const total = measureSegment(null);
    for (const seg of this.#segments) {
      const m = measureSegment(seg);
      for (const k of Object.keys(m) as (keyof IndexMemory)[]) total[k] += m[k];
    }
    return total;
  }

  /** The whole index as bytes (see partition-codec.ts). */
  serialize(): Uint8Array {
    return encodePartition({ version: this.#version, resolverId: this.#resolver.id, segments: this.#segments.map((s) => s.data) });
  }

  #register(seg: Segment): void {
    for (let file = 0; file < seg.fileCount; file++) {
      if (seg.isDead(file)) continue;
      const path = seg.path(file);
      this.#where.set(path, { seg, file });
      const key = `${seg.language(file)}\0${dirKey(dirname(path))}`;
      this.#dirs.set(key, (this.#dirs.get(key) ?? 0) + 1);
    }
  }

  #kill(paths: readonly string[]): void {
    const bySegment = new Map<Segment, number[]>();
    for (const path of paths) {
      const loc = this.#where.get(path)!;
      this.#where.delete(path);
      const key = `${loc.seg.language(loc.file)}\0${dirKey(dirname(path))}`;
      const left = this.#dirs.get(key)! - 1;
      if (left === 0) this.#dirs.delete(key);
      else this.#dirs.set(key, left);
      const list = bySegment.get(loc.seg);
      if (list === undefined) bySegment.set(loc.seg, [loc.file]);
      else list.push(loc.file);
    }
    for (const [seg, files] of bySegment) seg.kill(files);
  }

  #mergeWhilePlanned(): void {
    for (;;) {
      const sizes = this.#segments.map((s) => ({ live: s.liveBytes + FILE_WEIGHT * s.liveFiles, total: s.totalBytes + FILE_WEIGHT * s.fileCount }));
      const plan = planMerge(sizes, this.#policy);
      if (plan === null) return;
      this.#merge(plan.start, plan.end);
    }
  }

  /** Replaces segments `[start, end)` by one built from their live files (or by none). */
  #merge(start: number, end: number): void {
    const files = this.#segments.slice(start, end).flatMap(liveFileTags);
    const merged = files.length === 0 ? [] : [new Segment(buildSegment(files, this.#resolver, this.#chunkBytes))];
    this.#segments.splice(start, end - start, ...merged);
    for (const seg of merged) {
      for (let file = 0; file < seg.fileCount; file++) this.#where.set(seg.path(file), { seg, file });
    }
  }
}
