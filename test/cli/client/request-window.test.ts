import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { tesseraError, type ClientToDaemon } from '../../../protocol/index.js';
import { SimulatedClock } from '../../../runtime/index.js';
import { RequestWindow } from '../../../cli/client/request-window.js';

function setup(max: number) {
  const sent: ClientToDaemon[] = [];
  const clock = new SimulatedClock();
  const window = new RequestWindow((m) => sent.push(m), max, clock);
  return { sent, clock, window };
}

describe('RequestWindow', () => {
  it('numbers requests from 1 and settles them by id, in any order', async () => {
    const { sent, window } = setup(10);
    const a = window.request((id) => ({ k: 'ping', id }), 1000);
    const b = window.request((id) => ({ k: 'stats', id }), 1000);
    assert.deepEqual(sent.map((m) => m.id), [1, 2]);
    window.resolve(2, 'two');
    window.resolve(1, 'one');
    assert.deepEqual(await Promise.all([a, b]), ['one', 'two']);
    assert.equal(window.size, 0);
  });

  it('sends at most maxInFlight at once and the rest in order as answers come', () => {
    const { sent, window } = setup(2);
    for (let i = 0; i < 5; i++) void window.request((id) => ({ k: 'ping', id }), 1000);
    assert.deepEqual(sent.map((m) => m.id), [1, 2]);
    window.resolve(2, null);
    assert.deepEqual(sent.map((m) => m.id), [1, 2, 3]);
    window.resolve(1, null);
    window.resolve(3, null);
    assert.deepEqual(sent.map((m) => m.id), [1, 2, 3, 4, 5]);
  });

  it('fails a request after its timeout and drops its late reply', async () => {
    const { clock, window } = setup(1);
    const slow = window.request((id) => ({ k: 'stats', id }), 50);
    const queued = window.request((id) => ({ k: 'ping', id }), 1000);
    clock.advance(50);
    await assert.rejects(slow, (err: Error & { code?: string }) => err.code === 'ERR_DAEMON_REQUEST_TIMEOUT');
    window.resolve(1, 'late');
    window.resolve(2, 'queued one');
    assert.equal(await queued, 'queued one');
  });

  it('rebuilds error replies as coded errors', async () => {
    const { window } = setup(1);
    const p = window.request((id) => ({ k: 'ping', id }), 1000);
    window.reject(1, { code: 'ERR_DAEMON_NOT_READY', message: 'not yet', details: { phase: 'scan', done: 0, total: 1 } });
    await assert.rejects(p, (err: Error & { code?: string }) => err.code === 'ERR_DAEMON_NOT_READY');
  });

  it('fails everything pending and later requests once closed', async () => {
    const { window } = setup(1);
    const sentOne = window.request((id) => ({ k: 'ping', id }), 1000);
    const queued = window.request((id) => ({ k: 'ping', id }), 1000);
    const closed = tesseraError('ERR_DAEMON_CONNECTION_CLOSED', { reason: 'test', pending: 2 });
    window.close(closed);
    await assert.rejects(sentOne, closed);
    await assert.rejects(queued, closed);
    await assert.rejects(window.request((id) => ({ k: 'ping', id }), 1000), closed);
  });
});
