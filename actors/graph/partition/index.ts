/**
 * The partition actor kind and what it exchanges with the graph layer.
 *
 * @module
 */

export { default as partitionKind, partitionMachine, type PartitionContext } from './partition-kind.js';
export {
  partitionQueryOps,
  type FileFacts,
  type ImportLine,
  type LocalImporter,
  type LocatedCompletion,
  type PartitionMessage,
  type PartitionQueryArgs,
  type PartitionQueryOp,
  type PartitionQueryReplies,
  type PartitionReply,
  type PartitionSummary,
  type QueryMessage,
  type RemoveMessage,
  type UpsertMessage,
} from './partition-messages.js';
export { answerQuery } from './partition-queries.js';
export { partitionFacts } from './partition-facts.js';
export { importLines } from './import-lines.js';
export { NameFilter, kBitsPerName, kHashes, type NameFilterData } from './name-filter.js';
export { toIndexFile } from './to-index-file.js';
export { countNames, countsBytes, forEachCount, fromWireCounts, kNoCounts, packCounts, type PartitionCounts, type WireCounts } from './name-counts.js';
export { bulkParts, defTableOfBulk, indexOfBulk, kPartitionBulkFormat } from './partition-bulk.js';
