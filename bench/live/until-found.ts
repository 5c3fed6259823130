import type { CodeGraph } from '../../actors/index.js';

/**
 * Waits until `def` finds every name, asking about the ones still missing every millisecond
 * (a `def` of an unknown name costs a few microseconds: the name filters rule out every
 * partition).
 * @param graph - the open graph
 * @param names - symbols just written to disk
 * @param timeoutMs - gives up after this long
 * @throws Error naming how many are still missing at the timeout
 */
export async function untilFound(graph: CodeGraph, names: readonly string[], timeoutMs: number): Promise<void> {
  const started = performance.now();
  let missing = [...names];
  for (;;) {
    const found = await Promise.all(missing.map((n) => graph.def(n, { limit: 1 })));
    missing = missing.filter((_, i) => found[i]!.results.length === 0);
    if (missing.length === 0) return;
    if (performance.now() - started > timeoutMs) throw new Error(`live bench: ${missing.length} of ${names.length} symbols still not found after ${timeoutMs} ms (first: ${missing[0]})`);
    await new Promise((r) => setTimeout(r, 1));
  }
}
