import { describe, it } from 'node:test';
import { findPlantedBug, tempDirPerSuite } from './stress-cli.js';

// Measured on 2026-11-25 (2 cores): fails at run 1, shrinks and replays in about 10 s (the same
// seed passes all 15 runs without the bug, in 1.5 s). History: seed 5 found it at run 12 until
// snapshots stopped crossing the rings on their way to disk (workers write them); then ring
// frames shrank ~40% (records sent once per channel), so fewer frames wrapped the scenario's
// 1 KB rings and only 3 of seeds 1-12 found it within 30 runs. The scenario's rings are now
// 256 bytes: all of seeds 2-12 find it within 6 runs. A lost frame is mostly a lost reply,
// noticed at the ask deadline: --timeout-ms keeps that short.
const kArgs = ['--scenario', 'runtime', '--seed', '7', '--runs', '15', '--workers', '1', '--max-commands', '8', '--timeout-ms', '1000', '--shrink-seconds', '60', '--json'];
const kMaxShrunk = 4;

describe('tessera stress --scenario runtime with TESSERA_PLANTED_BUG=ring-drop-at-wrap', () => {
  const dir = tempDirPerSuite();

  it('fails, shrinks to a short story, and its replay file reproduces it', async () => {
    await findPlantedBug(kArgs, 'ring-drop-at-wrap', dir.path(), kMaxShrunk);
  });
});
