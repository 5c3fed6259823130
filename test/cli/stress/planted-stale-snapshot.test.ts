import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findPlantedBug, stressCli, tempDirPerSuite } from './stress-cli.js';

// Measured on 2026-11-25 (2 cores): fails at run 12, shrinks to 4 commands in about 6 s.
const kArgs = ['--scenario', 'runtime', '--seed', '2', '--runs', '12', '--workers', '1', '--max-commands', '8', '--shrink-seconds', '60', '--json'];
const kMaxShrunk = 6;

describe('tessera stress --scenario runtime with TESSERA_PLANTED_BUG=stale-snapshot', () => {
  const dir = tempDirPerSuite();

  it('fails, shrinks to a short story, and its replay file reproduces it', async () => {
    const failure = await findPlantedBug(kArgs, 'stale-snapshot', dir.path(), kMaxShrunk, true);
    assert.ok(failure.commands.some((c) => c.startsWith('evict') || c.startsWith('budget')), 'the story passivates an actor');
    assert.match(failure.output, /shrunk to \d+ commands?:/);
  });

  it('passes with the same seed and no planted bug', async () => {
    const clean = await stressCli([...kArgs, '--out', dir.path()], undefined, dir.path());
    assert.equal(clean.code, 0, clean.stdout + clean.stderr);
    assert.equal(clean.json?.passed, true);
    assert.equal(clean.json?.runs, 12);
  });
});
