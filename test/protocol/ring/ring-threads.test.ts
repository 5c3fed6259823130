import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { streamThroughRing } from '../../fixtures/stream-through-ring.js';

describe('a ring between two threads', () => {
  it('delivers 100,000 random-size frames through a 64-byte ring in order (lost wake-up stress)', async () => {
    assert.equal(await streamThroughRing(64, 100_000, 7, 40), 100_000);
  });

  it('delivers frames from 0 bytes to 4x the ring, chunked, in order', async () => {
    assert.equal(await streamThroughRing(1024, 3_000, 11, 4096), 3_000);
  });
});
