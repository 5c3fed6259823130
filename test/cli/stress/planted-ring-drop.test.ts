import { describe, it } from 'node:test';
import { findPlantedBug, tempDirPerSuite } from './stress-cli.js';

// Measured on 2026-11-25 (2 cores): fails at run 6, shrinks to 2 commands in 7–11 s. A lost
// frame is mostly a lost reply, noticed at the ask deadline: --timeout-ms keeps that short.
const kArgs = ['--scenario', 'runtime', '--seed', '1', '--runs', '10', '--workers', '1', '--max-commands', '8', '--timeout-ms', '1000', '--shrink-seconds', '60', '--json'];
const kMaxShrunk = 4;

describe('tessera stress --scenario runtime with TESSERA_PLANTED_BUG=ring-drop-at-wrap', () => {
  const dir = tempDirPerSuite();

  it('fails, shrinks to a short story, and its replay file reproduces it', async () => {
    await findPlantedBug(kArgs, 'ring-drop-at-wrap', dir.path(), kMaxShrunk);
  });
});
