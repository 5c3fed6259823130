import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { driftActions } from '../../../actors/graph/partition-drift.js';

const target = { files: 100, bytes: 1000 };

describe('driftActions()', () => {
  it('splits a partition over twice the target in files or bytes', () => {
    const sizes = [
      { id: 0, files: 201, bytes: 10 },
      { id: 1, files: 80, bytes: 2001 },
      { id: 2, files: 200, bytes: 2000 },
    ];
    assert.deepEqual(driftActions(sizes, target), [
      { type: 'split', id: 0 },
      { type: 'split', id: 1 },
    ]);
  });

  it('merges neighbours when one holds at most a quarter of the target and both fit in it', () => {
    const sizes = [
      { id: 0, files: 70, bytes: 500 },
      { id: 3, files: 10, bytes: 100 },
      { id: 1, files: 25, bytes: 10 },
      { id: 2, files: 0, bytes: 0 },
    ];
    // 3 joins 0; 1 cannot join 3 (already merging); 2 joins 1.
    assert.deepEqual(driftActions(sizes, target), [
      { type: 'merge', id: 3, into: 0 },
      { type: 'merge', id: 2, into: 1 },
    ]);
  });

  it('leaves partitions between the bounds, neighbours too big together, and a single file however large', () => {
    const sizes = [
      { id: 0, files: 1, bytes: 5000 },
      { id: 1, files: 150, bytes: 900 },
      { id: 2, files: 90, bytes: 100 },
      { id: 3, files: 20, bytes: 100 },
    ];
    assert.deepEqual(driftActions(sizes, target), []);
  });
});
