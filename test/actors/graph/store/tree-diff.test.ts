import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { diffTree } from '../../../../actors/graph/store/index.js';

describe('diffTree()', () => {
  it('re-reads new files and files whose size or time differ, and lists the ones gone', () => {
    const known = new Map([
      ['same.ts', { bytes: 10, mtimeMs: 5 }],
      ['grown.ts', { bytes: 10, mtimeMs: 5 }],
      ['touched.ts', { bytes: 10, mtimeMs: 5 }],
      ['gone.ts', { bytes: 1, mtimeMs: 1 }],
      ['no-time.ts', { bytes: 3 }],
    ]);
    const scanned = [
      { path: 'touched.ts', size: 10, mtimeMs: 6 },
      { path: 'same.ts', size: 10, mtimeMs: 5 },
      { path: 'grown.ts', size: 11, mtimeMs: 5 },
      { path: 'new.ts', size: 1, mtimeMs: 1 },
      { path: 'no-time.ts', size: 3, mtimeMs: 1 },
    ];
    assert.deepEqual(diffTree(scanned, known), { changed: ['grown.ts', 'new.ts', 'no-time.ts', 'touched.ts'], removed: ['gone.ts'] });
  });

  it('finds nothing to do when the tree is as indexed', () => {
    assert.deepEqual(diffTree([{ path: 'a', size: 1, mtimeMs: 2 }], new Map([['a', { bytes: 1, mtimeMs: 2 }]])), { changed: [], removed: [] });
  });
});
