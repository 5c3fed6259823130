import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CompletionTable } from '../../../actors/graph/completion-table.js';
import { FileTable } from '../../../actors/graph/file-table.js';
import { GraphImports } from '../../../actors/graph/graph-imports.js';
import { GraphRouter } from '../../../actors/graph/graph-router.js';
import { completions } from '../../../actors/graph/graph-symbol-queries.js';
import { createImportResolver } from '../../../actors/graph/index/index.js';
import { countNames, NameFilter, packCounts } from '../../../actors/graph/partition/index.js';
import type { PartitionClient } from '../../../actors/graph/partition-client.js';
import type { QueryContext } from '../../../actors/graph/query-context.js';
import { partitionTree } from '../../../actors/graph/scan/index.js';

const parts = [
  packCounts(['Parse', 'parse', 'other'], [0, 0, 1], [9, 1, 0]),
  packCounts(['parse', 'parseAll', 'pa'], [1, 1, 0], [1, 0, 0]),
  packCounts(['parse', 'pAx'], [2, 0], [0, 3]),
];

describe('CompletionTable', () => {
  it('sums counts over partitions and ranks as a partition does', () => {
    const table = CompletionTable.build(parts);

    const { top, truncated } = table.top('pa', 3);

    // exact-case prefix first, then count, then shorter, then symbol order; 'pa' has no count.
    assert.deepEqual(top, [
      { name: 'parse', defs: 3, refs: 2, partition: 1 },
      { name: 'parseAll', defs: 1, refs: 0, partition: 1 },
      { name: 'Parse', defs: 0, refs: 9, partition: 0 },
    ]);
    assert.equal(truncated, true);
    assert.equal(table.size, 5);
  });

  it('routes def and refs exactly: the partitions, in path order, whose counts hold the name', () => {
    const table = CompletionTable.build(parts, [4, 7, 2]);
    assert.deepEqual(table.partitionsWith('parse', 'def'), [7, 2]);
    assert.deepEqual(table.partitionsWith('parse', 'refs'), [4, 7]);
    assert.deepEqual(table.partitionsWith('Parse', 'def'), []);
    assert.deepEqual(table.partitionsWith('Parse', 'refs'), [4]);
    assert.deepEqual(table.partitionsWith('PARSE', 'refs'), []); // exact case only
    assert.deepEqual(table.partitionsWith('nowhere', 'def'), []);
    assert.equal(table.count('parse', 'def'), 3);
    assert.equal(table.count('parse', 'refs'), 2);
    assert.equal(table.count('Parse', 'refs'), 9);
    assert.equal(table.count('Parse', 'def'), 0);
    assert.equal(table.count('nowhere', 'def'), 0);
  });

  it('lists the definers of a name with how many definitions each holds, saturating at 65,535', () => {
    const table = CompletionTable.build(parts, [4, 7, 2]);
    assert.deepEqual(table.definersOf('parse'), { ids: [7, 2], counts: [1, 2] });
    assert.deepEqual(table.definersOf('Parse'), { ids: [], counts: [] });
    assert.deepEqual(table.definersOf('nowhere'), { ids: [], counts: [] });
    const big = CompletionTable.build([packCounts(['x'], [70_000], [0]), packCounts(['x'], [3], [0])]);
    assert.deepEqual(big.definersOf('x'), { ids: [0, 1], counts: [65_535, 3] });
    assert.equal(big.count('x', 'def'), 70_003);
  });

  it('matches ignoring case, reports no truncation when everything fits, and handles limit 0', () => {
    const table = CompletionTable.build(parts);

    assert.deepEqual(table.top('PAX', 5), { top: [{ name: 'pAx', defs: 0, refs: 3, partition: 2 }], truncated: false });
    assert.deepEqual(table.top('zz', 5), { top: [], truncated: false });
    assert.deepEqual(table.top('p', 0), { top: [], truncated: true });
  });

  it('finds names whose lower-cased form is longer (İ lower-cases to two code units) and ranks across them', () => {
    const table = CompletionTable.build([packCounts(['İx', 'ix', 'Ab', 'ab'], [1, 0, 0, 2], [0, 4, 1, 0]), packCounts(['ab', 'zz'], [1, 0], [0, 1])]);

    assert.deepEqual(table.partitionsWith('İx', 'def'), [0]);
    assert.deepEqual(table.partitionsWith('ab', 'def'), [0, 1]);
    assert.deepEqual(table.partitionsWith('zz', 'refs'), [1]);
    // Folded, 'İx' is 'i̇x': it matches prefix 'i' (not exact-case), after 'ix' (exact case).
    assert.deepEqual(table.top('i', 5).top.map((c) => c.name), ['ix', 'İx']);
    assert.deepEqual(table.top('ix', 5).top.map((c) => c.name), ['ix']);
    assert.equal(table.size, 5);
  });

  it('agrees with a plain merge on many partitions (sums, path-ordered lists, prefix runs)', () => {
    const words = ['a', 'ab', 'Ab', 'abc', 'b', 'B', 'bc', 'x_1', 'X_1', 'é', 'É', 'ée'];
    const plain = new Map<string, { defs: number; refs: number; defIds: number[]; refIds: number[] }>();
    const packed = Array.from({ length: 7 }, (_, p) => {
      const names = words.filter((_, w) => (w * 7 + p) % 3 !== 0);
      const defs = names.map((_, i) => (i + p) % 2);
      const refs = names.map((_, i) => (i * p) % 3);
      names.forEach((name, i) => {
        if (defs[i]! + refs[i]! === 0) return;
        const e = plain.get(name) ?? { defs: 0, refs: 0, defIds: [], refIds: [] };
        e.defs += defs[i]!;
        e.refs += refs[i]!;
        if (defs[i]! > 0) e.defIds.push(p * 10);
        if (refs[i]! > 0) e.refIds.push(p * 10);
        plain.set(name, e);
      });
      return packCounts(names, defs, refs);
    });
    const table = CompletionTable.build(packed, packed.map((_, p) => p * 10));

    assert.equal(table.size, plain.size);
    for (const [name, e] of plain) {
      assert.deepEqual(table.partitionsWith(name, 'def'), e.defIds, name);
      assert.deepEqual(table.partitionsWith(name, 'refs'), e.refIds, name);
      const found = table.top(name, 1000).top.find((c) => c.name === name);
      assert.deepEqual(found && { defs: found.defs, refs: found.refs }, { defs: e.defs, refs: e.refs }, name);
    }
  });
});

