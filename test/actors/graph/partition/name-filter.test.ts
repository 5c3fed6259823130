import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { NameFilter } from '../../../../actors/graph/partition/index.js';

describe('NameFilter', () => {
  it('mayContain() is true for every name built in, also after a trip through its plain data', () => {
    const names = Array.from({ length: 2000 }, (_, i) => `name${i}_${'é😀'.repeat(i % 3)}`);

    const filter = new NameFilter(NameFilter.build(names).toData());

    assert.ok(names.every((n) => filter.mayContain(n)));
  });

  it('mayContain() is false for about 1 % of other names', () => {
    const filter = NameFilter.build(new Set(Array.from({ length: 5000 }, (_, i) => `in${i}`)));

    const falsePositives = Array.from({ length: 20000 }, (_, i) => `out${i}`).filter((n) => filter.mayContain(n)).length;

    assert.ok(falsePositives < 20000 * 0.02, `${falsePositives} false positives`);
    assert.equal(filter.bytes, Math.ceil((5000 * 10) / 8));
  });

  it('an empty filter holds nothing', () => {
    const filter = NameFilter.build([]);

    assert.equal(filter.mayContain(''), false);
    assert.equal(filter.mayContain('x'), false);
  });

  it('rejects data without bits or with a bad hash count', () => {
    assert.throws(() => new NameFilter({ bits: new Uint8Array(0), hashes: 7 }), RangeError);
    assert.throws(() => new NameFilter({ bits: new Uint8Array(8), hashes: 0.5 }), /hashes must be a positive integer: current value is 0.5/);
  });
});
