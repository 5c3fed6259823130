import { describe, it } from 'node:test';
import { findPlantedBug, tempDirPerSuite } from './stress-cli.js';

// Measured on 2026-11-25 (2 cores): fails at run 12, shrinks to 3 commands in about 13 s (the
// same seed passes all 15 runs without the bug). Seed 1 found it at run 6 until activations
// under critical pressure stopped waiting for rounds that evict nothing, which changed its
// timing. A lost frame is mostly a lost reply, noticed at the ask deadline: --timeout-ms keeps
// that short.
const kArgs = ['--scenario', 'runtime', '--seed', '5', '--runs', '15', '--workers', '1', '--max-commands', '8', '--timeout-ms', '1000', '--shrink-seconds', '60', '--json'];
const kMaxShrunk = 4;

describe('tessera stress --scenario runtime with TESSERA_PLANTED_BUG=ring-drop-at-wrap', () => {
  const dir = tempDirPerSuite();

  it('fails, shrinks to a short story, and its replay file reproduces it', async () => {
    await findPlantedBug(kArgs, 'ring-drop-at-wrap', dir.path(), kMaxShrunk);
  });
});
