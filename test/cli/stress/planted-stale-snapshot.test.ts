import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { stressCli } from './stress-cli.js';

// Measured on 2026-11-25 (2 cores): fails at run 12, shrinks to 4 commands in about 6 s.
const kArgs = ['--scenario', 'runtime', '--seed', '2', '--runs', '12', '--workers', '1', '--max-commands', '8', '--shrink-seconds', '60', '--json'];
const kMaxShrunk = 6;

describe('tessera stress --scenario runtime with TESSERA_PLANTED_BUG=stale-snapshot', () => {
  let dir: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'tessera-stress-test-'));
  });
  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('fails, shrinks to a short story, and its replay file reproduces it', async () => {
    const found = await stressCli([...kArgs, '--out', dir], 'stale-snapshot', dir);
    assert.equal(found.code, 4, found.stderr);
    const failure = found.json?.failure;
    assert.ok(failure, found.stdout);
    assert.ok(failure.commands.length <= kMaxShrunk, `shrunk to ${failure.commands.length} commands:\n${failure.commands.join('\n')}`);
    assert.ok(failure.commands.some((c) => c.startsWith('evict') || c.startsWith('budget')), 'the story passivates an actor');
    assert.match(found.stdout + found.stderr, /shrunk to \d+ commands?:/);

    const replayed = await stressCli(['--replay', failure.replayFile, '--json'], 'stale-snapshot', dir);
    assert.equal(replayed.code, 4, replayed.stderr);
    assert.equal(replayed.json?.reproduced, true);
    assert.deepEqual(replayed.json?.failure?.commands, failure.commands);
  });

  it('passes with the same seed and no planted bug', async () => {
    const clean = await stressCli([...kArgs, '--out', dir], undefined, dir);
    assert.equal(clean.code, 0, clean.stdout + clean.stderr);
    assert.equal(clean.json?.passed, true);
    assert.equal(clean.json?.runs, 12);
  });
});
