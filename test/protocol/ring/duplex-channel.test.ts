import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  DuplexChannel,
  createChannelBuffers,
  isTesseraError,
  supervisorCodec,
  workerCodec,
  type SupervisorToWorker,
  type WorkerToSupervisor,
} from '../../../protocol/index.js';

/** Both ends of one channel in this thread; what the peer end receives is collected. */
function channelPair(capacity: number, maxMessageBytes?: number) {
  const buffers = createChannelBuffers(capacity);
  const received: SupervisorToWorker[] = [];
  const errors: unknown[] = [];
  let arrived: (() => void) | undefined;
  const creator = new DuplexChannel<SupervisorToWorker, WorkerToSupervisor>(buffers, 'creator', supervisorCodec, {
    onMessage: () => {},
    onError: (err) => errors.push(err),
    ...(maxMessageBytes === undefined ? {} : { writer: { maxMessageBytes } }),
  });
  const peer = new DuplexChannel<WorkerToSupervisor, SupervisorToWorker>(buffers, 'peer', workerCodec, {
    onMessage: (m) => {
      received.push(m);
      arrived?.();
    },
    onError: (err) => {
      errors.push(err);
      arrived?.();
    },
  });
  void creator.start();
  void peer.start();
  /** Resolves once `n` messages (or errors) have arrived in all. */
  const until = (n: number) =>
    new Promise<void>((resolve) => {
      const check = () => {
        if (received.length + errors.length >= n) resolve();
      };
      arrived = check;
      check();
    });
  const close = () => {
    creator.close();
    peer.close();
  };
  return { creator, received, errors, until, close };
}

const tell = (seq: number, msg: SupervisorToWorker extends infer M ? (M extends { k: 'tell'; msg: infer P } ? P : never) : never): SupervisorToWorker => ({
  k: 'tell',
  actor: 'kv/1',
  seq,
  msg,
});

describe('DuplexChannel', () => {
  it('delivers messages of many shapes in order and intact through a small ring', async () => {
    const { creator, received, errors, until, close } = channelPair(256);
    const sent: SupervisorToWorker[] = [];
    for (let i = 0; i < 300; i++) {
      const msg = i % 3 === 0 ? { op: 'put', key: `k${i}`, value: i } : i % 3 === 1 ? { op: 'blob', data: new Uint8Array(i % 150).fill(i & 0xff) } : { op: 'list', items: [i, `${i}`, null] };
      sent.push(tell(i, msg));
      await creator.send(sent[i]!);
    }
    await until(sent.length);
    close();
    assert.deepEqual(errors, []);
    assert.deepEqual(received, sent);
  });

  it('after a message is refused, the next ones still decode: both ends start their records afresh', async () => {
    // The refused message is the first of its shape, so its frame carried that shape's record
    // definition; a later message of the same shape must not refer to a definition the peer never saw.
    const { creator, received, errors, until, close } = channelPair(1024, 400);
    await creator.send(tell(0, { op: 'start' }));
    await assert.rejects(
      Promise.resolve(creator.send(tell(1, { op: 'blob', data: new Uint8Array(600) }))),
      (err: unknown) => isTesseraError(err, 'ERR_RING_MESSAGE_TOO_LARGE'),
    );
    await creator.send(tell(2, { op: 'blob', data: new Uint8Array([1, 2, 3]) }));
    await creator.send(tell(3, { op: 'start' }));
    await until(3 + 1); // three messages, and the refusal reported through onError
    close();
    assert.equal(creator.writer.stats.failed, 1);
    assert.deepEqual(received, [tell(0, { op: 'start' }), tell(2, { op: 'blob', data: new Uint8Array([1, 2, 3]) }), tell(3, { op: 'start' })]);
    assert.equal(errors.length, 1);
    assert.ok(isTesseraError(errors[0], 'ERR_RING_MESSAGE_TOO_LARGE'), String(errors[0]));
  });
});
