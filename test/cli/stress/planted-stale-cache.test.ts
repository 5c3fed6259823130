import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findPlantedBug, stressCli, tempDirPerSuite } from './stress-cli.js';

// Measured on 2026-11-25 (2 cores), after the generated files gained side-effect imports (which
// moved the seed that finds it from 1 to 3): fails at run 5, shrinks to 2 commands (a query,
// then a write that changes its answer; the final check asks again) in about 14 s.
const kArgs = ['--scenario', 'graph', '--seed', '3', '--runs', '5', '--workers', '2', '--shrink-seconds', '60', '--json'];
const kMaxShrunk = 4;

describe('tessera stress --scenario graph with TESSERA_PLANTED_BUG=stale-cache', () => {
  const dir = tempDirPerSuite();

  it('fails, shrinks to a short story, and its replay file reproduces it', async () => {
    const failure = await findPlantedBug(kArgs, 'stale-cache', dir.path(), kMaxShrunk);
    assert.ok(failure.commands.some((c) => /^(write|modify|delete|rename)/.test(c)), 'the story changes a file');
  });

  it('passes with the same seed and no planted bug', async () => {
    const clean = await stressCli([...kArgs, '--out', dir.path()], undefined, dir.path());
    assert.equal(clean.code, 0, clean.stdout + clean.stderr);
    assert.equal(clean.json?.passed, true);
  });
});
