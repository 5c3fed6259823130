import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { CodeGraph, type QueryResult, type SearchOptions } from '../../actors/index.js';
import { reposRoot } from '../fixtures/graph-fixtures.js';

// Every fixture language in one graph, two files per partition: answers span partitions, and
// partitions live on two workers. Each test asks with its own `limit` (or file), so no answer
// comes from the cache.
const queries: [string, (g: CodeGraph, limit: number) => Promise<QueryResult>][] = [
  ['def Foo', (g, limit) => g.def('Foo', { limit })],
  ['refs Foo', (g, limit) => g.refs('Foo', { limit })],
  ['def area', (g, limit) => g.def('area', { limit })],
  ['refs node_t', (g, limit) => g.refs('node_t', { limit })],
  ['complete pa', (g, limit) => g.complete('pa', { limit: limit % 50 })],
  ['search return', (g, limit) => g.search('return', { limit: limit % 7 })],
  ['search regex', (g, limit) => g.search(['\\bnew\\s+\\w+', '\\('], { mode: 'regex', limit })],
  ['outline', (g, limit) => g.outline(limit === 1000 ? 'typescript/src/shapes.ts' : 'python/pkg/models.py')],
  ['imports', (g, limit) => g.imports(limit === 1000 ? 'c/src/list.c' : 'typescript/src/shapes.ts')],
  ['importers', (g, limit) => g.importers(limit === 1000 ? 'typescript/src/util.ts' : 'c/src/list.h')],
  ['impact', (g, limit) => g.impact('typescript/src/util.ts', { limit })],
  ['map', (g, limit) => g.map({ tokens: limit % 300 })],
];

const answer = (r: QueryResult): unknown => ({ results: r.results, truncated: r.truncated, text: r.text });

describe('CodeGraph with evicted partitions', () => {
  let dir: string;
  let roomy: CodeGraph;
  let tight: CodeGraph;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'tessera-graph-evict-'));
    const common = { root: reposRoot, workers: 2, partitionFiles: 2, snapshotDir: dir };
    [roomy, tight] = await Promise.all([CodeGraph.open(common), CodeGraph.open({ ...common, memoryBudgetBytes: 1 << 16 })]);
  });
  after(async () => {
    await Promise.all([roomy?.close(), tight?.close()]);
    await rm(dir, { recursive: true, force: true });
  });

  it('searches evicted partitions from their files while memory is short, with their indexes\' answers', async () => {
    const searches: [string | string[], SearchOptions][] = [
      ['return', {}],
      [['\\bnew\\s+\\w+', '\\('], { mode: 'regex' }],
      ['foo', { ignoreCase: true }],
      [['area', 'return'], { scope: 'file' }],
      ['import', { include: ['typescript/**'] }],
      ['e', {}],
    ];
    const run = (g: CodeGraph, limit: number) => Promise.all(searches.map(([p, o]) => g.search(p, { ...o, limit }).then(answer)));
    assert.equal(roomy.stats().partitions.evicted, 0);
    const fromIndexes = await run(roomy, 900);
    await tight.supervisor.maintain();
    assert.notEqual(tight.supervisor.pressure, 'normal');
    assert.ok(tight.stats().partitions.evicted > 0);
    const activations = tight.supervisor.stats().activations;

    const fromFiles = await run(tight, 901); // every answer is shorter than 900

    assert.deepEqual(fromFiles, fromIndexes);
    assert.ok(fromIndexes.every((a) => { const r = (a as { results: unknown[]; truncated: boolean }); return r.results.length > 0 && !r.truncated; }));
    assert.equal(tight.supervisor.stats().activations, activations, 'no partition was loaded');
  });

  it('answers identically when a tiny memory budget evicts partitions between queries', async () => {
    for (const [name, q] of queries) {
      await tight.supervisor.maintain();
      assert.deepEqual(answer(await q(tight, 1000)), answer(await q(roomy, 1000)), name);
    }
    assert.ok(tight.supervisor.stats().evictions > 0);
    assert.ok(roomy.stats().partitions.total >= 6);
  });

  it('answers def over evicted partitions from their stored def tables, loading none', async () => {
    assert.equal(roomy.stats().partitions.evicted, 0);
    const named = (await roomy.complete('', { limit: 500 })).results.filter((r) => (r['defs'] as number) > 0);
    const names = [...named.map((r) => r['name'] as string), 'no_such_name'];
    assert.ok(names.length > 40, `${names.length} names`);
    const all = (g: CodeGraph, limit: number) => Promise.all(names.map((n) => g.def(n, { limit }).then(answer)));
    const fromIndexes = await all(roomy, 990);
    const spread = fromIndexes.filter((a) => (a as { results: unknown[] }).results.length > 1).length;
    assert.ok(spread > 3, `${spread} names have several definitions`);
    const { total } = roomy.stats().partitions;
    await Promise.all(Array.from({ length: total }, (_, id) => roomy.supervisor.evict(`partition/${id}`)));
    assert.equal(roomy.stats().partitions.resident, 0);
    const activations = roomy.supervisor.stats().activations;
    const before = roomy.stats().partitions.defsFromDisk;

    assert.deepEqual(await all(roomy, 991), fromIndexes); // every answer is shorter than 990
    const firstOnly = fromIndexes.map((a) => {
      const { results } = a as { results: unknown[] };
      return { results: results.slice(0, 1), truncated: results.length > 1, text: undefined };
    });
    assert.deepEqual(await all(roomy, 1), firstOnly);
    assert.equal(roomy.supervisor.stats().activations, activations, 'no partition was loaded');
    assert.ok(roomy.stats().partitions.defsFromDisk > before + names.length, `${roomy.stats().partitions.defsFromDisk - before} answers read from disk`);
  });

  it('answers identically after every partition was evicted on purpose, re-activating them', async () => {
    const { total } = roomy.stats().partitions;
    await Promise.all(Array.from({ length: total }, (_, id) => roomy.supervisor.evict(`partition/${id}`)));
    assert.equal(roomy.stats().partitions.resident, 0);
    const activations = roomy.supervisor.stats().activations;
    const misses = roomy.stats().cache.misses;

    // Neither graph was asked these (limit 999) before: both compute them.
    const actual = await Promise.all(queries.map(([, q]) => q(roomy, 999).then(answer)));
    const expected = await Promise.all(queries.map(([, q]) => q(tight, 999).then(answer)));

    assert.deepEqual(actual, expected);
    assert.equal(roomy.stats().cache.misses, misses + queries.length);
    assert.ok(roomy.supervisor.stats().activations > activations);
  });
});
