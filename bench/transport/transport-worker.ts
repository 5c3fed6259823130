// The peer thread of the transport benchmark: a sink that counts messages, or an echo that
// answers each request, over either a ring channel or postMessage.
import { parentPort, workerData } from 'node:worker_threads';
import { DuplexChannel, type ChannelBuffers } from '../../protocol/index.js';
import { benchCodec, type BenchMessage } from './bench-codec.js';

interface Input {
  mode: 'ring-sink' | 'ring-echo' | 'pm-sink' | 'pm-echo';
  buffers?: ChannelBuffers;
  expected?: number;
  spinMs: number;
}
const { mode, buffers, expected = 0, spinMs } = workerData as Input;
const port = parentPort!;

if (mode === 'ring-sink' || mode === 'ring-echo') {
  let count = 0;
  let checksum = 0;
  const channel: DuplexChannel<BenchMessage, BenchMessage> = new DuplexChannel(buffers!, 'peer', benchCodec, {
    onMessage: (m) => {
      if (mode === 'ring-echo') {
        channel.send({ k: 'result', id: m.id, value: m.t });
        return;
      }
      checksum += m.id as number;
      if (++count === expected) port.postMessage({ done: count, checksum });
    },
    onError: (err) => port.postMessage({ error: String(err) }),
    reader: { spinMs, keepAlive: true },
  });
  void channel.start();
  port.postMessage({ ready: true });
} else {
  let count = 0;
  let checksum = 0;
  port.on('message', (m: BenchMessage) => {
    if (mode === 'pm-echo') {
      port.postMessage({ k: 'result', id: m.id, value: m.t });
      return;
    }
    checksum += m.id as number;
    if (++count === expected) port.postMessage({ done: count, checksum });
  });
  port.postMessage({ ready: true });
}
