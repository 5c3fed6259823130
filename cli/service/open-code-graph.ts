import { CodeGraph } from '../../actors/index.js';
import { CodeGraphService } from './code-graph-service.js';
import type { CodeGraphLike, CodeGraphModuleLike, CodeGraphOpenOptionsLike } from './code-graph-like.js';
import type { OpenQueryService, QueryService } from './query-service.js';

/** The real graph, checked against the shape the adapter relies on. */
const kCodeGraph: CodeGraphModuleLike = { CodeGraph: CodeGraph satisfies { open(o: CodeGraphOpenOptionsLike): Promise<CodeGraphLike> } };

/**
 * Returns an opener that opens a `CodeGraph` (the real one, or one loaded from `moduleUrl`) and
 * wraps it in a {@link CodeGraphService}.
 * @param moduleUrl - a module exporting a `CodeGraph` class with the same surface, instead of
 *   actors/index.js. The CLI passes `$TESSERA_GRAPH_MODULE` here, which tests use to run the real
 *   daemon over a stub graph.
 * @returns the opener the daemon calls once it is listening
 */
export function codeGraphOpener(moduleUrl?: string): OpenQueryService {
  return async (options): Promise<QueryService> => {
    const mod = moduleUrl === undefined ? kCodeGraph : ((await import(moduleUrl)) as Partial<CodeGraphModuleLike>);
    if (typeof mod.CodeGraph?.open !== 'function') {
      throw new TypeError(`Cannot open a code graph: module "${moduleUrl}" exports no CodeGraph class with an open() method`);
    }
    const open: CodeGraphOpenOptionsLike = { root: options.root, onProgress: options.onProgress, watch: options.watch, persist: options.persist };
    if (options.onNotice !== undefined) open.onNotice = options.onNotice;
    if (options.workers !== undefined) open.workers = options.workers;
    if (options.memoryBudgetBytes !== undefined) open.memoryBudgetBytes = options.memoryBudgetBytes;
    const graph = await mod.CodeGraph.open(open);
    return new CodeGraphService(graph, options.root);
  };
}
