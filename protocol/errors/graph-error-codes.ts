/**
 * Error codes of the code graph: scanning a tree, reading files, parsing them with tree-sitter,
 * and querying the graph. Each entry renders a message from its details; the details travel with
 * the error. Most of these are reported as data (a file's `error`, a scan's `problems`), never
 * thrown across a thread. Every code is documented in docs/errors.md.
 */
export const graphErrorTemplates = {
  ERR_GRAPH_FILE_TOO_LARGE: (d: { path: string; bytes: number; limit: number }) =>
    `File "${d.path}" has ${d.bytes} bytes, over the limit of ${d.limit} bytes: it is not indexed`,
  ERR_GRAPH_FILE_BINARY: (d: { path: string; offset: number }) =>
    `File "${d.path}" looks binary (NUL byte at offset ${d.offset}): it is not indexed`,
  ERR_GRAPH_FILE_UNREADABLE: (d: { path: string; reason: string }) => `Cannot read file "${d.path}": ${d.reason}`,
  ERR_GRAPH_PATH_UNREADABLE: (d: { path: string; op: string; reason: string }) =>
    `Cannot ${d.op} "${d.path}" while scanning: ${d.reason}; the path is skipped`,
  ERR_GRAPH_SYMLINK_LOOP: (d: { path: string; target: string }) =>
    `Symbolic link "${d.path}" leads back to "${d.target}", a directory already being scanned: it is skipped`,
  ERR_GRAPH_SCAN_ROOT: (d: { root: string; reason: string }) => `Cannot scan "${d.root}": ${d.reason}`,
  ERR_GRAPH_GRAMMAR_LOAD: (d: { language: string; wasm: string; reason: string }) =>
    `Cannot load the ${d.language} grammar from "${d.wasm}": ${d.reason}`,
  ERR_GRAPH_QUERY_INVALID: (d: { language: string; reason: string }) =>
    `The ${d.language} tags query does not compile: ${d.reason}`,
  ERR_GRAPH_PARSE_FAILED: (d: { path: string; language: string; reason: string }) =>
    `Cannot parse "${d.path}" as ${d.language}: ${d.reason}; it is indexed as text only`,
  ERR_GRAPH_PARSE_TIMEOUT: (d: { path: string; language: string; limitMs: number }) =>
    `Parsing "${d.path}" as ${d.language} took over ${d.limitMs} ms and was cancelled; it is indexed as text only`,
  ERR_GRAPH_SYNTAX_ERROR: (d: { path: string; line: number; column: number }) =>
    `File "${d.path}" has a syntax error at line ${d.line}, column ${d.column}: tags around it may be missing`,
  ERR_GRAPH_FILE_NOT_INDEXED: (d: { path: string; root: string }) =>
    `File "${d.path}" is not in the code graph of "${d.root}": it does not exist, is ignored, or could not be indexed`,
  ERR_GRAPH_CLOSED: (d: { root: string }) => `The code graph of "${d.root}" is closed: open a new one`,
} as const;
