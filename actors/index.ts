/**
 * The actors layer's public entry: the code graph's library API, and the partition actor kind
 * (workers load it by module path; it is exported here for tests and tools).
 *
 * @module
 */

export { CodeGraph } from './graph/code-graph.js';
export { defaultSnapshotDir, type CodeGraphOptions, type GraphNotice, type GraphProgress } from './graph/code-graph-options.js';
export type { ChangeOutcome, FileChanges } from './graph/graph-changes.js';
export type { ChangeCause, GraphEvent, GraphEventListener } from './graph/graph-events.js';
export type { SearchOptions } from './graph/graph-search.js';
export type { GraphStats, OpLatency, PartitionRow } from './graph/graph-stats.js';
export type { QueryResult, QueryRow } from './graph/query-result.js';
export type { ScanProblem } from './graph/scan/index.js';
export { partitionKind } from './graph/partition/index.js';
