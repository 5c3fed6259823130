import assert from 'node:assert/strict';
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { DaemonClient } from '../../../cli/client/daemon-client.js';
import { Daemon, type DaemonOptions } from '../../../cli/daemon/daemon.js';
import { daemonPaths, type DaemonPaths } from '../../../cli/paths/daemon-paths.js';
import type { IndexProgress, QueryService } from '../../../cli/service/query-service.js';
import { FakeQueryService } from '../fixtures/fake-query-service.js';
import { RawSocket } from '../fixtures/raw-socket.js';

const hasCode = (code: string) => (err: Error & { code?: string }) => err.code === code;

/** An opener whose graph is ready when the test says so. */
function gatedOpener(service: QueryService) {
  let open!: () => void;
  let report!: (p: IndexProgress) => void;
  const gate = new Promise<void>((resolve) => (open = resolve));
  const opener: DaemonOptions['open'] = async (options) => {
    report = options.onProgress;
    await gate;
    return service;
  };
  return { opener, open: () => open(), progress: (p: IndexProgress) => report(p) };
}

describe('Daemon (in process, fake graph)', { timeout: 20_000 }, async () => {
  const dir = await mkdtemp(join(tmpdir(), 'tessera-d-'));
  let paths: DaemonPaths;
  let service: FakeQueryService;
  let daemon: Daemon;
  let gate: ReturnType<typeof gatedOpener>;
  after(async () => {
    service.release(); // a failed test must not leave queries held, or the stop would wait for them
    await daemon.stop();
    await rm(dir, { recursive: true, force: true });
  });

  before(async () => {
    paths = daemonPaths(dir, { socket: join(dir, 'd.sock') });
    service = new FakeQueryService();
    gate = gatedOpener(service);
    daemon = await Daemon.start({ root: dir, paths, open: gate.opener, tcpPort: 0, limits: { maxInFlight: 8, maxFrameBytes: 4096, maxLineBytes: 4096 } });
  });

  it('answers ping, stats and subscribe while indexing, and queries with ERR_DAEMON_NOT_READY', async () => {
    const client = await DaemonClient.connect({ socketPath: paths.socket });
    const events: unknown[] = [];
    client.onEvent((topic, data) => events.push([topic, data]));
    await client.subscribe(['daemon']);
    gate.progress({ phase: 'parse', done: 1, total: 4 });
    await client.ping();
    const stats = await client.stats();
    assert.deepEqual([stats.state, stats.index.phase, stats.graph], ['indexing', 'parse', null]);
    await assert.rejects(client.query('def', { name: 'f' }), hasCode('ERR_DAEMON_NOT_READY'));
    gate.open();
    await daemon.ready;
    await client.ping();
    assert.deepEqual(events[0], ['daemon', { type: 'index.progress', phase: 'parse', done: 1, total: 4 }]);
    assert.deepEqual((events.at(-1) as [string, { type: string }])[1].type, 'ready');
    await client.close();
  });

  it('refuses a second daemon for the same socket, saying which one runs', async () => {
    await assert.rejects(Daemon.start({ root: dir, paths, open: gatedOpener(service).opener }), (err: Error & { code?: string; details?: { pid?: number } }) => {
      return err.code === 'ERR_DAEMON_ALREADY_RUNNING' && err.details?.pid === process.pid;
    });
  });

  it('answers 2,000 pipelined queries on one connection, each with its own answer', async () => {
    // The client keeps within the daemon's in-flight limit (8 here) by itself.
    const client = await DaemonClient.connect({ socketPath: paths.socket }, { maxInFlight: 8 });
    const names = Array.from({ length: 2000 }, (_, i) => `sym${i}`);
    const answers = await Promise.all(names.map((name) => client.query('refs', { name })));
    answers.forEach((a, i) => assert.deepEqual(a, FakeQueryService.expected({ op: 'refs', name: names[i]! })));
    await client.close();
  });

  it('answers requests over its in-flight limit at once with ERR_DAEMON_TOO_MANY_REQUESTS', async () => {
    const raw = await RawSocket.open(paths.socket);
    service.hold();
    raw.writeJson(...Array.from({ length: 10 }, (_, i) => ({ k: 'query', id: i + 1, op: 'def', args: { name: `n${i}` } })));
    await raw.until(() => raw.jsonLines().length >= 2);
    const refused = raw.jsonLines();
    assert.deepEqual(refused.map((m) => [m.k, 'id' in m && m.id, m.k === 'error' && m.error.code]), [
      ['error', 9, 'ERR_DAEMON_TOO_MANY_REQUESTS'],
      ['error', 10, 'ERR_DAEMON_TOO_MANY_REQUESTS'],
    ]);
    const waiting = service.waiting;
    service.release();
    assert.equal(waiting, 8);
    await raw.until(() => raw.jsonLines().length >= 10);
    assert.deepEqual(raw.jsonLines().slice(2).map((m) => m.k === 'result' && m.id).sort((a, b) => Number(a) - Number(b)), [1, 2, 3, 4, 5, 6, 7, 8]);
    raw.end();
    await raw.closed;
  });

  it('closes a connection that announces an oversized frame, after saying why, and keeps serving', async () => {
    const raw = await RawSocket.open(paths.socket);
    raw.write(Buffer.from([0x00, 0x10, 0x00, 0x00, 1, 2, 3]));
    await raw.closed;
    assert.deepEqual(raw.frames().map((m) => m.k === 'error' && [m.id, m.error.code]), [[0, 'ERR_DAEMON_FRAME_TOO_LARGE']]);
    const client = await DaemonClient.connect({ socketPath: paths.socket });
    await client.ping();
    await client.close();
  });

  it('answers an undecodable message in a good frame with its code and keeps the connection', async () => {
    const raw = await RawSocket.open(paths.socket);
    raw.write(Buffer.from([0, 0, 0, 1, 0xc1]));
    raw.writeFrames({ k: 'ping', id: 5 });
    await raw.until(() => raw.frames().length >= 2);
    assert.deepEqual(raw.frames().map((m) => m.k), ['error', 'pong']);
    raw.end();
    await raw.closed;
  });

  it('answers every JSON request of a client that ends its side, then hangs up', async () => {
    const raw = await RawSocket.open(paths.socket);
    raw.writeJson({ k: 'ping', id: 1 }, { k: 'query', id: 2, op: 'outline', args: { file: 'a.ts' } }, { k: 'fly', id: 3 });
    raw.write('not json\n');
    raw.end();
    await raw.closed;
    const replies = raw.jsonLines();
    assert.deepEqual(replies.map((m) => [m.k, 'id' in m ? m.id : null]).sort(), [['error', 0], ['error', 3], ['pong', 1], ['result', 2]]);
  });

  it('sends events only to subscribers, in their encoding', async () => {
    const json = await RawSocket.open(paths.socket);
    json.writeJson({ k: 'subscribe', id: 1, topics: ['runtime'] });
    await json.until(() => json.jsonLines().length >= 1);
    const client = await DaemonClient.connect({ socketPath: paths.socket });
    const got: unknown[] = [];
    client.onEvent((topic, data) => got.push([topic, data]));
    await client.subscribe(['runtime']);
    const bystander = await DaemonClient.connect({ socketPath: paths.socket });
    const noise: unknown[] = [];
    bystander.onEvent((t) => noise.push(t));
    service.emit('runtime', { type: 'actor.activated', actor: 'p/1', worker: 0 });
    await json.until(() => json.jsonLines().length >= 2);
    await client.ping();
    await bystander.ping();
    assert.deepEqual(json.jsonLines()[1], { k: 'event', topic: 'runtime', data: { type: 'actor.activated', actor: 'p/1', worker: 0 } });
    assert.deepEqual(got, [['runtime', { type: 'actor.activated', actor: 'p/1', worker: 0 }]]);
    assert.deepEqual(noise, []);
    json.end();
    await Promise.all([client.close(), bystander.close(), json.closed]);
  });

  it('listens on 127.0.0.1 when asked', async () => {
    assert.ok(daemon.tcpPort !== null && daemon.tcpPort > 0);
    const client = await DaemonClient.connect({ port: daemon.tcpPort });
    assert.equal((await client.stats()).tcpPort, daemon.tcpPort);
    await client.close();
  });

  it('counts requests per operation with p50 and p99', async () => {
    const client = await DaemonClient.connect({ socketPath: paths.socket });
    const { ops, requests, connections } = await client.stats();
    assert.ok((ops.refs?.count ?? 0) >= 2000);
    assert.ok(ops.refs!.p50Ms! <= ops.refs!.p99Ms!);
    assert.ok(requests.total > 2000);
    assert.equal(connections, 1);
    await client.close();
  });

  it('stops on a shutdown request: the requester sees the hang-up once the graph is closed and the files are gone', async () => {
    const client = await DaemonClient.connect({ socketPath: paths.socket });
    await client.shutdown();
    assert.equal(service.closed, true);
    await assert.rejects(stat(paths.socket));
    await assert.rejects(stat(paths.pid));
    await daemon.stopped;
  });
});

