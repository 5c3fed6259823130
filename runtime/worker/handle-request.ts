import { tesseraError, toWireError, type SupervisorToWorker, type WorkerToSupervisor } from '../../protocol/index.js';
import type { ActorHost } from '../actor/actor-host.js';
import { collectGarbageFully } from '../memory/collect-garbage.js';
import { threadMemoryBytes } from '../memory/thread-memory.js';
import type { SnapshotStore } from '../snapshot/snapshot-store.js';
import { persistActor } from './persist-actor.js';

/**
 * Applies one supervisor message to the actor host and sends the answer. Never throws: a
 * failure becomes a `failure` reply (requests) or an `actor_failed` event (tells).
 */
export function handleRequest(message: SupervisorToWorker, host: ActorHost, store: SnapshotStore, send: (m: WorkerToSupervisor) => void): void {
  switch (message.k) {
    case 'tell':
      try {
        host.tell(message.actor, message.msg);
      } catch (err) {
        send({ k: 'actor_failed', actor: message.actor, seq: message.seq, error: toWireError(err) });
      }
      return;
    case 'ask':
      answer(message.id, send, () => host.ask(message.actor, message.msg));
      return;
    case 'activate':
      answer(message.id, send, () => host.activate(message.actor, message.state, (message.replay as unknown[] | undefined) ?? [], message.rebuild ?? false));
      return;
    case 'checkpoint':
      answerLater(message.id, send, () => persistActor(store, message.actor, message.seq, host.checkpoint(message.actor)));
      return;
    case 'passivate':
      answerLater(message.id, send, () => persistActor(store, message.actor, message.seq, host.passivate(message.actor)));
      return;
    case 'drop':
      host.drop(message.actor);
      return;
    case 'stats': {
      const report = () => send({ k: 'stats_reply', id: message.id, heapUsed: threadMemoryBytes(), actors: host.stats() });
      if (!message.gc) return report();
      void collectGarbageFully().then(report);
      return;
    }
    case 'ping':
      send(message.t === undefined ? { k: 'pong', id: message.id } : { k: 'pong', id: message.id, t: message.t });
      return;
    case 'shutdown':
      answer(message.id, send, () => host.size);
      return;
    default:
      throw tesseraError('ERR_PROTO_UNKNOWN_KIND', { direction: 'SupervisorToWorker', kind: (message as { k: string }).k });
  }
}

/** As {@link answer}, for work that finishes later (its synchronous part still runs now, in order). */
function answerLater(id: number, send: (m: WorkerToSupervisor) => void, work: () => Promise<unknown>): void {
  let pending: Promise<unknown>;
  try {
    pending = work();
  } catch (err) {
    send({ k: 'failure', id, error: toWireError(err) });
    return;
  }
  pending.then(
    (value) => send({ k: 'result', id, value }),
    (err: unknown) => send({ k: 'failure', id, error: toWireError(err) }),
  );
}

function answer(id: number, send: (m: WorkerToSupervisor) => void, work: () => unknown): void {
  let value: unknown;
  try {
    value = work();
  } catch (err) {
    send({ k: 'failure', id, error: toWireError(err) });
    return;
  }
  send({ k: 'result', id, value });
}
