/**
 * The result of `map`: the highest-ranked definitions that fit a token budget, grouped by file.
 * Plain data, safe to send between threads.
 *
 * @module
 */

/** One chosen definition. */
export interface MapSymbol {
  readonly name: string;
  readonly kind: string;
  /** 1-based line. */
  readonly line: number;
  /** The rendered line: the first non-blank line of the signature, trimmed, at most 200 characters. */
  readonly signature: string;
  /** The rank of its (name, file) definition unit. */
  readonly rank: number;
}

/** One file of the map with its chosen definitions. */
export interface MapFile {
  readonly file: string;
  /** The file's PageRank (all files' ranks sum to 1). */
  readonly rank: number;
  /** Chosen definitions in line order. */
  readonly symbols: MapSymbol[];
}

/** A repo map. */
export interface RepoMap {
  /** Files by rank (descending), then path. */
  readonly files: MapFile[];
  /** Estimated tokens of `renderMap(map)`: `ceil(chars / 4)`. */
  readonly tokens: number;
}
