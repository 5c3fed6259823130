import { createRequire } from 'node:module';
import { Language, Parser, Query } from 'web-tree-sitter';
import { isTesseraError, tesseraError } from '../../../protocol/index.js';
import { captureRoles, type CaptureRole } from './capture-roles.js';
import type { LanguageId } from './detect-language.js';
import { grammarSpecs } from './grammar-registry.js';

/** A grammar ready to parse with, and its compiled tags query. */
export interface LoadedGrammar {
  readonly id: LanguageId;
  readonly language: Language;
  readonly query: Query;
  readonly roles: ReadonlyMap<string, CaptureRole>;
  readonly builtinTypes: ReadonlySet<string>;
}

const require = createRequire(import.meta.url);
const noNames: ReadonlySet<string> = new Set();
// Per thread: each worker has its own wasm instance, so these caches are never shared.
let runtimeReady: Promise<void> | undefined;
const grammars = new Map<LanguageId, Promise<LoadedGrammar>>();

/**
 * Loads a grammar and compiles its tags query, once per thread; later calls share the result.
 * A failed load is not cached, so a later call retries.
 * @param id - the language
 * @returns the grammar and its query
 * @throws ERR_GRAPH_GRAMMAR_LOAD when the `.wasm` file is missing or does not load;
 *   ERR_GRAPH_QUERY_INVALID when the query does not compile against the grammar
 */
export function loadGrammar(id: LanguageId): Promise<LoadedGrammar> {
  let loading = grammars.get(id);
  if (loading === undefined) {
    loading = load(id);
    grammars.set(id, loading);
    void loading.catch(() => grammars.delete(id));
  }
  return loading;
}

/**
 * Initialises the web-tree-sitter runtime once per thread.
 * @returns a promise that settles when `Parser` may be constructed
 */
export function initParserRuntime(): Promise<void> {
  runtimeReady ??= Parser.init();
  return runtimeReady;
}

async function load(id: LanguageId): Promise<LoadedGrammar> {
  const spec = grammarSpecs[id];
  let language: Language;
  let wasm = spec.wasm;
  try {
    await initParserRuntime();
    wasm = require.resolve(spec.wasm);
    language = await Language.load(wasm);
  } catch (err) {
    // web-tree-sitter rejects some bad modules with an empty message (tree-sitter #5171).
    const reason = err instanceof Error && err.message !== '' ? err.message : String(err) || 'unknown error';
    throw tesseraError('ERR_GRAPH_GRAMMAR_LOAD', { language: id, wasm, reason });
  }
  try {
    const query = new Query(language, spec.query);
    const roles = captureRoles(id, query.captureNames);
    return { id, language, query, roles, builtinTypes: spec.builtinTypes ?? noNames };
  } catch (err) {
    if (isTesseraError(err)) throw err;
    throw tesseraError('ERR_GRAPH_QUERY_INVALID', { language: id, reason: err instanceof Error ? err.message : String(err) });
  }
}
