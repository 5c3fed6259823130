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
  ERR_ACTOR_KIND_UNKNOWN: (d: { kind: string; known: string }) =>
    `No actor kind "${d.kind}" is registered with this runtime: known kinds are ${d.known || '(none)'}`,
  ERR_ACTOR_NOT_ACTIVE: (d: { actor: string }) => `Actor "${d.actor}" is not active on this worker`,
  ERR_ACTOR_FAILED: (d: { actor: string; reason: string }) => `Actor "${d.actor}" failed: ${d.reason}`,
  ERR_ACTOR_BAD_ADDRESS: (d: { actor: string }) => `Actor address "${d.actor}" is not of the form "kind/key"`,
  ERR_WORKER_CRASHED: (d: { worker: number; reason: string }) =>
    `Worker ${d.worker} stopped before answering: ${d.reason}; the request was not applied`,
  ERR_WORKER_START_FAILED: (d: { worker: number; reason: string }) => `Worker ${d.worker} failed to start: ${d.reason}`,
  ERR_ASK_TIMEOUT: (d: { actor: string; timeoutMs: number }) =>
    `Actor "${d.actor}" did not answer within ${d.timeoutMs} ms; the message may still be applied`,
  ERR_MAILBOX_FULL: (d: { actor: string; limit: number }) =>
    `Mailbox of actor "${d.actor}" holds ${d.limit} messages waiting for activation: slow down or raise mailboxLimit`,
  ERR_SUPERVISOR_STOPPED: (d: { state: string }) => `The supervisor is ${d.state}: it takes no more messages`,
} as const;
