export { createSystemClock, systemClock, SimulatedClock, type Clock, type SystemClockOptions, type TimerHandle } from './clock.js';
export type { ClusterView, SpawnRequest, WorkerId, WorkerStatus, WorkerView } from './supervisor/cluster-view.js';
export { kPlacementMemoryStep, placeActor } from './supervisor/placement.js';
export { pressureLevel, kWarningRatio, kCriticalRatio, type PressureLevel } from './supervisor/pressure.js';
export { chooseEvictions, type EvictionCandidate, type EvictionView } from './supervisor/eviction.js';
export {
  decideRestart,
  defaultRestartPolicy,
  emptyRestartState,
  type RestartDecision,
  type RestartOutcome,
  type RestartPolicy,
  type RestartRecord,
  type RestartState,
} from './supervisor/restart-policy.js';
export { defaultSpinMs, kSpinWindowMs } from './supervisor/spin-policy.js';
export { RoutingTable, type RouteEntry, type RouteState } from './supervisor/routing-table.js';
export { SnapshotStore, type SnapshotStoreOptions } from './snapshot/snapshot-store.js';
export type { RangeReader } from './snapshot/range-reader.js';
export { Supervisor } from './supervisor/supervisor.js';
export type { SupervisorOptions } from './supervisor/supervisor-options.js';
export type { AskOptions } from './supervisor/supervisor-core.js';
export type { ActorStats, SupervisorStats, WorkerStats } from './supervisor/supervisor-stats.js';
export type { RuntimeEvent, RuntimeEventListener } from './supervisor/runtime-events.js';
export { supervisorMachine, type SupervisorEvent, type SupervisorContext } from './supervisor/supervisor-machine.js';
export { UpdateLog, type JournalEntry } from './supervisor/update-log.js';
export { LatencyRecorder } from './supervisor/latency-recorder.js';
export { defineActorKind, type ActorKind, type PersistedActor } from './actor/actor-kind.js';
export { actorAddress, parseActorAddress, type ActorAddress } from './actor/actor-address.js';
export { ActorHost, type HostedActorStats } from './actor/actor-host.js';