describe('Daemon start-up', { timeout: 20_000 }, async () => {
  const dir = await mkdtemp(join(tmpdir(), 'tessera-d-'));
  after(() => rm(dir, { recursive: true, force: true }));

  it('replaces the pid file and socket of a daemon that is gone', async () => {
    const paths = daemonPaths(dir, { socket: join(dir, 'stale.sock') });
    await writeFile(paths.pid, JSON.stringify({ pid: 2 ** 30, root: dir, socket: paths.socket, started: 'then' }));
    await writeFile(paths.socket, '');
    const daemon = await Daemon.start({ root: dir, paths, open: () => Promise.resolve(new FakeQueryService()) });
    await daemon.ready;
    const client = await DaemonClient.connect({ socketPath: paths.socket });
    assert.equal((await client.stats()).pid, process.pid);
    await client.close();
    await daemon.stop();
  });

  it('drops events for a client that does not keep up, and goes on serving it', async () => {
    const paths = daemonPaths(dir, { socket: join(dir, 'slow.sock') });
    const service = new FakeQueryService();
    const daemon = await Daemon.start({ root: dir, paths, open: () => Promise.resolve(service), limits: { maxPendingWriteBytes: 64 * 1024 } });
    try {
      await daemon.ready;
      const raw = await RawSocket.open(paths.socket);
      raw.writeJson({ k: 'subscribe', id: 1, topics: ['runtime'] });
      await raw.until(() => raw.jsonLines().length >= 1);
      const blob = 'x'.repeat(1024);
      // 4 MB of events in one turn of the event loop: nothing drains meanwhile.
      for (let i = 0; i < 4000; i++) service.emit('runtime', { i, blob });
      raw.writeJson({ k: 'ping', id: 2 });
      await raw.until(() => raw.jsonLines().some((m) => m.k === 'pong'));
      const events = raw.jsonLines().filter((m) => m.k === 'event').length;
      assert.ok(events > 0 && events < 100, `${events} events got through`);
      raw.end();
      await raw.closed;
    } finally {
      await daemon.stop();
    }
  });

  it('stops by itself when the first index fails, and says why', async () => {
    const paths = daemonPaths(dir, { socket: join(dir, 'fail.sock') });
    const daemon = await Daemon.start({ root: dir, paths, open: () => Promise.reject(new Error('no such tree')) });
    await assert.rejects(daemon.ready, (err: Error & { code?: string }) => err.code === 'ERR_DAEMON_INDEX_FAILED' && /no such tree/.test(err.message));
    await daemon.stopped;
    await assert.rejects(stat(paths.socket));
  });
});
