import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SimulatedClock } from '../../../runtime/index.js';
import type { DaemonPhase, DaemonStats } from '../../../cli/daemon/daemon-stats.js';
import { OpStats } from '../../../cli/daemon/op-stats.js';
import { RequestHandler, type DaemonHost } from '../../../cli/daemon/request-handler.js';
import type { QueryService } from '../../../cli/service/query-service.js';
import { FakeQueryService } from '../fixtures/fake-query-service.js';

function setup(phase: DaemonPhase, service: QueryService | undefined) {
  const ops = new OpStats();
  const shutdowns: string[] = [];
  const host: DaemonHost = {
    phase,
    progress: { phase: 'parse', done: 2, total: 5 },
    service,
    topics: ['daemon', 'runtime'],
    stats: () => ({ state: phase }) as DaemonStats,
    shutdown: (reason) => shutdowns.push(reason),
  };
  const subscribed: string[] = [];
  const origin = {
    subscribe: (topics: readonly string[]) => subscribed.push(...topics),
    unsubscribe: (topics: readonly string[]) => topics.forEach((t) => subscribed.includes(t) && subscribed.splice(subscribed.indexOf(t), 1)),
    topics: () => [...subscribed],
  };
  return { handler: new RequestHandler(host, ops, new SimulatedClock()), ops, shutdowns, subscribed, origin };
}

describe('RequestHandler', () => {
  it('answers a query with the service result and the time taken', async () => {
    const { handler, origin, ops } = setup('ready', new FakeQueryService());
    const reply = await handler.handle({ k: 'query', id: 3, op: 'def', args: { name: 'f' } }, origin);
    assert.deepEqual(reply, { k: 'result', id: 3, value: FakeQueryService.expected({ op: 'def', name: 'f' }), took_us: 0 });
    assert.equal(ops.figures().def?.count, 1);
  });

  it('answers queries during the first index with ERR_DAEMON_NOT_READY and the progress', async () => {
    const { handler, origin } = setup('indexing', undefined);
    const reply = await handler.handle({ k: 'query', id: 1, op: 'def', args: { name: 'f' } }, origin);
    assert.equal(reply.k, 'error');
    assert.equal(reply.k === 'error' && reply.error.code, 'ERR_DAEMON_NOT_READY');
    assert.deepEqual(reply.k === 'error' && reply.error.details, { phase: 'parse', done: 2, total: 5 });
  });

  it('answers ping and stats while stopping, and refuses the rest with ERR_DAEMON_STOPPING', async () => {
    const { handler, origin } = setup('stopping', new FakeQueryService());
    assert.deepEqual(await handler.handle({ k: 'ping', id: 1 }, origin), { k: 'pong', id: 1 });
    assert.equal((await handler.handle({ k: 'stats', id: 2 }, origin)).k, 'result');
    const refused = await handler.handle({ k: 'send', id: 3, actor: 'a/b', msg: 1 }, origin);
    assert.equal(refused.k === 'error' && refused.error.code, 'ERR_DAEMON_STOPPING');
  });

  it('lists partitions or workers, refuses any other list, unsubscribes and syncs', async () => {
    const service = new FakeQueryService();
    const { handler, origin, subscribed } = setup('ready', service);
    assert.deepEqual(await handler.handle({ k: 'list', id: 1, what: 'workers' }, origin), { k: 'result', id: 1, value: { workers: service.list('workers') } });
    assert.deepEqual(await handler.handle({ k: 'list', id: 2, what: 'partitions' }, origin), { k: 'result', id: 2, value: { partitions: service.list('partitions') } });
    const bad = await handler.handle({ k: 'list', id: 3, what: 'actors' }, origin);
    assert.equal(bad.k === 'error' && bad.error.code, 'ERR_DAEMON_BAD_ARGS');
    await handler.handle({ k: 'subscribe', id: 4, topics: ['runtime', 'daemon'] }, origin);
    assert.deepEqual(await handler.handle({ k: 'unsubscribe', id: 5, topics: ['runtime'] }, origin), { k: 'result', id: 5, value: { topics: ['daemon'] } });
    assert.deepEqual(subscribed, ['daemon']);
    assert.deepEqual(await handler.handle({ k: 'sync', id: 6 }, origin), { k: 'result', id: 6, value: { tookMs: 0 } });
    assert.equal(service.syncs, 1);
  });

  it('turns a thrown error into an error reply without a stack', async () => {
    const { handler, origin, ops } = setup('ready', new FakeQueryService());
    const reply = await handler.handle({ k: 'query', id: 5, op: 'def', args: { name: 'explode' } }, origin);
    assert.equal(reply.k === 'error' && reply.error.code, 'ERR_INTERNAL');
    assert.equal(reply.k === 'error' && reply.error.stack, undefined);
    assert.equal(ops.totals.errors, 1);
  });

  it('subscribes to known topics and refuses unknown ones', async () => {
    const { handler, origin, subscribed } = setup('ready', new FakeQueryService());
    assert.equal((await handler.handle({ k: 'subscribe', id: 1, topics: ['runtime'] }, origin)).k, 'result');
    const reply = await handler.handle({ k: 'subscribe', id: 2, topics: ['runtime', 'files'] }, origin);
    assert.equal(reply.k === 'error' && reply.error.code, 'ERR_DAEMON_UNKNOWN_TOPIC');
    assert.deepEqual(subscribed, ['runtime']);
  });

  it('relays send to the service and shutdown to the host', async () => {
    const service = new FakeQueryService();
    const { handler, origin, shutdowns } = setup('ready', service);
    assert.deepEqual(await handler.handle({ k: 'send', id: 1, actor: 'counter/a', msg: { type: 'get' } }, origin), {
      k: 'result',
      id: 1,
      value: { echo: { type: 'get' } },
    });
    assert.deepEqual(await handler.handle({ k: 'shutdown', id: 2 }, origin), { k: 'result', id: 2, value: { stopping: true } });
    assert.deepEqual(shutdowns, ['shutdown request']);
  });

  it('counts the requests in flight, and idle() resolves once the last one is answered', async () => {
    const service = new FakeQueryService();
    const { handler, origin } = setup('ready', service);
    await handler.idle(); // none in flight: at once
    service.hold();
    const answers = [1, 2].map((id) => handler.handle({ k: 'query', id, op: 'def', args: { name: 'f' } }, origin));
    assert.equal(handler.inFlight, 2);
    let idle = false;
    void handler.idle().then(() => (idle = true));
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(idle, false);
    service.release();
    assert.deepEqual((await Promise.all(answers)).map((r) => r.k), ['result', 'result']);
    await handler.idle();
    assert.equal(handler.inFlight, 0);
    assert.equal(idle, true);
  });

  it('counts unknown query ops under one name, so random names cannot grow the table', async () => {
    const { handler, origin, ops } = setup('ready', new FakeQueryService());
    for (const op of ['x1', 'x2', 'x3']) await handler.handle({ k: 'query', id: 1, op, args: {} }, origin);
    assert.deepEqual(Object.keys(ops.figures()), ['(unknown op)']);
  });
});
