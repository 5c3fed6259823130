/**
 * Error codes of the daemon, its socket protocol, the client library and the `tessera` CLI.
 * Each entry renders a message from its details; the details travel with the error (clients
 * receive them in `error` replies). Every code is documented under "Daemon" in docs/errors.md.
 */
export const daemonErrorTemplates = {
  ERR_DAEMON_NOT_RUNNING: (d: { socket: string; reason: string }) =>
    `No daemon answers on "${d.socket}": ${d.reason}`,
  ERR_DAEMON_ALREADY_RUNNING: (d: { root: string; socket: string; pid: number; started: string }) =>
    `A daemon is already running for "${d.root}": pid ${d.pid}, started ${d.started}, socket "${d.socket}"`,
  ERR_DAEMON_SOCKET_DIR: (d: { dir: string; reason: string }) => `Cannot use "${d.dir}" for daemon sockets: ${d.reason}`,
  ERR_DAEMON_FRAME_TOO_LARGE: (d: { bytes: number; limit: number; encoding: string }) =>
    `A ${d.encoding} request of ${d.bytes} bytes exceeds the limit of ${d.limit} bytes: the connection is closed`,
  ERR_DAEMON_BAD_JSON: (d: { reason: string }) => `A request line is not valid JSON: ${d.reason}`,
  ERR_DAEMON_TOO_MANY_REQUESTS: (d: { limit: number }) =>
    `This connection already has ${d.limit} requests in flight: wait for answers before sending more`,
  ERR_DAEMON_UNKNOWN_OP: (d: { op: string; known: string }) => `Unknown query operation "${d.op}": expected one of ${d.known}`,
  ERR_DAEMON_BAD_ARGS: (d: { op: string; field: string; expected: string; got: string }) =>
    `Query "${d.op}" has a bad argument "${d.field}": expected ${d.expected}, got ${d.got}`,
  ERR_DAEMON_UNKNOWN_TOPIC: (d: { topic: string; known: string }) => `Unknown event topic "${d.topic}": expected one of ${d.known}`,
  ERR_DAEMON_NOT_READY: (d: { phase: string; done: number; total: number }) =>
    `The daemon is still building its first index (${d.phase}: ${d.done} of ${d.total}): queries are answered once it is ready`,
  ERR_DAEMON_STOPPING: (d: { kind: string }) => `The daemon is shutting down: request "${d.kind}" was not run`,
  ERR_DAEMON_INDEX_FAILED: (d: { root: string; reason: string }) => `Cannot index "${d.root}": ${d.reason}`,
  ERR_DAEMON_START_FAILED: (d: { root: string; reason: string; log: string }) =>
    `The daemon for "${d.root}" did not start: ${d.reason} (log: "${d.log}")`,
  ERR_DAEMON_REQUEST_TIMEOUT: (d: { kind: string; timeoutMs: number }) =>
    `The daemon did not answer "${d.kind}" within ${d.timeoutMs} ms`,
  ERR_DAEMON_CONNECTION_CLOSED: (d: { reason: string; pending: number }) =>
    `The connection to the daemon closed with ${d.pending} requests unanswered: ${d.reason}`,
  ERR_CLI_USAGE: (d: { command: string; reason: string }) => `${d.reason}: see "tessera ${d.command} --help"`,
} as const;
