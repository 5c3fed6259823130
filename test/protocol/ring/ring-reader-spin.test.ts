import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { RingBuffer, RingReader, RingWriter } from '../../../protocol/index.js';

/**
 * A reader with a long spin window whose message handler may "wake the peer" (bump the
 * counter the reader watches). Returns the reader's park count a while after one message.
 */
async function parksAfterOneMessage(handlerWakesPeer: boolean): Promise<{ soon: number; later: number }> {
  const ring = RingBuffer.create(1024, 'spin');
  const writer = new RingWriter(ring);
  let peerWakeups = 0;
  const reader = new RingReader(RingBuffer.attach(ring.sab, 'spin'), {
    onMessage: () => {
      if (handlerWakesPeer) peerWakeups++;
    },
    spinMs: 400,
    peerWakeups: () => peerWakeups,
  });
  const done = reader.start();
  await sleep(20); // parked on the empty ring: the message comes after a quiet spell
  const before = reader.stats.parks;
  assert.equal(writer.tryWrite(new Uint8Array([1])), true);
  await sleep(100);
  const soon = reader.stats.parks - before;
  await sleep(500);
  const later = reader.stats.parks - before;
  ring.close();
  await done;
  return { soon, later };
}

describe('RingReader spin window', () => {
  it('spins after a message while traffic is recent, then parks', async () => {
    const { soon, later } = await parksAfterOneMessage(false);
    assert.equal(soon, 0, 'parked inside the 400 ms spin window');
    assert.equal(later, 1, 'did not park once the spin window ended');
  });

  it('parks at once, without spinning, when handling a message after a quiet spell woke the peer', async () => {
    const { soon } = await parksAfterOneMessage(true);
    assert.equal(soon, 1);
  });

  it('lets work queued a few awaits deep run before each spin slice', async () => {
    // A reply is often sent a few awaits after the message arrived (an async handler, then the
    // caller's await). Each spin slice checks the ring without yielding; if it started first,
    // that reply would wait for the slice to end. Counting the reader's ring checks shows
    // whether a slice ran before the chain finished.
    const ring = RingBuffer.create(1024, 'spin');
    const writer = new RingWriter(ring);
    const reader = new RingReader(RingBuffer.attach(ring.sab, 'spin'), {
      onMessage: () => {
        const base = checks;
        void (async () => {
          for (let i = 0; i < 4; i++) await Promise.resolve();
          checksBeforeChainEnd = checks - base;
        })();
      },
      spinMs: 400,
    });
    let checks = 0;
    let checksBeforeChainEnd = -1;
    const hasData = reader.hasData.bind(reader);
    reader.hasData = () => {
      checks++;
      return hasData();
    };
    const done = reader.start();
    await sleep(20);
    assert.equal(writer.tryWrite(new Uint8Array([1])), true);
    await sleep(50);
    ring.close();
    await done;
    assert.ok(checksBeforeChainEnd >= 0, 'the chain never finished');
    // A few checks between the yields; a spin slice makes hundreds (122 with one yield).
    assert.ok(checksBeforeChainEnd < 10, `a spin slice ran first: ${checksBeforeChainEnd} ring checks before the chain ended`);
  });
});
