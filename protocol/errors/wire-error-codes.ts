/**
 * Error codes of the wire layer: rings, frames, the codec and the handshake.
 * Each entry renders a message from its details; the details travel with the error.
 */
export const wireErrorTemplates = {
  ERR_INTERNAL: (d: { reason: string }) => `Internal error: ${d.reason}`,
  ERR_RING_BACKPRESSURE_TIMEOUT: (d: { ring: string; waitedMs: number; bytes: number }) =>
    `Ring "${d.ring}" stayed full for ${d.waitedMs} ms while ${d.bytes} bytes waited to be written: the consumer is not draining`,
  ERR_RING_CLOSED: (d: { ring: string }) => `Ring "${d.ring}" is closed: no more frames can be written or read`,
  ERR_RING_MESSAGE_TOO_LARGE: (d: { ring: string; bytes: number; limit: number }) =>
    `Message of ${d.bytes} bytes on ring "${d.ring}" exceeds the limit of ${d.limit} bytes`,
  ERR_RING_CORRUPT_FRAME: (d: { ring: string; reason: string }) =>
    `Ring "${d.ring}" holds a corrupt frame header: ${d.reason}`,
  ERR_PROTO_MALFORMED_FRAME: (d: { reason: string }) => `Frame is not valid msgpack: ${d.reason}`,
  ERR_PROTO_TRUNCATED_FRAME: (d: { reason: string }) => `Frame ends before its msgpack value is complete: ${d.reason}`,
  ERR_PROTO_TRAILING_BYTES: (d: { consumed: number; length: number }) =>
    `Frame has trailing bytes: the message ends at byte ${d.consumed} of ${d.length}`,
  ERR_PROTO_NOT_A_MESSAGE: (d: { got: string }) => `Frame does not hold a message object with a string "k" field: got ${d.got}`,
  ERR_PROTO_UNKNOWN_KIND: (d: { direction: string; kind: string }) =>
    `Unknown message kind "${d.kind}" for direction ${d.direction}`,
  ERR_PROTO_BAD_FIELD: (d: { kind: string; field: string; expected: string; got: string }) =>
    `Message "${d.kind}" has a bad field "${d.field}": expected ${d.expected}, got ${d.got}`,
  ERR_PROTO_ENCODE_FAILED: (d: { kind: string; reason: string }) => `Cannot encode message "${d.kind}": ${d.reason}`,
  ERR_PROTO_NOT_PLAIN_DATA: (d: { path: string; got: string }) =>
    `Value at ${d.path} is not plain msgpack data (null, boolean, number, bigint, string, Uint8Array, array, plain object): got ${d.got}`,
  ERR_PROTO_VERSION_MISMATCH: (d: { expected: number; got: number }) =>
    `Peer speaks protocol version ${d.got}, this side speaks ${d.expected}: rebuild both sides from the same release`,
  ERR_PROTO_HANDSHAKE_TIMEOUT: (d: { peer: string; waitedMs: number }) =>
    `Peer "${d.peer}" sent no READY within ${d.waitedMs} ms`,
} as const;
