/**
 * Entry point of a runtime worker thread.
 *
 *   supervisor thread                worker thread (this file)
 *   WorkerHandle ──down ring──▶ DuplexChannel ──▶ handleRequest ──▶ ActorHost (XState actors)
 *                ◀──up ring──── replies, events ◀─────────────────────┘
 *
 * Startup: load every actor kind module named in workerData, then send READY with the protocol
 * version. Snapshots of this worker's actors are written here, to temporary files the
 * supervisor installs (runtime/worker/persist-actor.ts). Everything after that travels over the rings; failures become messages, never
 * throws across the boundary.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { DuplexChannel, PROTOCOL_VERSION, toWireError, workerCodec, type WorkerToSupervisor } from '../../protocol/index.js';
import { ActorHost } from '../actor/actor-host.js';
import { SnapshotStore } from '../snapshot/snapshot-store.js';
import { loadActorKinds } from './load-actor-kinds.js';
import { handleRequest } from './handle-request.js';
import type { WorkerBootData } from './worker-boot-data.js';

const boot = workerData as WorkerBootData;
const host = new ActorHost(await loadActorKinds(boot.kinds));
const store = SnapshotStore.attach(boot.snapshots.dir, { fsync: boot.snapshots.fsync });

const channel = new DuplexChannel(boot.buffers, 'peer', workerCodec, {
  onMessage: (message) => handleRequest(message, host, store, send),
  onError: (err) => send({ k: 'log', level: 'error', msg: toWireError(err).message }),
  onClose: () => parentPort?.close(),
  reader: { spinMs: boot.spinMs, keepAlive: true },
});

function send(message: WorkerToSupervisor): void {
  void channel.send(message);
}

void channel.start();
send({ k: 'ready', version: PROTOCOL_VERSION, worker: boot.slot });
