/**
 * The queries the `graph` scenario's regular-expression model does not predict — `complete`,
 * `imports`, `importers`, `impact` — checked at the end of a run against a fresh index of the
 * same files: after any sequence of changes, evictions and killed workers, the live graph must
 * answer as a graph built from scratch does.
 *
 * @module
 */

import assert from 'node:assert/strict';
import { CodeGraph, type QueryResult } from '../../actors/index.js';

type Op = 'complete' | 'imports' | 'importers' | 'impact';

/** One comparable line per result. */
function rows(r: QueryResult): string[] {
  return r.results.map((x) => `${x.file}:${x.line}:${x.column ?? ''}:${x.name ?? ''}`);
}

async function answers(graph: CodeGraph, prefixes: readonly string[], files: readonly string[]): Promise<Map<string, unknown>> {
  const out = new Map<string, unknown>();
  for (const p of prefixes) out.set(`complete ${p}`, rows(await graph.complete(p)));
  for (const file of files) {
    for (const op of ['imports', 'importers', 'impact'] as const satisfies readonly Op[]) {
      out.set(`${op} ${file}`, await graph[op](file).then(rows, (err: unknown) => (err as { code?: string }).code ?? 'uncoded error'));
    }
  }
  return out;
}

/**
 * Compares the live graph with a fresh index of `root`.
 * @param live - the graph under test
 * @param o - the tree, the prefixes to complete, the files to ask about, where the fresh graph keeps its snapshots
 * @throws AssertionError naming the first query that differs
 */
export async function checkAgainstFreshIndex(live: CodeGraph, o: { root: string; prefixes: readonly string[]; files: readonly string[]; snapshotDir: string }): Promise<void> {
  const fresh = await CodeGraph.open({ root: o.root, workers: 1, snapshotDir: o.snapshotDir });
  let expected: Map<string, unknown>;
  try {
    expected = await answers(fresh, o.prefixes, o.files);
  } finally {
    await fresh.close();
  }
  const got = await answers(live, o.prefixes, o.files);
  for (const [query, want] of expected) assert.deepEqual(got.get(query), want, `${query} differs from a fresh index of the same files`);
}
