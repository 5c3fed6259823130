import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import { daemonPaths, rootHash, socketDir } from '../../../cli/paths/daemon-paths.js';

describe('socketDir()', () => {
  it('uses $XDG_RUNTIME_DIR/tessera when set, else a per-uid directory in tmp', () => {
    assert.equal(socketDir({ XDG_RUNTIME_DIR: '/run/user/1000' }, 1000, '/tmp'), '/run/user/1000/tessera');
    assert.equal(socketDir({}, 1000, '/tmp'), '/tmp/tessera-1000');
    assert.equal(socketDir({ XDG_RUNTIME_DIR: '' }, 7, '/var/tmp'), '/var/tmp/tessera-7');
  });
});

describe('daemonPaths()', () => {
  it('names the socket, pid file and log after a hash of the root that a shell can compute', () => {
    const hash = createHash('sha256').update('/home/me/repo').digest('hex').slice(0, 16);
    assert.equal(rootHash('/home/me/repo'), hash);
    assert.deepEqual(daemonPaths('/home/me/repo', { env: { XDG_RUNTIME_DIR: '/run/user/1' } }), {
      dir: '/run/user/1/tessera',
      socket: `/run/user/1/tessera/${hash}.sock`,
      pid: `/run/user/1/tessera/${hash}.pid`,
      log: `/run/user/1/tessera/${hash}.log`,
      custom: false,
    });
  });

  it('puts the pid file and log of a chosen socket next to it', () => {
    assert.deepEqual(daemonPaths('/r', { socket: '/tmp/x/t.sock' }), { dir: '/tmp/x', socket: '/tmp/x/t.sock', pid: '/tmp/x/t.pid', log: '/tmp/x/t.log', custom: true });
    assert.equal(daemonPaths('/r', { socket: '/tmp/x/sock' }).pid, '/tmp/x/sock.pid');
  });

  it('maps different roots to different sockets', () => {
    assert.notEqual(daemonPaths('/a', { env: {} }).socket, daemonPaths('/b', { env: {} }).socket);
  });
});
