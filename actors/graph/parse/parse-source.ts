import { Parser, type Tree } from 'web-tree-sitter';
import { isTesseraError, toWireError } from '../../../protocol/index.js';
import { detectLanguage, type LanguageId } from './detect-language.js';
import type { FileTags, GraphProblem } from './file-tags.js';
import { graphProblem } from './graph-problem.js';
import { loadGrammar, type LoadedGrammar } from './grammar-loader.js';
import { syntaxErrorPosition } from './syntax-error-position.js';
import { extractTags } from './tags-extractor.js';

/** Options of {@link parseSource}. */
export interface ParseSourceOptions {
  /** The language, when the caller knows it; detected from the path otherwise. */
  language?: LanguageId | null;
  /** Size of the file in bytes, when the caller knows it; measured otherwise. */
  bytes?: number;
  /** Parsing is cancelled after this many milliseconds (default 5000). */
  timeoutMs?: number;
}

/** Default parse time limit: generous, since a 1 MB file parses in about 150 ms. */
export const kDefaultParseTimeoutMs = 5000;

// One parser per thread, re-targeted per file; rebuilt if a parse throws (its state is unknown).
let parser: Parser | undefined;

/**
 * Parses one file's text and extracts its tags. Never throws for bad input: a file in an
 * unknown language gets empty tags, a file with syntax errors keeps what could be extracted
 * plus an `ERR_GRAPH_SYNTAX_ERROR`, and a parse that fails or times out comes back with empty
 * tags and its coded reason.
 * @param path - the path reported back (also used to detect the language)
 * @param source - the file's text
 * @param options - language, size and time limit
 * @returns the file's tags
 * @example
 * const tags = await parseSource('src/a.ts', 'export function f() { g(); }');
 * tags.defs[0]; // { name: 'f', kind: 'function', line: 1, column: 16, ... }
 */
export async function parseSource(path: string, source: string, options: ParseSourceOptions = {}): Promise<FileTags> {
  const language = options.language !== undefined ? options.language : detectLanguage(path, source.slice(0, 4096));
  const bytes = options.bytes ?? Buffer.byteLength(source);
  const tags: FileTags = { path, language, bytes, defs: [], refs: [], imports: [] };
  if (language === null) return tags;
  let grammar: LoadedGrammar;
  try {
    grammar = await loadGrammar(language);
  } catch (err) {
    tags.error = asProblem(err);
    return tags;
  }
  const timeoutMs = options.timeoutMs ?? kDefaultParseTimeoutMs;
  let tree: Tree | null;
  try {
    parser ??= new Parser();
    parser.setLanguage(grammar.language);
    const deadline = performance.now() + timeoutMs;
    tree = parser.parse(source, null, { progressCallback: () => performance.now() > deadline });
  } catch (err) {
    parser = undefined;
    tags.error = graphProblem('ERR_GRAPH_PARSE_FAILED', { path, language, reason: toWireError(err, false).message });
    return tags;
  }
  if (tree === null) {
    parser.reset();
    tags.error = graphProblem('ERR_GRAPH_PARSE_TIMEOUT', { path, language, limitMs: timeoutMs });
    return tags;
  }
  try {
    Object.assign(tags, extractTags(tree.rootNode, source, grammar));
    if (tree.rootNode.hasError) tags.error = graphProblem('ERR_GRAPH_SYNTAX_ERROR', { path, ...syntaxErrorPosition(tree.rootNode) });
  } catch (err) {
    // A query or extraction failure on odd input: report it on the file, keep the batch going.
    Object.assign(tags, { defs: [], refs: [], imports: [] });
    tags.error = graphProblem('ERR_GRAPH_PARSE_FAILED', { path, language, reason: toWireError(err, false).message });
  } finally {
    tree.delete();
  }
  return tags;
}

function asProblem(err: unknown): GraphProblem {
  if (isTesseraError(err)) return { code: err.code, message: err.message, details: { ...(err.details as object) } };
  const wire = toWireError(err, false);
  return graphProblem('ERR_INTERNAL', { reason: wire.message });
}
