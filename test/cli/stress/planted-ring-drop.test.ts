import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { stressCli } from './stress-cli.js';

// Measured on 2026-11-25 (2 cores): fails at run 6, shrinks to 2 commands in 7–11 s. A lost
// frame is mostly a lost reply, noticed at the ask deadline: --timeout-ms keeps that short.
const kArgs = ['--scenario', 'runtime', '--seed', '1', '--runs', '10', '--workers', '1', '--max-commands', '8', '--timeout-ms', '1000', '--shrink-seconds', '60', '--json'];
const kMaxShrunk = 4;

describe('tessera stress --scenario runtime with TESSERA_PLANTED_BUG=ring-drop-at-wrap', () => {
  let dir: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'tessera-stress-test-'));
  });
  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('fails, shrinks to a short story, and its replay file reproduces it', async () => {
    const found = await stressCli([...kArgs, '--out', dir], 'ring-drop-at-wrap', dir);
    assert.equal(found.code, 4, found.stderr);
    const failure = found.json?.failure;
    assert.ok(failure, found.stdout);
    assert.ok(failure.commands.length <= kMaxShrunk, `shrunk to ${failure.commands.length} commands:\n${failure.commands.join('\n')}`);

    const replayed = await stressCli(['--replay', failure.replayFile, '--json'], 'ring-drop-at-wrap', dir);
    assert.equal(replayed.code, 4, replayed.stderr);
    assert.equal(replayed.json?.reproduced, true);
  });
});
