import assert from 'node:assert/strict';
import { chmod, mkdir, mkdtemp, rm, stat, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { ensureSocketDir } from '../../../cli/paths/socket-dir.js';

describe('ensureSocketDir()', async () => {
  const base = await mkdtemp(join(tmpdir(), 'tessera-dir-'));
  after(() => rm(base, { recursive: true, force: true }));

  it('creates the directory with mode 0700', async () => {
    const dir = join(base, 'new', 'tessera');
    await ensureSocketDir(dir);
    assert.equal((await stat(dir)).mode & 0o777, 0o700);
  });

  it('tightens a directory of ours that others could enter', async () => {
    const dir = join(base, 'loose');
    await mkdir(dir);
    await chmod(dir, 0o755);
    await ensureSocketDir(dir);
    assert.equal((await stat(dir)).mode & 0o777, 0o700);
  });

  it('refuses a symbolic link and a directory of another user', async () => {
    const link = join(base, 'link');
    await symlink(base, link);
    await assert.rejects(ensureSocketDir(link), (err: Error & { code?: string }) => err.code === 'ERR_DAEMON_SOCKET_DIR');
    const owned = join(base, 'owned');
    await mkdir(owned);
    const other = (process.getuid?.() ?? 0) + 1;
    await assert.rejects(ensureSocketDir(owned, other), /belongs to user/);
  });
});
