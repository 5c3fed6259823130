import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { StoreLock } from '../../../../actors/graph/store/index.js';

describe('StoreLock', () => {
  let dir: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'tessera-lock-'));
  });
  after(() => rm(dir, { recursive: true, force: true }));

  it('is held once per process and free again after release', async () => {
    const path = join(dir, 'a.lock');
    const lock = await StoreLock.acquire(path);
    assert.ok(lock instanceof StoreLock);
    assert.equal(await readFile(path, 'utf8'), `${process.pid}\n`);
    assert.deepEqual(await StoreLock.acquire(path), { heldBy: process.pid });
    await lock.release();
    const again = await StoreLock.acquire(path);
    assert.ok(again instanceof StoreLock);
    await again.release();
  });

  it('takes over the lock of a process that is gone', async () => {
    const path = join(dir, 'b.lock');
    const dead = spawnSync(process.execPath, ['-e', '']).pid; // exited already
    await writeFile(path, `${dead}\n`);
    const lock = await StoreLock.acquire(path);
    assert.ok(lock instanceof StoreLock);
    assert.equal(await readFile(path, 'utf8'), `${process.pid}\n`);
    await lock.release();
  });
});
