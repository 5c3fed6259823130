import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { SnapshotSession } from '../../../actors/graph/snapshot-session.js';

describe('SnapshotSession', () => {
  it('creates its own directory, removes sessions of dead processes, and removes itself', async () => {
    const base = await mkdtemp(join(tmpdir(), 'tessera-session-'));
    try {
      // 2^22 + 7 is above Linux's pid_max default, so no such process exists.
      await mkdir(join(base, `session-${2 ** 22 + 7}-dead`));
      await mkdir(join(base, `session-${process.pid}-alive`));
      await mkdir(join(base, 'unrelated'));

      const session = await SnapshotSession.create(base);
      assert.deepEqual((await readdir(base)).sort(), [session.dir.slice(base.length + 1), `session-${process.pid}-alive`, 'unrelated'].sort());
      await session.remove();

      assert.deepEqual((await readdir(base)).sort(), [`session-${process.pid}-alive`, 'unrelated']);
    } finally {
      await rm(base, { recursive: true, force: true });
    }
  });
});
