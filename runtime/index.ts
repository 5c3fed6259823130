export { createSystemClock, systemClock, SimulatedClock, type Clock, type SystemClockOptions, type TimerHandle } from './clock.js';
export type { ClusterView, SpawnRequest, WorkerId, WorkerStatus, WorkerView } from './supervisor/cluster-view.js';
export { placeActor } from './supervisor/placement.js';
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
export { RoutingTable, type RouteEntry, type RouteState } from './supervisor/routing-table.js';
export { SnapshotStore, type SnapshotStoreOptions } from './snapshot/snapshot-store.js';
