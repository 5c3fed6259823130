// The peer thread of the transport benchmark: a sink that counts messages, or an echo that
// answers each request, over either a ring channel or postMessage.
import { parentPort, workerData } from 'node:worker_threads';
import { DuplexChannel, RingBuffer, RingReader, RingWriter, workerCodec, type ChannelBuffers, type SupervisorToWorker, type WorkerToSupervisor } from '../../protocol/index.js';

interface Input {
  mode: 'ring-sink' | 'ring-echo' | 'raw-echo' | 'pm-sink' | 'pm-echo';
  buffers?: ChannelBuffers;
  /** Messages to count in all, and after how many to report that the warm-up is over. */
  expected?: number;
  warmup?: number;
  spinMs: number;
}
const { mode, buffers, expected = 0, warmup = 0, spinMs } = workerData as Input;
const port = parentPort!;

let count = 0;
let checksum = 0;

/** Answers an `ask` through `reply`; counts a `tell`, reporting the end of the warm-up and the last one. */
function handle(m: SupervisorToWorker, reply: (m: WorkerToSupervisor) => void): void {
  if (m.k === 'ask') {
    reply({ k: 'result', id: m.id, value: m.seq });
    return;
  }
  if (m.k !== 'tell') throw new Error(`unexpected ${m.k}`);
  checksum += m.seq;
  if (++count === warmup) port.postMessage({ warmedUp: count });
  if (count === expected) port.postMessage({ done: count, checksum });
}

if (mode === 'raw-echo') {
  // The same rings without the codec: each frame is answered with its own bytes.
  const writer = new RingWriter(RingBuffer.attach(buffers!.up, 'up'));
  const reader = new RingReader(RingBuffer.attach(buffers!.down, 'down'), {
    onMessage: (buffer, start, end) => void writer.write(buffer.subarray(start, end)),
    onError: (err) => port.postMessage({ error: String(err) }),
    peerWakeups: () => writer.stats.wakeups,
    spinMs,
    keepAlive: true,
  });
  void reader.start();
  port.postMessage({ ready: true });
} else if (mode === 'ring-sink' || mode === 'ring-echo') {
  const reply = (m: WorkerToSupervisor): void => void channel.send(m);
  const channel: DuplexChannel<WorkerToSupervisor, SupervisorToWorker> = new DuplexChannel(buffers!, 'peer', workerCodec, {
    onMessage: (m) => handle(m, reply),
    onError: (err) => port.postMessage({ error: String(err) }),
    reader: { spinMs, keepAlive: true },
  });
  void channel.start();
  port.postMessage({ ready: true });
} else {
  const reply = (m: WorkerToSupervisor): void => port.postMessage(m);
  port.on('message', (m: SupervisorToWorker) => handle(m, reply));
  port.postMessage({ ready: true });
}
