import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { partitionOf, partitionTree } from '../actors/graph/scan/index.js';
import { withSeed } from './seed.js';

// Paths from a small alphabet, so that names collide, share prefixes and nest (`a`, `a.b`, `a/b`).
const segment = fc.constantFrom('a', 'b', 'a.b', 'a-b', 'ab', 'B', 'x.ts');
const path = fc.array(segment, { minLength: 1, maxLength: 4 }).map((parts) => parts.join('/'));
// A path cannot be both a file and a directory: drop files that are prefixes of others.
const tree = fc
  .uniqueArray(fc.record({ path, size: fc.integer({ min: 0, max: 500 }) }), { selector: (f) => f.path, maxLength: 40 })
  .map((files) => files.filter((f) => !files.some((g) => g.path.startsWith(`${f.path}/`))));
const target = fc.record({ files: fc.integer({ min: 1, max: 8 }) });

describe(withSeed('partitionTree() properties'), () => {
  it('every file lands in the partition built from one of its roots, and partitions fit the target', () => {
    fc.assert(
      fc.property(tree, target, (files, t) => {
        const plan = partitionTree(files, t);
        const counts = plan.partitions.map(() => 0);
        for (const f of files) {
          const id = partitionOf(plan, f.path);
          counts[id]!++;
          assert.ok(plan.partitions[id]!.roots.some((r) => r === f.path || (r.endsWith('/') && f.path.startsWith(r)) || r === ''), f.path);
        }
        assert.deepEqual(counts, plan.partitions.map((p) => p.files));
        assert.ok(plan.partitions.every((p) => p.files <= t.files));
        assert.equal(plan.starts[0], '');
        assert.ok(plan.starts.every((s, i) => i === 0 || plan.starts[i - 1]! < s));
      }),
    );
  });
});
