// The postMessage baseline: the same ActorHost and actor kinds, but requests and replies
// travel by postMessage (structured clone) instead of the rings.
import { parentPort, workerData } from 'node:worker_threads';
import { ActorHost } from '../../runtime/index.js';
import blob from './blob-actor.js';

const host = new ActorHost(new Map([['blob', blob]]));
const port = parentPort!;
void workerData;
port.on('message', (m: { id: number; actor: string; msg: unknown }) => {
  if (!host.has(m.actor)) host.activate(m.actor, undefined);
  port.postMessage({ id: m.id, value: host.ask(m.actor, m.msg) });
});
