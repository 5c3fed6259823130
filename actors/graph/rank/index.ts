/**
 * Ranking queries over the whole code graph, as pure functions of plain facts gathered from
 * the partitions: `impact FILE` (transitive importers) and `map [--tokens N]` (an aider-style
 * repo map: PageRank over the cross-file reference graph, cut to a token budget). No threads,
 * no I/O; big structures are CSR adjacency in typed arrays over interned ids.
 *
 * @module
 */

export type { DefFact, FileFacts, ImportEdge } from './graph-facts.js';
export { buildImportGraph, importGraphFileId, type ImportGraph } from './import-graph.js';
export { impactOf, type ImpactEntry, type ImpactOptions } from './impact.js';
export { DEFAULT_MAP_TOKENS, rankMap, type RankMapOptions } from './rank-map.js';
export type { MapFile, MapSymbol, RepoMap } from './repo-map.js';
export { MAX_SIGNATURE_CHARS, renderMap } from './map-render.js';
export { CHARS_PER_TOKEN, estimateTokens } from './token-budget.js';
export { buildRefGraph, UNREFERENCED_SELF_WEIGHT, type RefGraph } from './ref-graph.js';
export {
  DEFAULT_DAMPING,
  DEFAULT_MAX_ITERATIONS,
  DEFAULT_TOLERANCE,
  personalisedPageRank,
  type PageRankOptions,
  type PageRankResult,
} from './page-rank.js';
export { definitionRanks } from './definition-rank.js';
export { identifierMultiplier } from './identifier-weight.js';
export { buildCsr, type Csr } from './csr.js';
