import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { stressCli } from './stress-cli.js';

// Measured on 2026-11-25 (2 cores): fails at run 1, shrinks to 2 commands (a query, then a
// write that changes its answer; the final check asks again) in about 9 s.
const kArgs = ['--scenario', 'graph', '--seed', '1', '--runs', '3', '--workers', '2', '--shrink-seconds', '60', '--json'];
const kMaxShrunk = 4;

describe('tessera stress --scenario graph with TESSERA_PLANTED_BUG=stale-cache', () => {
  let dir: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'tessera-stress-test-'));
  });
  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('fails, shrinks to a short story, and its replay file reproduces it', async () => {
    const found = await stressCli([...kArgs, '--out', dir], 'stale-cache', dir);
    assert.equal(found.code, 4, found.stderr);
    const failure = found.json?.failure;
    assert.ok(failure, found.stdout);
    assert.ok(failure.commands.length <= kMaxShrunk, `shrunk to ${failure.commands.length} commands:\n${failure.commands.join('\n')}`);
    assert.ok(failure.commands.some((c) => /^(write|modify|delete|rename)/.test(c)), 'the story changes a file');

    const replayed = await stressCli(['--replay', failure.replayFile, '--json'], 'stale-cache', dir);
    assert.equal(replayed.code, 4, replayed.stderr);
    assert.equal(replayed.json?.reproduced, true);
  });

  it('passes with the same seed and no planted bug', async () => {
    const clean = await stressCli([...kArgs, '--out', dir], undefined, dir);
    assert.equal(clean.code, 0, clean.stdout + clean.stderr);
    assert.equal(clean.json?.passed, true);
  });
});
