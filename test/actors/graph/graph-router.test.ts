import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { GraphRouter } from '../../../actors/graph/graph-router.js';
import { NameFilter } from '../../../actors/graph/partition/index.js';
import { partitionTree } from '../../../actors/graph/scan/index.js';

const plan = partitionTree(
  ['a/x.ts', 'a/y.ts', 'b/z.ts', 'c/w.ts'].map((path) => ({ path, size: 10 })),
  { files: 2 },
);

describe('GraphRouter', () => {
  it('names the owner of any path, also of paths created later', () => {
    const router = new GraphRouter(plan);

    assert.equal(router.count, 2);
    assert.deepEqual(['a/x.ts', 'b/z.ts', 'c/new.ts', '0.ts'].map((p) => router.owner(p)), [0, 1, 1, 0]);
    assert.equal(router.address(1), 'partition/1');
  });

  it('asks every partition until summaries arrive, then only those that may hold the name', () => {
    const router = new GraphRouter(plan);
    assert.deepEqual(router.mayHold('foo'), [0, 1]);

    router.setSummary(0, NameFilter.build(['foo']).toData());
    router.setSummary(1, NameFilter.build(['bar']).toData());

    assert.deepEqual(router.mayHold('foo'), [0]);
    assert.deepEqual(router.mayHold('bar'), [1]);
    assert.ok(router.filterBytes >= 16);
  });

  it('moves its stamp when a version or a summary changes, never otherwise', () => {
    const router = new GraphRouter(plan);
    const s0 = router.stamp;

    assert.equal(router.observe(0, 0), false);
    assert.equal(router.stamp, s0);
    assert.equal(router.observe(0, 3), true);
    assert.equal(router.version(0), 3);
    const s1 = router.stamp;
    router.setSummary(1, null);

    assert.ok(s1 !== s0 && router.stamp !== s1);
  });
});
