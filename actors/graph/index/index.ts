/**
 * The partition's compact indexes and pure query evaluation: no threads, no I/O.
 *
 * @module
 */

export type { DefTag, FileTags, RefTag } from './file-tags.js';
export { PartitionIndex, type IndexChanges, type PartitionIndexOptions } from './partition-index.js';
export { createImportResolver, type ImportResolver, type ImportResolverOptions } from './import-resolver.js';
export { DEFAULT_MERGE_POLICY, planMerge, type MergePolicy, type SegmentSize } from './merge-policy.js';
export type { IndexMemory } from './index-memory.js';
export { SNAPSHOT_FORMAT } from './partition-codec.js';
export { globToRegExp, PathFilter } from './path-filter.js';
export { StringInterner } from './string-interner.js';
export { DEFAULT_HIT_LIMIT } from './symbol-queries.js';
export { bytesAsRanges, encodeDefTable, lookupDefTable, nameHash, subRanges, type ByteRanges } from './def-table.js';
export { compileSearch, DEFAULT_SEARCH_LIMIT, searchCondition, searchTexts, type CompiledSearch } from './search.js';
export { compareFolded } from './symbol-order.js';
export { GrowableU32 } from './growable.js';
export { GrowableBytes } from './growable-bytes.js';
export { readDefRows, writeDefRow } from './def-rows.js';
export { mayMatch, type TrigramQuery } from './trigram-query.js';
export { trigramKey } from './trigram.js';
export type {
  Completion,
  DefHit,
  HitPage,
  ImportEdge,
  ImporterEdge,
  OutlineEntry,
  RefHit,
  SearchMatch,
  SearchQuery,
  SearchResult,
} from './query-types.js';
