/**
 * The plain inputs of the ranking queries (`impact FILE`, `map [--tokens N]`): per-file
 * definitions and reference counts, and resolved import edges. The code graph gathers them from
 * the partitions; everything in `rank/` is a pure function of them.
 *
 * Paths are root-relative, `/`-separated, and compared in UTF-16 code-unit order (`a < b`), as
 * the partition index orders them.
 *
 * @module
 */

/** One definition in a file, as the tags query found it. */
export interface DefFact {
  /** The defined identifier. */
  readonly name: string;
  /** The tag kind (`function`, `class`, `method`, …). */
  readonly kind: string;
  /** 1-based line of the definition. */
  readonly line: number;
  /** The definition's source line (only its first line is rendered). */
  readonly signature: string;
}

/** What one file defines and which identifiers it references, how often. */
export interface FileFacts {
  /** Root-relative path; each file appears once. */
  readonly file: string;
  /** Its definitions, any order. */
  readonly defs: readonly DefFact[];
  /**
   * Referenced identifiers with their occurrence counts in this file. One entry per name is
   * expected; repeated names are summed. Names that no file defines are ignored.
   */
  readonly refs: ReadonlyArray<readonly [name: string, count: number]>;
}

/**
 * A resolved import: file `from` imports file `to`. Not the partition index's
 * `ImportEdge { specifier, target }`: this one is already resolved to two files.
 */
export interface ImportEdge {
  readonly from: string;
  readonly to: string;
}
