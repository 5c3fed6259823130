import type { RuntimeEventListener, SupervisorStats } from '../../runtime/index.js';

/**
 * The shape of `CodeGraph` (actors/) that the daemon relies on, written down structurally so
 * that the CLI builds while the graph library is in progress and so that tests can hand the
 * daemon a stub with the same surface. Keep it a subset of the real class: the adapter
 * {@link CodeGraphService} is the only code that touches it.
 *
 * @module
 */

/** One result as the graph returns it; `file` may be absolute or root-relative. */
export interface GraphHitLike {
  readonly file: string;
  readonly line: number;
  readonly column?: number | undefined;
  readonly name?: string | undefined;
  readonly kind?: string | undefined;
  readonly text?: string | undefined;
  /** Anything else a query adds (`ranges` of a search match, `endLine` of a definition, ...). */
  readonly [field: string]: unknown;
}

/** The answer of every graph query. */
export interface GraphAnswerLike {
  readonly results: readonly GraphHitLike[];
  readonly truncated: boolean;
  readonly took_ms: number;
  /** `map`: the map rendered as text. */
  readonly text?: string | undefined;
}

/** Options of the graph's search. */
export interface GraphSearchOptionsLike {
  mode?: 'literal' | 'regex';
  ignoreCase?: boolean;
  include?: string[];
  exclude?: string[];
  limit?: number;
}

/** The part of the runtime Supervisor the daemon uses. */
export interface GraphSupervisorLike {
  stats(): SupervisorStats;
  on(listener: RuntimeEventListener): () => void;
  ask(address: string, message: unknown): Promise<unknown>;
  evict(address: string): Promise<void>;
  setMemoryBudget(bytes: number): Promise<void>;
}

/** A code graph, opened over one root. */
export interface CodeGraphLike {
  def(name: string, options: { limit?: number }): Promise<GraphAnswerLike>;
  refs(name: string, options: { limit?: number }): Promise<GraphAnswerLike>;
  complete(prefix: string, options: { limit?: number }): Promise<GraphAnswerLike>;
  search(pattern: string, options: GraphSearchOptionsLike): Promise<GraphAnswerLike>;
  outline(file: string): Promise<GraphAnswerLike>;
  imports(file: string): Promise<GraphAnswerLike>;
  importers(file: string): Promise<GraphAnswerLike>;
  impact(file: string, options: { limit?: number }): Promise<GraphAnswerLike>;
  map(options: { tokens?: number }): Promise<GraphAnswerLike>;
  /** The graph's own figures; the adapter reads `files`, `partitions` and `cache` when present. */
  stats(): unknown;
  /** The partitions in path order (absent: the graph lists none). */
  partitions?(): readonly object[];
  /** Resolves once every change seen is applied (absent: the graph does not watch, nothing to wait for). */
  sync?(): Promise<void>;
  /** Graph events (files re-indexed, partitions rebuilt), republished on the `graph` topic. */
  on?(listener: (event: { readonly type: string }) => void): () => void;
  readonly supervisor: GraphSupervisorLike;
  close(): Promise<void>;
}

/** Options of `CodeGraph.open`. */
export interface CodeGraphOpenOptionsLike {
  root: string;
  workers?: number;
  memoryBudgetBytes?: number;
  watch?: boolean;
  persist?: boolean;
  onProgress?: (progress: { phase: string; done: number; total: number }) => void;
  onNotice?: (notice: { readonly code: string; readonly message: string }) => void;
}

/** A module exporting a `CodeGraph` class (actors/index.ts, or a stub in tests). */
export interface CodeGraphModuleLike {
  readonly CodeGraph: { open(options: CodeGraphOpenOptionsLike): Promise<CodeGraphLike> };
}
