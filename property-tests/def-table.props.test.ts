import { withSeed } from './seed.js';
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { bytesAsRanges, lookupDefTable, PartitionIndex, type MergePolicy } from '../actors/graph/index/index.js';
import { changeArb, nameArb, repoArb } from './arbitraries/graph-repo.js';

/** From "never merge" (many segments, dead files) to the default. */
const policyArb: fc.Arbitrary<MergePolicy | undefined> = fc.constantFrom(undefined, { mergeFactor: 0, maxDeadRatio: 1, maxSegments: 1000 });

describe(withSeed('def table vs the index it was written from'), () => {
  it('answers def for every name and limit as the index does, after any changes', () => {
    fc.assert(
      fc.property(repoArb, fc.array(changeArb, { maxLength: 4 }), policyArb, fc.array(nameArb, { maxLength: 4 }), fc.integer({ min: 0, max: 3 }), (files, changes, mergePolicy, extra, limit) => {
        const index = PartitionIndex.build(files, mergePolicy === undefined ? {} : { mergePolicy });
        for (const c of changes) index.update(c);
        const table = bytesAsRanges(index.defTable());
        const names = new Set([...files.flatMap((f) => f.defs.map((d) => d.name)), ...changes.flatMap((c) => c.upsert.flatMap((f) => f.defs.map((d) => d.name))), ...extra]);
        for (const name of names) {
          assert.deepEqual(lookupDefTable(table, name, 1000, index.version), index.def(name), name);
          assert.deepEqual(lookupDefTable(table, name, limit, index.version), index.def(name, limit), `${name}, limit ${limit}`);
        }
        assert.equal(lookupDefTable(table, [...names][0] ?? 'x', 1000, index.version + 1), null, 'another version');
      }),
    );
  });
});
