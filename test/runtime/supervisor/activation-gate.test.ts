import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ActivationGate, mayStartActivation } from '../../../runtime/supervisor/activation-gate.js';

const tick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('mayStartActivation()', () => {
  it('lets one through when none is under way, whatever the headroom', () => {
    assert.equal(mayStartActivation(0, 500, -100), true);
  });

  it('lets another through only while all of them fit the headroom', () => {
    assert.equal(mayStartActivation(300, 200, 500), true);
    assert.equal(mayStartActivation(300, 201, 500), false);
  });
});

describe('ActivationGate', () => {
  it('holds activations that do not fit until enough bytes leave, in arrival order', async () => {
    const gate = new ActivationGate(() => 1000);
    const order: string[] = [];
    const leaveA = await gate.enter(600);
    const b = gate.enter(600).then((leave) => (order.push('b'), leave));
    const c = gate.enter(100).then((leave) => (order.push('c'), leave));
    await tick();
    assert.deepEqual(order, [], 'b waits for room; c, which would fit, waits behind b');
    assert.equal(gate.waiting, 2);

    leaveA();
    const leaveB = await b;
    const leaveC = await c;
    assert.deepEqual(order, ['b', 'c']);
    assert.equal(gate.inFlightBytes, 700);
    leaveB();
    leaveB(); // a second call changes nothing
    leaveC();
    assert.equal(gate.inFlightBytes, 0);
  });

  it('runs them one at a time when the headroom is gone, instead of stopping them', async () => {
    const gate = new ActivationGate(() => -1);
    const leave1 = await gate.enter(10);
    let second = false;
    const p = gate.enter(10).then((leave) => ((second = true), leave));
    await tick();
    assert.equal(second, false);
    leave1();
    (await p)();
    assert.equal(second, true);
    assert.equal(gate.inFlightBytes, 0);
  });

  it('reads the headroom when bytes leave, so room made meanwhile is used', async () => {
    let headroom = 100;
    const gate = new ActivationGate(() => headroom);
    const leaveA = await gate.enter(50);
    const leaveB = await gate.enter(50);
    const c = gate.enter(50);
    const d = gate.enter(50);
    headroom = 1000;
    leaveA();
    await Promise.all([c, d]);
    assert.equal(gate.inFlightBytes, 150);
    leaveB();
  });
});
