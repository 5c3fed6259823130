import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FileTable } from '../../../actors/graph/file-table.js';
import { GraphImports } from '../../../actors/graph/graph-imports.js';
import { GraphRouter } from '../../../actors/graph/graph-router.js';
import { completions, planDefAsks, symbolHits } from '../../../actors/graph/graph-symbol-queries.js';
import { createImportResolver } from '../../../actors/graph/index/index.js';
import { countNames, NameFilter, packCounts } from '../../../actors/graph/partition/index.js';
import type { PartitionClient } from '../../../actors/graph/partition-client.js';
import type { QueryContext } from '../../../actors/graph/query-context.js';
import { partitionTree } from '../../../actors/graph/scan/index.js';

/** Partition `p` holds `hits[p]` definitions of `x`, at lines 1…n of `p<p>.ts`. */
function context(hits: number[], completions: unknown[][] = [], concurrency = 1): { ctx: QueryContext; asked: string[] } {
  const plan = partitionTree(hits.map((_, p) => ({ path: `p${p}.ts`, size: 1 })), { files: 1 });
  const asked: string[] = [];
  const client = {
    query: (id: number, op: string, args: { limit: number }) => {
      asked.push(`${id}:${args.limit}`);
      if (op === 'complete') return Promise.resolve({ version: 0, value: completions[id] ?? [] });
      const all = Array.from({ length: hits[id]! }, (_, i) => ({ name: 'x', kind: 'function', path: `p${id}.ts`, line: i + 1, column: 0, endLine: i + 1, enclosing: null, signature: '' }));
      return Promise.resolve({ version: 0, value: { hits: all.slice(0, args.limit), total: all.length } });
    },
  } as unknown as PartitionClient;
  const ctx: QueryContext = { root: '/r', router: new GraphRouter(plan), client, table: new FileTable(), imports: new GraphImports(), resolver: createImportResolver(), concurrency };
  return { ctx, asked };
}

describe('symbolHits()', () => {
  it('sizes each ask by what is still missing and stops once a partition proves truncation', async () => {
    const { ctx, asked } = context([2, 0, 3, 5]);

    const answer = await symbolHits(ctx, 'def', 'x', 4);

    assert.deepEqual(answer.results.map((r) => `${r.file}:${r.line}`), ['p0.ts:1', 'p0.ts:2', 'p2.ts:1', 'p2.ts:2']);
    assert.equal(answer.truncated, true);
    assert.deepEqual(asked, ['0:4', '1:2', '2:2']);
  });

  it('asks the rest for 0 hits when the limit is met exactly, and reports no truncation when they have none', async () => {
    const { ctx, asked } = context([2, 0]);

    const answer = await symbolHits(ctx, 'refs', 'x', 2);

    assert.equal(answer.truncated, false);
    assert.deepEqual(asked, ['0:2', '1:0']);
  });

  it('cuts answers of overlapping asks to the limit', async () => {
    const { ctx, asked } = context([1, 1, 1], [], 3);

    const answer = await symbolHits(ctx, 'refs', 'x', 1);

    assert.deepEqual(answer.results.map((r) => r.file), ['p0.ts']);
    assert.equal(answer.truncated, true);
    assert.deepEqual(asked, ['0:1', '1:1', '2:1']);
  });

  it('checks its arguments', async () => {
    const { ctx } = context([1]);
    await assert.rejects(symbolHits(ctx, 'def', 'x', -1), RangeError);
    await assert.rejects(symbolHits(ctx, 'def', 3 as unknown as string, 1), TypeError);
  });
});

/**
 * Partition `p` defines `x` `defs[p]` times, its counts in the router, so the completion table
 * is built; answers come a macrotask later, and the most asks in flight at once are recorded.
 */
function countedContext(defs: number[], concurrency: number, actual: number[] = defs): { ctx: QueryContext; flight: { now: number; most: number; asked: string[] } } {
  const plan = partitionTree(defs.map((_, p) => ({ path: `p${p}.ts`, size: 1 })), { files: 1 });
  const router = new GraphRouter(plan);
  defs.forEach((n, id) => {
    const counts = packCounts(n > 0 ? ['x'] : [], n > 0 ? [n] : [], n > 0 ? [0] : []);
    router.setSummary(id, NameFilter.build(countNames(counts)).toData(), counts);
  });
  assert.notEqual(router.completionTable(), null);
  const flight = { now: 0, most: 0, asked: [] as string[] };
  const client = {
    query: async (id: number, _op: string, args: { limit: number }) => {
      flight.asked.push(`${id}:${args.limit}`);
      flight.most = Math.max(flight.most, ++flight.now);
      await new Promise((resolve) => setImmediate(resolve));
      flight.now--;
      const all = Array.from({ length: actual[id]! }, (_, i) => ({ name: 'x', kind: 'function', path: `p${id}.ts`, line: i + 1, column: 0, endLine: i + 1, enclosing: null, signature: '' }));
      return { version: 0, value: { hits: all.slice(0, args.limit), total: all.length } };
    },
  } as unknown as PartitionClient;
  const ctx: QueryContext = { root: '/r', router, client, table: new FileTable(), imports: new GraphImports(), resolver: createImportResolver(), concurrency };
  return { ctx, flight };
}

