export {
  defineDirection,
  type Direction,
  type MessageSchema,
  type MessageSchemas,
  type MessageFromSchema,
  type MessagesOf,
  type MessageOf,
  type KindOf,
  type MessageOfKind,
} from './define-direction.js';
export { type FieldSpec, type FieldType, type FieldTypes, type FieldValue } from './field-spec.js';
export { isPlainData, findNonPlainData, kMaxPlainDataDepth, type PlainData, type NotPlainData } from './plain-data.js';
export { describeValue } from './describe-value.js';
export {
  supervisorToWorker,
  type SupervisorToWorker,
  type SupervisorToWorkerKind,
  type SupervisorToWorkerOf,
} from './supervisor-to-worker.js';
export {
  workerToSupervisor,
  type WorkerToSupervisor,
  type WorkerToSupervisorKind,
  type WorkerToSupervisorOf,
} from './worker-to-supervisor.js';
export { clientToDaemon, type ClientToDaemon, type ClientToDaemonKind, type ClientToDaemonOf } from './client-to-daemon.js';
export { daemonToClient, type DaemonToClient, type DaemonToClientKind, type DaemonToClientOf } from './daemon-to-client.js';
