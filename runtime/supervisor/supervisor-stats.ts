import type { PressureLevel } from './pressure.js';
import { pressureLevel } from './pressure.js';
import type { SupervisorCore } from './supervisor-core.js';
import type { ResolvedSupervisorOptions } from './supervisor-options.js';
import type { WorkerPool } from './worker-pool.js';

/** One worker in stats(). */
export interface WorkerStats {
  slot: number;
  status: string;
  heapUsedBytes: number;
  actors: number;
  inFlight: number;
  staleReplies: number;
}

/** What Supervisor.stats() reports. */
export interface SupervisorStats {
  state: string;
  uptimeMs: number;
  workers: WorkerStats[];
  actors: { active: number; activating: number; passivated: number };
  memory: {
    usedBytes: number;
    budgetBytes: number;
    pressure: PressureLevel;
    /** Activations under way (their weighted bytes) and waiting for headroom (see activation-gate.ts). */
    gate: { inFlightBytes: number; waiting: number };
  };
  mailboxes: Record<string, number>;
  messages: number;
  messagesPerSecond: number;
  activations: number;
  evictions: number;
  /** Evictions that wrote no snapshot (the stored one was current). */
  cleanEvictions: number;
  restarts: number;
  askRetries: number;
  corruptSnapshots: number;
  journalEntries: number;
  askLatencyMs: { p50: number; p99: number; count: number };
}

/** One actor in `Supervisor.actors()`. */
export interface ActorStats {
  address: string;
  state: string;
  /** The worker slot it lives on, or `null` when passivated. */
  worker: number | null;
  /** Estimated bytes, as its worker last reported (0 when passivated or unknown). */
  bytes: number;
  /** Milliseconds since it was last placed or messaged. */
  idleMs: number;
}

/** Lists every actor the supervisor routes, by address. */
export function buildActorList(core: SupervisorCore, now: number): ActorStats[] {
  const out: ActorStats[] = [];
  for (const r of core.routes.entries()) {
    out.push({ address: r.address, state: r.state, worker: r.workerId, bytes: r.state === 'passivated' ? 0 : core.sizes.get(r.address), idleMs: Math.max(0, now - r.lastUsedAt) });
  }
  return out.sort((a, b) => (a.address < b.address ? -1 : a.address > b.address ? 1 : 0));
}

/** @internal Inputs of {@link buildStats}. */
export interface StatsInput {
  options: ResolvedSupervisorOptions;
  state: string;
  uptimeMs: number;
  usedBytes: number;
  budgetBytes: number;
  pool: WorkerPool;
  core: SupervisorCore;
  messagesPerSecond: number;
}

/** Assembles the stats snapshot from the supervisor's parts. */
export function buildStats(input: StatsInput): SupervisorStats {
  const { pool, core } = input;
  const actors = { active: 0, activating: 0, passivated: 0 };
  for (const route of core.routes.entries()) actors[route.state]++;
  const statuses = pool.statuses();
  return {
    state: input.state,
    uptimeMs: input.uptimeMs,
    workers: statuses.map((status, slot) => {
      const w = pool.get(slot);
      return { slot, status, heapUsedBytes: w?.heapUsed ?? 0, actors: core.routes.countOn(slot), inFlight: w?.inFlight ?? 0, staleReplies: w?.staleReplies ?? 0 };
    }),
    actors,
    memory: {
      usedBytes: input.usedBytes,
      budgetBytes: input.budgetBytes,
      pressure: pressureLevel(input.usedBytes, input.budgetBytes),
      gate: { inFlightBytes: core.activations.inFlightBytes, waiting: core.activations.waiting },
    },
    mailboxes: core.mailboxDepths(),
    messages: core.counters.messages,
    messagesPerSecond: Math.round(input.messagesPerSecond),
    activations: core.counters.activations,
    evictions: core.counters.evictions,
    cleanEvictions: core.counters.cleanEvictions,
    restarts: pool.restarts,
    askRetries: core.counters.askRetries,
    corruptSnapshots: core.counters.corruptSnapshots,
    journalEntries: core.journal.totalEntries,
    askLatencyMs: { p50: core.askLatency.quantile(0.5), p99: core.askLatency.quantile(0.99), count: core.askLatency.count },
  };
}