describe('symbolHits() with the completion table', () => {
  it('asks every partition that holds the name at once when all its hits fit the limit', async () => {
    const { ctx, flight } = countedContext([2, 0, 1, 3], 1);

    const answer = await symbolHits(ctx, 'def', 'x', 6);

    assert.deepEqual(answer.results.map((r) => `${r.file}:${r.line}`), ['p0.ts:1', 'p0.ts:2', 'p2.ts:1', 'p3.ts:1', 'p3.ts:2', 'p3.ts:3']);
    assert.equal(answer.truncated, false);
    assert.deepEqual(flight.asked, ['0:6', '2:6', '3:6']); // partition 1 has no `x`: not asked
    assert.equal(flight.most, 3);
  });

  it('asks at once, each for its share, the partitions whose counts hold the first `limit` definitions', async () => {
    const { ctx, flight } = countedContext([2, 0, 1, 3, 4], 1);

    const answer = await symbolHits(ctx, 'def', 'x', 5);

    assert.deepEqual(answer.results.map((r) => `${r.file}:${r.line}`), ['p0.ts:1', 'p0.ts:2', 'p2.ts:1', 'p3.ts:1', 'p3.ts:2']);
    assert.equal(answer.truncated, true);
    assert.deepEqual(flight.asked, ['0:5', '2:3', '3:2']); // partition 4 is not needed
    assert.equal(flight.most, 3);
  });

  it('adds one partition asked for 0 hits when the counts reach the limit exactly, to prove the truncation', async () => {
    const { ctx, flight } = countedContext([2, 0, 1, 3], 1);

    const answer = await symbolHits(ctx, 'def', 'x', 3);

    assert.deepEqual(answer.results.map((r) => `${r.file}:${r.line}`), ['p0.ts:1', 'p0.ts:2', 'p2.ts:1']);
    assert.equal(answer.truncated, true);
    assert.deepEqual(flight.asked, ['0:3', '2:1', '3:0']);
    assert.equal(flight.most, 3);
  });

  it('asks again in turns when a partition changed since its summary (its total differs from its count)', async () => {
    // The summaries say 2, 1, 3; partition 0 now holds 1 and partition 2 holds 4.
    const { ctx, flight } = countedContext([2, 0, 1, 3], 1, [1, 0, 4, 3]);

    const answer = await symbolHits(ctx, 'def', 'x', 5);

    assert.deepEqual(answer.results.map((r) => `${r.file}:${r.line}`), ['p0.ts:1', 'p2.ts:1', 'p2.ts:2', 'p2.ts:3', 'p2.ts:4']);
    assert.equal(answer.truncated, true);
    assert.deepEqual(flight.asked.slice(3), ['0:5', '2:4', '3:0']);
  });

  it('keeps to the context concurrency for refs beyond the limit', async () => {
    const { ctx, flight } = countedContext([2, 0, 1, 3], 1);

    const answer = await symbolHits(ctx, 'refs', 'x', 5);

    assert.equal(answer.results.length, 0); // the counts hold no references of `x`
    assert.equal(answer.truncated, false);
    assert.equal(flight.most, 0);
  });
});

describe('planDefAsks()', () => {
  it('ends the prefix where the counts reach the limit, one later when they reach it exactly', () => {
    assert.deepEqual(planDefAsks([2, 1, 3, 4], 5), { asks: 3, before: [0, 2, 3, 6] });
    assert.deepEqual(planDefAsks([2, 1, 3, 4], 3), { asks: 3, before: [0, 2, 3, 6] });
    assert.deepEqual(planDefAsks([2, 1, 3, 4], 2), { asks: 2, before: [0, 2, 3, 6] });
    assert.deepEqual(planDefAsks([100], 100), { asks: 1, before: [0] });
    assert.deepEqual(planDefAsks([1, 1], 5), { asks: 2, before: [0, 1] });
  });
});

describe('completions()', () => {
  it('sums counts over partitions, keeps the first definition as the location, and ranks exact case first', async () => {
    const at = (path: string) => ({ path, line: 1, column: 0 });
    const { ctx } = context([0, 0], [
      [{ name: 'Parse', defs: 0, refs: 9, ...at('p0.ts') }, { name: 'parse', defs: 0, refs: 1, ...at('p0.ts') }],
      [{ name: 'parse', defs: 1, refs: 1, ...at('p1.ts') }, { name: 'parseAll', defs: 1, refs: 0, ...at('p1.ts') }],
    ]);

    const answer = await completions(ctx, 'pa', 2);

    assert.deepEqual(answer.results, [
      { file: 'p1.ts', line: 1, column: 0, name: 'parse', defs: 1, refs: 2 },
      { file: 'p1.ts', line: 1, column: 0, name: 'parseAll', defs: 1, refs: 0 },
    ]);
    assert.equal(answer.truncated, true);
  });
});
