/**
 * The per-file input of a partition index: what the parser extracted from one source file, plus
 * the file's text for full-text search. The parser produces one `FileTags` per file; a file that
 * failed to parse (or has no grammar) still arrives, with empty `defs`, `refs` and `imports`, so
 * it is searchable.
 *
 * Conventions (the index stores these numbers as given and returns them unchanged):
 * - `line` and `endLine` are 1-based; `column` is 0-based, in UTF-16 code units of the line.
 * - Strings must be well-formed Unicode: the index stores text as UTF-8, which replaces a lone
 *   surrogate with U+FFFD.
 *
 * @module
 */

/** One definition: a named symbol the file declares. */
export interface DefTag {
  /** The symbol's name, e.g. `parseConfig`. */
  readonly name: string;
  /** What it is, e.g. `function`, `class`, `method`, `interface`, `variable`. */
  readonly kind: string;
  readonly line: number;
  readonly column: number;
  /** The last line of the definition's body (equal to `line` for one-line definitions). */
  readonly endLine: number;
  /** The name of the innermost enclosing definition, or `null` at top level. */
  readonly enclosing: string | null;
  /** The definition's signature line, e.g. `export function parseConfig(text: string): Config {`. */
  readonly signature: string;
}

/** One reference: a use of a name (call, type reference, member access, …). */
export interface RefTag {
  readonly name: string;
  readonly line: number;
  readonly column: number;
}

/** Everything the index keeps about one file. */
export interface FileTags {
  /** Repository-relative path with `/` separators and no leading `./`, e.g. `src/app/main.ts`. */
  readonly path: string;
  /** Language id, e.g. `typescript`, `tsx`, `javascript`, `python`, `go`, `rust`, `c`, `cpp`, `text`. */
  readonly language: string;
  readonly defs: readonly DefTag[];
  readonly refs: readonly RefTag[];
  /**
   * Raw import specifiers as written, without quotes: `./util.js`, `..pkg.mod` (Python relative),
   * `example.com/m/pkg` (Go), `crate::a::b` / `self::x` / `super::y` (Rust; `mod x;` as `self::x`),
   * `dir/x.h` (C/C++ `#include "…"`; `<…>` includes may be passed with their angle brackets).
   */
  readonly imports: readonly string[];
  /** The file's text, for full-text search. */
  readonly content: string;
}