describe('completions() from the router table', () => {
  it('asks only the partition holding each top name for its location', async () => {
    const plan = partitionTree(parts.map((_, p) => ({ path: `p${p}.ts`, size: 1 })), { files: 1 });
    const router = new GraphRouter(plan);
    parts.forEach((c, id) => router.setSummary(id, NameFilter.build(countNames(c)).toData(), c));
    const asked: string[] = [];
    const client = {
      query: (id: number, op: string, args: { name: string }) => {
        asked.push(`${id}:${op}:${args.name}`);
        router.observe(id, 1); // as PartitionClient does with every reply
        return Promise.resolve({ version: 1, value: { hits: [{ name: args.name, path: `p${id}.ts`, line: 7, column: 2 }], total: 1 } });
      },
    } as unknown as PartitionClient;
    const ctx: QueryContext = { root: '/r', router, client, table: new FileTable(), imports: new GraphImports(), resolver: createImportResolver(), concurrency: 1 };

    const answer = await completions(ctx, 'pa', 2);

    assert.deepEqual(answer.results, [
      { file: 'p1.ts', line: 7, column: 2, name: 'parse', defs: 3, refs: 2 },
      { file: 'p1.ts', line: 7, column: 2, name: 'parseAll', defs: 1, refs: 0 },
    ]);
    assert.equal(answer.truncated, true);
    assert.deepEqual(asked.sort(), ['1:def:parse', '1:def:parseAll']);

    // Locations read at the partition's current version are reused.
    await completions(ctx, 'par', 2);
    assert.equal(asked.length, 2);
  });
});
