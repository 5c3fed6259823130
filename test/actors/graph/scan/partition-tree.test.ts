import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { partitionTree } from '../../../../actors/graph/scan/index.js';

const files = [
  'README.md',
  'src/a/x.ts',
  'src/a/y.ts',
  'src/b/1.ts',
  'src/b/2.ts',
  'src/b/3.ts',
  'src/b/4.ts',
  'src/b/5.ts',
  'src/c.ts',
  'test/t1.ts',
  'test/t2.ts',
].map((path) => ({ path, size: 100 }));

describe('partitionTree()', () => {
  it('keeps subtrees that fit whole, splits larger ones, and merges small neighbours', () => {
    const plan = partitionTree(files, { files: 4 });

    assert.deepEqual(
      plan.partitions.map((p) => [p.start, p.roots, p.files]),
      [
        ['', ['README.md', 'src/a/'], 3],
        ['src/b/1.ts', ['src/b/1.ts', 'src/b/2.ts', 'src/b/3.ts', 'src/b/4.ts'], 4],
        ['src/b/5.ts', ['src/b/5.ts', 'src/c.ts'], 2],
        ['test/', ['test/'], 2],
      ],
    );
    assert.deepEqual(plan.starts, ['', 'src/b/1.ts', 'src/b/5.ts', 'test/']);
  });

  it('makes one partition of a tree that fits, and of an empty tree', () => {
    assert.deepEqual(partitionTree(files, { files: 100 }).partitions, [{ id: 0, start: '', roots: [''], files: 11, bytes: 1100 }]);
    assert.deepEqual(partitionTree([], { bytes: 10 }).partitions, [{ id: 0, start: '', roots: [], files: 0, bytes: 0 }]);
  });

  it('closes a partition before it would exceed the byte target, and gives a larger file its own', () => {
    const plan = partitionTree(
      [{ path: 'a/big.bin', size: 5000 }, { path: 'a/s1', size: 600 }, { path: 'a/s2', size: 600 }, { path: 'b/s3', size: 100 }],
      { bytes: 1000 },
    );

    assert.deepEqual(plan.partitions.map((p) => [p.roots, p.bytes]), [[['a/big.bin'], 5000], [['a/s1'], 600], [['a/s2', 'b/'], 700]]);
  });

  it('sorts a directory where its paths sort (`a.ts` before `a/`)', () => {
    const plan = partitionTree(['a/1', 'a/2', 'a.ts', 'a-b'].map((path) => ({ path, size: 1 })), { files: 2 });

    assert.deepEqual(plan.partitions.map((p) => p.roots), [['a-b', 'a.ts'], ['a/']]);
  });

  it('rejects a target without bounds or with a bound below 1', () => {
    assert.throws(() => partitionTree(files, {}), RangeError);
    assert.throws(() => partitionTree(files, { files: 0 }), RangeError);
  });
});
