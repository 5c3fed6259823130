import assert from 'node:assert/strict';
import { readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { DaemonClient } from '../../cli/client/daemon-client.js';
import { daemonPaths } from '../../cli/paths/daemon-paths.js';
import { kFixtureRoot, startForeground, tessera, testEnv } from '../cli/fixtures/daemon-process.js';

/** Connects as soon as a daemon listens on `socket` (bounded: 10 s). */
async function connectWhenListening(socket: string): Promise<DaemonClient> {
  for (let i = 0; ; i++) {
    try {
      return await DaemonClient.connect({ socketPath: socket });
    } catch (err) {
      if (i >= 500) throw err;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
}

/**
 * The daemon's life as a process, over the stub graph (fast to start, with a real Supervisor and
 * the `counter` actor kind): killed and replaced, stopped by signals, its events and raw sends,
 * a chosen socket and a TCP port, and a refused second start while the first one indexes.
 */
describe('daemon lifecycle (real processes, stub graph)', { timeout: 60_000 }, async () => {
  const env = await testEnv('stub');
  const paths = daemonPaths(kFixtureRoot, { env: { XDG_RUNTIME_DIR: env.XDG_RUNTIME_DIR } });
  after(async () => {
    await tessera(['stop', kFixtureRoot], env);
    await rm(env.XDG_RUNTIME_DIR!, { recursive: true, force: true });
  });

  it('reports runtime events to subscribers and delivers raw messages to actors', async () => {
    const daemon = await startForeground(kFixtureRoot, env);
    const client = await DaemonClient.connect({ socketPath: daemon.summary.socket });
    const events: { type: string; actor?: string }[] = [];
    client.onEvent((topic, data) => topic === 'runtime' && events.push(data as { type: string; actor?: string }));
    await client.subscribe(['runtime', 'daemon']);
    assert.equal(await client.send('counter/x', { type: 'add', n: 2 }), 2);
    assert.equal(await client.send('counter/x', { type: 'add', n: 3 }), 5);
    await assert.rejects(client.send('nokind/x', {}), (err: Error & { code?: string }) => err.code === 'ERR_ACTOR_KIND_UNKNOWN');
    await client.ping();
    assert.ok(events.some((e) => e.type === 'actor.activated' && e.actor === 'counter/x'), JSON.stringify(events));
    await client.close();
    daemon.child.kill('SIGINT');
    assert.equal(await daemon.exited, 0);
  });

  it('replaces the socket and pid file of a daemon that was killed', async () => {
    const killed = await startForeground(kFixtureRoot, env);
    killed.child.kill('SIGKILL');
    await killed.exited;
    await stat(paths.socket); // left behind
    await stat(paths.pid);
    const status = await tessera(['status', kFixtureRoot], env);
    assert.equal(status.code, 3);
    const start = await tessera(['start', kFixtureRoot, '--detach'], env);
    assert.equal(start.code, 0, start.stderr);
    const pid = (JSON.parse(await readFile(paths.pid, 'utf8')) as { pid: number }).pid;
    assert.notEqual(pid, killed.child.pid);
    assert.match(await readFile(paths.log, 'utf8'), /replaced the files of a daemon that is gone/);
    const stop = await tessera(['stop', kFixtureRoot], env);
    assert.equal(stop.code, 0, stop.stderr);
  });

  it('refuses a second daemon while the first is still indexing, and status shows the progress', async () => {
    const slow = { ...env, TESSERA_STUB_STEP_MS: '250' };
    const start = tessera(['start', kFixtureRoot, '--detach'], slow);
    const client = await connectWhenListening(paths.socket);
    const stats = await client.stats();
    await client.close();
    assert.deepEqual([stats.state, stats.graph], ['indexing', null]);
    const second = await tessera(['start', kFixtureRoot], env);
    assert.equal(second.code, 4);
    assert.match(second.stderr, /already running/);
    assert.equal((await start).code, 0);
    assert.equal((await tessera(['stop', kFixtureRoot], env)).code, 0);
  });

  it('listens on a chosen socket and on a loopback TCP port', async () => {
    const socket = join(env.XDG_RUNTIME_DIR!, 'chosen.sock');
    const start = await tessera(['start', kFixtureRoot, '--detach', '--socket', socket, '--tcp', '0', '--json'], env);
    assert.equal(start.code, 0, start.stderr);
    const ready = JSON.parse(start.stdout) as { socket: string; tcpPort: number; log: string };
    assert.deepEqual([ready.socket, ready.log], [socket, join(env.XDG_RUNTIME_DIR!, 'chosen.log')]);
    const tcp = await DaemonClient.connect({ port: ready.tcpPort });
    assert.deepEqual((await tcp.query('def', { name: 'baz' })).results.map((r) => r.file), ['src/util.ts']);
    await tcp.close();
    assert.equal((await tessera(['status', kFixtureRoot], env)).code, 3, 'the default socket is not used');
    const stop = await tessera(['stop', kFixtureRoot, '--socket', socket], env);
    assert.equal(stop.code, 0, stop.stderr);
  });
});
