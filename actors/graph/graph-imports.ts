/**
 * Imports across partitions. A partition resolves imports only against its own files, so the
 * graph layer gathers every partition's import statements (the `facts` query, imports only),
 * keeps them per partition with the version they were read at, and resolves them against the
 * whole file table. The result, rebuilt when the router's stamp moved, answers `importers`
 * (reverse edges) and feeds `impact` (rank's BFS over the reverse import graph).
 *
 * @module
 */

import type { ImportResolver } from './index/index.js';
import type { FileTable } from './file-table.js';
import type { FileFacts } from './partition/index.js';
import { buildImportGraph, type ImportGraph } from './rank/index.js';

/** One import statement resolved to one indexed file. */
export interface ResolvedImport {
  readonly from: string;
  readonly to: string;
  readonly specifier: string;
  /** Line of the statement in `from` (1-based). */
  readonly line: number;
}

interface Built {
  readonly stamp: number;
  /** Target path → imports of it, by importer path then line. */
  readonly byTarget: Map<string, ResolvedImport[]>;
  /** `from \0 to` → the first statement that makes the edge. */
  readonly firstEdge: Map<string, ResolvedImport>;
  readonly graph: ImportGraph;
}

/**
 * The targets an import resolves to against the whole graph: the first candidate that exists;
 * a directory candidate (Go packages) means every file of the importer's language directly in it.
 * @param resolver - the graph's import resolver
 * @param table - every indexed file
 * @param specifier - as written
 * @param from - the importing file
 * @param language - the importing file's language
 * @returns the resolved candidate (a file path or a directory key ending in `/`) and its files;
 *   `null` when external or missing
 */
export function resolveImport(resolver: ImportResolver, table: FileTable, specifier: string, from: string, language: string): { target: string; files: string[] } | null {
  for (const c of resolver.candidates(specifier, from, language)) {
    if (!c.endsWith('/')) {
      if (table.has(c)) return { target: c, files: [c] };
      continue;
    }
    const files = table.filesInDir(c, language);
    if (files.size > 0) return { target: c, files: [...files].sort(compare) };
  }
  return null;
}

/** Import facts per partition and the graph-wide resolution built from them. */
export class GraphImports {
  readonly #facts = new Map<number, { version: number; files: readonly FileFacts[] }>();
  #built: Built | null = null;

  /** Partitions whose import facts are missing or older than `version(id)`. */
  stale(ids: readonly number[], version: (id: number) => number): number[] {
    return ids.filter((id) => this.#facts.get(id)?.version !== version(id));
  }

  /** Stores a partition's import facts, read at `version`. */
  store(id: number, version: number, files: readonly FileFacts[]): void {
    this.#facts.set(id, { version, files });
    this.#built = null;
  }

  /**
   * Resolves every stored import against the file table, unless already done at this stamp.
   * @param stamp - the router's stamp (versions and filters) the facts were checked against
   */
  build(resolver: ImportResolver, table: FileTable, stamp: number): void {
    if (this.#built?.stamp === stamp) return;
    const byTarget = new Map<string, ResolvedImport[]>();
    const firstEdge = new Map<string, ResolvedImport>();
    for (const { files } of [...this.#facts.entries()].sort((a, b) => a[0] - b[0]).map((e) => e[1])) {
      for (const f of files) {
        // The table is the graph's view of the files: one removed since the facts were read is skipped.
        const language = table.get(f.file)?.language;
        if (language === undefined) continue;
        for (const [specifier, line] of f.imports) {
          for (const to of resolveImport(resolver, table, specifier, f.file, language)?.files ?? []) {
            const edge = { from: f.file, to, specifier, line };
            const list = byTarget.get(to);
            if (list === undefined) byTarget.set(to, [edge]);
            else list.push(edge);
            const key = `${f.file}\0${to}`;
            if (!firstEdge.has(key)) firstEdge.set(key, edge);
          }
        }
      }
    }
    const graph = buildImportGraph([...firstEdge.values()].map((e) => ({ from: e.from, to: e.to })));
    this.#built = { stamp, byTarget, firstEdge, graph };
  }

  /** The imports of `path` by indexed files, by importer path, then line. @throws RangeError before `build` */
  importersOf(path: string): readonly ResolvedImport[] {
    return this.#ready().byTarget.get(path) ?? [];
  }

  /** The first statement by which `from` imports `to`, if any. @throws RangeError before `build` */
  edge(from: string, to: string): ResolvedImport | undefined {
    return this.#ready().firstEdge.get(`${from}\0${to}`);
  }

  /** The reverse import graph for rank's `impactOf`. @throws RangeError before `build` */
  get graph(): ImportGraph {
    return this.#ready().graph;
  }

  #ready(): Built {
    if (this.#built === null) throw new RangeError('Cannot read imports: they are not built: call build() first');
    return this.#built;
  }
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
