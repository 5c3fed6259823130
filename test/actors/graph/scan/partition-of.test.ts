import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { partitionOf, partitionTree } from '../../../../actors/graph/scan/index.js';

describe('partitionOf()', () => {
  const plan = { starts: ['', 'src/b/1.ts', 'src/b/5.ts', 'test/'] };

  it('finds the partition of every planned path', () => {
    const files = ['README.md', 'src/a/x.ts', 'src/b/1.ts', 'src/b/4.ts', 'src/b/5.ts', 'src/c.ts', 'test/t1.ts'].map((path) => ({ path, size: 1 }));
    const real = partitionTree(files, { files: 2 });

    for (const p of real.partitions) {
      for (const root of p.roots) {
        const member = files.find((f) => f.path === root || f.path.startsWith(root))!;
        assert.equal(partitionOf(real, member.path), p.id, member.path);
      }
    }
  });

  it('maps paths created after planning to the neighbouring range', () => {
    assert.equal(partitionOf(plan, 'AAA.md'), 0);
    assert.equal(partitionOf(plan, 'src/b/0.ts'), 0);
    assert.equal(partitionOf(plan, 'src/b/1.ts'), 1);
    assert.equal(partitionOf(plan, 'src/b/2a.ts'), 1);
    assert.equal(partitionOf(plan, 'src/d/new.ts'), 2);
    assert.equal(partitionOf(plan, 'zzz'), 3);
  });

  it('answers 0 for a plan with one partition', () => {
    assert.equal(partitionOf({ starts: [''] }, 'anything'), 0);
  });
});
