import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { soakFigures, type SoakSample } from '../../../cli/stress/soak-sampler.js';
import { roundSeed } from '../../../cli/stress/run-stress.js';

const MB = 1024 * 1024;
const sample = (rssMb: number, handles = 0): SoakSample => ({ atMs: 0, rssBytes: rssMb * MB, heapUsedBytes: 10 * MB, handles });

describe('soakFigures()', () => {
  it('leaves the warm-up out and measures growth median to median', () => {
    // Arrange: a climb during warm-up, then flat with one spike at each end.
    const samples = [50, 80, 100, 130, 100, 101, 100, 102, 131, 101].map((mb) => sample(mb));
    // Act
    const f = soakFigures(samples, 3, 10);
    // Assert
    assert.deepEqual([f.warmupRounds, f.samples, f.rssFirstMb, f.rssLastMb, f.rssMaxMb], [3, 7, 130, 101, 131]);
    assert.equal(f.rssGrowthMb, 1);
    assert.equal(f.leaked, false);
  });

  it('reports growth over the bound as a leak', () => {
    const f = soakFigures([100, 100, 100, 110, 120, 130].map((mb) => sample(mb)), 1, 10);
    assert.equal(f.rssGrowthMb, 20);
    assert.equal(f.leaked, true);
  });
});

describe('roundSeed()', () => {
  it('keeps the seed for round 0 and derives distinct 31-bit seeds after', () => {
    assert.equal(roundSeed(42, 0), 42);
    const seeds = new Set(Array.from({ length: 100 }, (_, i) => roundSeed(42, i + 1)));
    assert.equal(seeds.size, 100);
    for (const s of seeds) assert.ok(Number.isSafeInteger(s) && s >= 0 && s <= 0x7fffffff);
  });
});
