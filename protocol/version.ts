/**
 * The wire protocol version. A worker announces it in its `ready` message and the supervisor
 * refuses a peer that speaks another one (`ERR_PROTO_VERSION_MISMATCH`). Bump it whenever a
 * message kind, a field or the frame layout changes in a way an older peer cannot read.
 */
export const PROTOCOL_VERSION = 2;
