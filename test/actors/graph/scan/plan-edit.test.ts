import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { mergePlan, nextPartitionId, partitionOf, planIds, splitPlan, type PartitionPlan } from '../../../../actors/graph/scan/index.js';

const info = (id: number, start: string) => ({ id, start, roots: [], files: 0, bytes: 0 });
const plan: PartitionPlan = { partitions: [info(0, ''), info(1, 'lib/'), info(2, 'src/')], starts: ['', 'lib/', 'src/'] };

describe('plan edits', () => {
  it('splits a partition at a key inside its range: the upper paths go to a new id', () => {
    const split = splitPlan(plan, 1, 'lib/m.ts', nextPartitionId(plan));
    assert.deepEqual(planIds(split), [0, 1, 3, 2]);
    assert.deepEqual(['a.md', 'lib/a.ts', 'lib/m.ts', 'lib/z.ts', 'src/x.ts'].map((p) => partitionOf(split, p)), [0, 1, 3, 3, 2]);
    assert.deepEqual(plan.starts, ['', 'lib/', 'src/']); // the input is not changed
  });

  it('merges a partition into the one before it and never reuses its id', () => {
    const split = splitPlan(plan, 1, 'lib/m.ts', 3);
    const { plan: merged, into } = mergePlan(split, 3);
    assert.equal(into, 1);
    assert.deepEqual(['lib/a.ts', 'lib/z.ts', 'src/x.ts'].map((p) => partitionOf(merged, p)), [1, 1, 2]);
    assert.equal(nextPartitionId(merged, [3]), 4);
  });

  it('refuses keys outside the range, unknown ids and merging the first partition', () => {
    assert.throws(() => splitPlan(plan, 1, 'lib/', 3), /strictly inside/);
    assert.throws(() => splitPlan(plan, 1, 'src/a.ts', 3), /strictly inside/);
    assert.throws(() => splitPlan(plan, 9, 'x', 3), /not in the plan/);
    assert.throws(() => mergePlan(plan, 0), /first in path order/);
  });
});
