import { withSeed } from './seed.js';
import fc from 'fast-check';
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { streamThroughRing } from '../test/fixtures/stream-through-ring.js';

describe(withSeed('ring across two real threads'), () => {
  it('every frame arrives once, in order, byte for byte, for any ring size and frame sizes', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(64, 128, 1024, 65536),
        fc.integer({ min: 1, max: 1000 }),
        fc.integer({ min: 0, max: 0x7fffffff }),
        fc.integer({ min: 0, max: 4096 }),
        async (capacity, count, frameSeed, maxSize) => {
          assert.equal(await streamThroughRing(capacity, count, frameSeed, maxSize), count);
        },
      ),
      { numRuns: 20 },
    );
  });
});
