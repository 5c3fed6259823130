import type { CodeGraphLike, GraphAnswerLike, GraphSearchOptionsLike } from './code-graph-like.js';
import { normalizeHit } from './normalize-hit.js';
import { plainGraphEvent } from './plain-graph-event.js';
import { plainRuntimeEvent } from './plain-runtime-event.js';
import { RootRelative } from './root-relative.js';
import type { QueryAnswer, QueryRequest, QueryService, ServiceEventListener, ServiceStats } from './query-service.js';

/**
 * Adapts a `CodeGraph` to the {@link QueryService} the daemon serves: it maps each query to the
 * graph's method, makes every `file` root-relative, applies `limit` to the queries whose graph
 * method takes none (outline, imports, importers, map), and republishes the runtime's events on the `runtime` topic.
 */
export class CodeGraphService implements QueryService {
  readonly topics: readonly string[] = ['runtime', 'graph'];
  readonly #graph: CodeGraphLike;
  readonly #root: RootRelative;

  /**
   * @param graph - an open graph; the service owns it from now on and closes it in {@link close}
   * @param root - the absolute root it was opened on
   */
  constructor(graph: CodeGraphLike, root: string) {
    this.#graph = graph;
    this.#root = new RootRelative(root);
  }

  async query(request: QueryRequest): Promise<QueryAnswer> {
    const answer = await this.#run(request);
    const limit = request.limit ?? Infinity;
    const cut = answer.results.length > limit;
    const hits = cut ? answer.results.slice(0, limit) : answer.results;
    const out = {
      results: hits.map((hit) => normalizeHit(this.#root, hit)),
      truncated: answer.truncated || cut,
      took_ms: Math.round(answer.took_ms * 1000) / 1000,
    };
    return typeof answer.text === 'string' ? { ...out, text: answer.text } : out;
  }

  send(actor: string, msg: unknown): Promise<unknown> {
    return this.#graph.supervisor.ask(actor, msg);
  }

  async evict(target: string): Promise<{ evicted: string[] }> {
    const total = (this.#graph.stats() as { partitions?: { total?: number } }).partitions?.total ?? 0;
    const evicted = target === 'all' ? Array.from({ length: total }, (_, i) => `partition/${i}`) : [target];
    await Promise.all(evicted.map((address) => this.#graph.supervisor.evict(address)));
    return { evicted };
  }

  list(what: 'partitions' | 'workers'): readonly Record<string, unknown>[] {
    if (what === 'workers') return this.#graph.supervisor.stats().workers.map((w) => ({ ...w }));
    return (this.#graph.partitions?.() ?? []).map((p) => ({ ...p }));
  }

  async sync(): Promise<void> {
    await this.#graph.sync?.();
  }

  async setBudget(bytes: number): Promise<{ budgetBytes: number }> {
    await this.#graph.supervisor.setMemoryBudget(bytes);
    return { budgetBytes: bytes };
  }

  stats(): ServiceStats {
    const s = this.#graph.supervisor.stats();
    const own = asRecord(this.#graph.stats());
    const partitions = asRecord(own.partitions);
    return {
      workers: { total: s.workers.length, ready: s.workers.filter((w) => w.status === 'ready').length },
      partitions: {
        resident: numberOr(partitions.resident, s.actors.active + s.actors.activating),
        evicted: numberOr(partitions.evicted, s.actors.passivated),
      },
      memory: { ...s.memory },
      restarts: s.restarts,
      cacheHitRate: numberOr(own.cacheHitRate, hitRate(asRecord(own.cache))),
      files: numberOr(own.files, null),
      live: {
        start: own.start === 'warm' || own.start === 'cold' ? own.start : null,
        updates: numberOr(own.updates, null),
        watchedDirs: numberOr(asRecord(own.watch).dirs, null),
        rescans: numberOr(asRecord(own.watch).rescans, null),
      },
    };
  }

  on(listener: ServiceEventListener): () => void {
    const offRuntime = this.#graph.supervisor.on((event) => listener('runtime', plainRuntimeEvent(event)));
    const offGraph = this.#graph.on?.((event) => listener('graph', plainGraphEvent(event))) ?? (() => {});
    return () => {
      offRuntime();
      offGraph();
    };
  }

  close(): Promise<void> {
    return this.#graph.close();
  }

  #run(request: QueryRequest): Promise<GraphAnswerLike> {
    const g = this.#graph;
    const limit = request.limit === undefined ? {} : { limit: request.limit };
    switch (request.op) {
      case 'def':
        return g.def(request.name, limit);
      case 'refs':
        return g.refs(request.name, limit);
      case 'complete':
        return g.complete(request.prefix, limit);
      case 'search':
        return g.search(request.pattern, searchOptions(request));
      case 'outline':
        return g.outline(request.file);
      case 'imports':
        return g.imports(request.file);
      case 'importers':
        return g.importers(request.file);
      case 'impact':
        return g.impact(request.file, limit);
      case 'map':
        return g.map(request.tokens === undefined ? {} : { tokens: request.tokens });
    }
  }
}

function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}

function searchOptions(request: QueryRequest & { op: 'search' }): GraphSearchOptionsLike {
  const o: GraphSearchOptionsLike = {};
  if (request.mode !== undefined) o.mode = request.mode;
  if (request.ignoreCase !== undefined) o.ignoreCase = request.ignoreCase;
  if (request.include !== undefined) o.include = [...request.include];
  if (request.exclude !== undefined) o.exclude = [...request.exclude];
  if (request.limit !== undefined) o.limit = request.limit;
  return o;
}

/** hits / (hits + misses) of a `{ hits, misses }` cache count, or null without lookups. */
function hitRate(cache: Record<string, unknown>): number | null {
  const { hits, misses } = cache;
  if (typeof hits !== 'number' || typeof misses !== 'number' || hits + misses === 0) return null;
  return hits / (hits + misses);
}

function numberOr<T>(value: unknown, fallback: T): number | T {
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}
