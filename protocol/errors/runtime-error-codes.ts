/**
 * Error codes of the actor runtime: the supervisor (placement, restart intensity) and the
 * snapshot store. Each entry renders a message from its details; the details travel with the
 * error. Every code is documented in docs/errors.md.
 */
export const runtimeErrorTemplates = {
  ERR_SUPERVISOR_NO_WORKER: (d: { kind: string; key: string; workers: number; ready: number }) =>
    `Cannot place actor "${d.kind}/${d.key}": no worker is ready (${d.ready} of ${d.workers} workers ready)`,
  ERR_SUPERVISOR_RESTART_INTENSITY: (d: {
    scope: 'slot' | 'overall';
    slot: number;
    restarts: number;
    maxRestarts: number;
    windowMs: number;
  }) =>
    d.scope === 'slot'
      ? `Worker slot ${d.slot} already restarted ${d.restarts} times within ${d.windowMs} ms (limit ${d.maxRestarts}): giving up on it`
      : `Workers already restarted ${d.restarts} times within ${d.windowMs} ms across all slots (limit ${d.maxRestarts}): giving up after slot ${d.slot} failed`,
  ERR_SNAPSHOT_CORRUPT: (d: { address: string; path: string; reason: string }) =>
    `Snapshot of actor "${d.address}" at "${d.path}" is corrupt: ${d.reason}`,
  ERR_SNAPSHOT_IO: (d: { op: string; path: string; reason: string }) =>
    `Snapshot store cannot ${d.op} "${d.path}": ${d.reason}`,
} as const;
