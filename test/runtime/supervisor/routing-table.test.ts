import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RoutingTable } from '../../../runtime/index.js';

describe('RoutingTable', () => {
  it('activating() then activated() routes an actor to its worker', () => {
    const table = new RoutingTable();

    table.activating('counter/a', 2, 10);
    const during = { ...table.get('counter/a') };
    table.activated('counter/a', 15);

    assert.deepEqual(during, { address: 'counter/a', state: 'activating', workerId: 2, lastUsedAt: 10 });
    assert.deepEqual({ ...table.get('counter/a') }, { address: 'counter/a', state: 'active', workerId: 2, lastUsedAt: 15 });
    assert.equal(table.get('counter/b'), undefined);
    assert.equal(table.size, 1);
  });

  it('touch() updates the last-use time', () => {
    const table = new RoutingTable();
    table.activating('a', 0, 1);
    table.activated('a', 2);

    table.touch('a', 50);

    assert.equal(table.get('a')?.lastUsedAt, 50);
  });

  it('actorsOn() and countOn() list the active and activating actors of a worker, sorted', () => {
    const table = new RoutingTable();
    table.activating('z', 0, 0);
    table.activating('b', 0, 0);
    table.activated('b', 0);
    table.activating('c', 1, 0);
    table.activating('gone', 0, 0);
    table.activated('gone', 0);
    table.passivated('gone');

    assert.deepEqual(table.actorsOn(0), ['b', 'z']);
    assert.deepEqual(table.actorsOn(1), ['c']);
    assert.deepEqual(table.actorsOn(7), []);
    assert.equal(table.countOn(0), 2);
  });

  it('passivated() takes the actor off its worker; it may then activate elsewhere', () => {
    const table = new RoutingTable();
    table.activating('a', 0, 0);
    table.activated('a', 0);

    table.passivated('a');
    const after = { ...table.get('a') };
    table.activating('a', 3, 9);

    assert.deepEqual(after, { address: 'a', state: 'passivated', workerId: null, lastUsedAt: 0 });
    assert.equal(table.get('a')?.workerId, 3);
    assert.deepEqual(table.actorsOn(0), []);
    assert.deepEqual(table.actorsOn(3), ['a']);
  });

  it('workerLost() passivates every actor of the worker and returns them', () => {
    const table = new RoutingTable();
    table.activating('b', 1, 0);
    table.activating('a', 1, 0);
    table.activated('a', 0);
    table.activating('other', 2, 0);

    const lost = table.workerLost(1);

    assert.deepEqual(lost, ['a', 'b']);
    assert.equal(table.get('a')?.state, 'passivated');
    assert.equal(table.get('b')?.state, 'passivated');
    assert.equal(table.countOn(1), 0);
    assert.equal(table.get('other')?.state, 'activating');
  });

  it('remove() forgets an actor wherever it is', () => {
    const table = new RoutingTable();
    table.activating('a', 0, 0);

    assert.equal(table.remove('a'), true);
    assert.equal(table.remove('a'), false);
    assert.equal(table.get('a'), undefined);
    assert.deepEqual(table.actorsOn(0), []);
    assert.equal(table.size, 0);
  });

  it('entries() yields every route', () => {
    const table = new RoutingTable();
    table.activating('a', 0, 0);
    table.activating('b', 1, 0);
    table.passivated('b');

    assert.deepEqual([...table.entries()].map((e) => [e.address, e.state]), [['a', 'activating'], ['b', 'passivated']]);
  });

  it('rejects transitions from the wrong state', () => {
    const table = new RoutingTable();
    table.activating('a', 0, 0);

    assert.throws(() => table.activating('a', 1, 0), { name: 'RangeError', message: 'Cannot activate actor "a" on worker 1: it is already activating on worker 0' });
    assert.throws(() => table.activated('x', 0), { name: 'RangeError', message: 'Cannot mark actor "x" active: it is not activating: current state is unknown' });
    table.passivated('a');
    assert.throws(() => table.passivated('a'), /current state is passivated/);
    assert.throws(() => table.touch('a', 1), RangeError);
    assert.throws(() => table.activated('a', 1), RangeError);
  });
});
