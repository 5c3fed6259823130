import type { LanguageId } from './detect-language.js';
import { cTagsQuery } from './queries/c-tags.js';
import { cppTagsQuery } from './queries/cpp-tags.js';
import { goBuiltinTypes, goTagsQuery } from './queries/go-tags.js';
import { javaTagsQuery } from './queries/java-tags.js';
import { javascriptTagsQuery } from './queries/javascript-tags.js';
import { pythonTagsQuery } from './queries/python-tags.js';
import { rustTagsQuery } from './queries/rust-tags.js';
import { tsxTagsQuery, typescriptTagsQuery } from './queries/typescript-tags.js';

/** Where a language's grammar comes from and how its tags are queried. */
export interface GrammarSpec {
  /** Module specifier of the `.wasm` file shipped in the official grammar package. */
  readonly wasm: string;
  /** Our tags query (see queries/javascript-tags.ts for the capture names). */
  readonly query: string;
  /** Names whose type references are not listed (a language's predeclared types). */
  readonly builtinTypes?: ReadonlySet<string>;
}

/**
 * One grammar per language, from the official per-language npm packages; their `.wasm` files
 * load in web-tree-sitter 0.27 (see docs/parsers.md for the versions measured together).
 */
export const grammarSpecs: Readonly<Record<LanguageId, GrammarSpec>> = {
  typescript: { wasm: 'tree-sitter-typescript/tree-sitter-typescript.wasm', query: typescriptTagsQuery },
  tsx: { wasm: 'tree-sitter-typescript/tree-sitter-tsx.wasm', query: tsxTagsQuery },
  javascript: { wasm: 'tree-sitter-javascript/tree-sitter-javascript.wasm', query: javascriptTagsQuery },
  python: { wasm: 'tree-sitter-python/tree-sitter-python.wasm', query: pythonTagsQuery },
  go: { wasm: 'tree-sitter-go/tree-sitter-go.wasm', query: goTagsQuery, builtinTypes: goBuiltinTypes },
  rust: { wasm: 'tree-sitter-rust/tree-sitter-rust.wasm', query: rustTagsQuery },
  java: { wasm: 'tree-sitter-java/tree-sitter-java.wasm', query: javaTagsQuery },
  c: { wasm: 'tree-sitter-c/tree-sitter-c.wasm', query: cTagsQuery },
  cpp: { wasm: 'tree-sitter-cpp/tree-sitter-cpp.wasm', query: cppTagsQuery },
};
