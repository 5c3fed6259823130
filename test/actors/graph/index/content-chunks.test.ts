import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { chunkContents } from '../../../../actors/graph/index/content-chunks.js';
import { utf8Encode } from '../../../../actors/graph/index/utf8.js';

function chunk(files: string[], target: number) {
  const bytes = utf8Encode(files.join(''));
  const starts = new Uint32Array(files.length + 1);
  files.forEach((f, i) => (starts[i + 1] = starts[i]! + utf8Encode(f).length));
  return chunkContents(bytes, starts, target);
}

describe('chunkContents()', () => {
  it('keeps small files whole and skips empty ones', () => {
    const c = chunk(['ab\n', '', 'cd'], 100);

    assert.deepEqual([...c.chunkStart], [0, 3, 5]);
    assert.deepEqual([...c.chunkFile], [0, 2]);
    assert.deepEqual([...c.chunkLine], [1, 1]);
  });

  it('cuts big files after the last line end within the target, numbering lines', () => {
    const c = chunk(['aaa\nbb\ncccc\nd\n'], 8);

    // "aaa\nbb\n" (7 bytes) | "cccc\nd\n" (7 bytes)
    assert.deepEqual([...c.chunkStart], [0, 7, 14]);
    assert.deepEqual([...c.chunkLine], [1, 3]);
  });

  it('lets a line longer than the target make a chunk of its own', () => {
    const c = chunk(['x\nyyyyyyyyyy\nz'], 4);

    assert.deepEqual([...c.chunkStart], [0, 2, 13, 14]);
    assert.deepEqual([...c.chunkLine], [1, 2, 3]);
  });
});
