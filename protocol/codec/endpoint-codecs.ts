import { clientToDaemon, daemonToClient, supervisorToWorker, workerToSupervisor } from '../messages/index.js';
import { FrameCodec } from './frame-codec.js';

/** The supervisor's end of a worker connection: sends SupervisorToWorker, receives WorkerToSupervisor. */
export const supervisorCodec = new FrameCodec(supervisorToWorker, workerToSupervisor);

/** A worker's end: sends WorkerToSupervisor, receives SupervisorToWorker. */
export const workerCodec = new FrameCodec(workerToSupervisor, supervisorToWorker);

/** A client's end of the daemon socket: sends ClientToDaemon, receives DaemonToClient. */
export const clientCodec = new FrameCodec(clientToDaemon, daemonToClient);

/** The daemon's end of a client socket: sends DaemonToClient, receives ClientToDaemon. */
export const daemonCodec = new FrameCodec(daemonToClient, clientToDaemon);
