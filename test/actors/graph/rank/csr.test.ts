import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildCsr } from '../../../../actors/graph/rank/csr.js';

describe('buildCsr()', () => {
  it('groups columns by row and keeps their input order within a row', () => {
    const csr = buildCsr(3, Int32Array.of(0, 1, 0, 2), Int32Array.of(2, 0, 1, 0));

    assert.deepEqual([...csr.offsets], [0, 2, 3, 4]);
    assert.deepEqual([...csr.columns], [2, 1, 0, 0]);
  });

  it('rejects mismatched arrays and out-of-range rows', () => {
    assert.throws(() => buildCsr(1, Int32Array.of(0), Int32Array.of()), { name: 'RangeError', message: 'Cannot build CSR: rows and columns differ in length: current value is 1 vs 0' });
    assert.throws(() => buildCsr(1, Int32Array.of(1), Int32Array.of(0)), { name: 'RangeError', message: 'Cannot build CSR: row id out of range 0..0: current value is 1' });
  });
});
