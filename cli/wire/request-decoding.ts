import {
  clientToDaemon,
  daemonCodec,
  decodeValue,
  tesseraError,
  toWireError,
  type ClientToDaemon,
  type WireError,
} from '../../protocol/index.js';

/** A decoded request, or why it could not be decoded and the `id` to answer (0 when unknown). */
export type DecodedRequest = { readonly ok: true; readonly request: ClientToDaemon } | { readonly ok: false; readonly id: number; readonly error: WireError };

// Frames are decoded from a copy in one reused plain Uint8Array, on which msgpackr keeps its
// DataView: decoding each frame's own view cost a new view and a new DataView per request.
const kScratchBytes = 16 * 1024;
const scratch = new Uint8Array(kScratchBytes);

/**
 * Decodes one msgpack frame from a client. Never throws: bad bytes, an unknown kind or a bad
 * field come back as a coded error, with the request's `id` when the frame was readable enough
 * to hold one, so the client can match the error to its request.
 * @param frame - one frame's payload
 */
export function decodeFrameRequest(frame: Uint8Array): DecodedRequest {
  if (frame.length <= kScratchBytes) {
    scratch.set(frame);
    try {
      return { ok: true, request: daemonCodec.decode(scratch, frame.length) };
    } catch {
      // Decoded again from the frame itself below, so that errors are exactly the frame's.
    }
  }
  try {
    return { ok: true, request: daemonCodec.decode(frame) };
  } catch (err) {
    return { ok: false, id: idIn(() => decodeValue(frame)), error: toWireError(err, false) };
  }
}

/**
 * Decodes one JSON line from a client; see {@link decodeFrameRequest}.
 * @param line - one line, without its newline
 */
export function decodeLineRequest(line: string): DecodedRequest {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (err) {
    return { ok: false, id: 0, error: toWireError(tesseraError('ERR_DAEMON_BAD_JSON', { reason: (err as Error).message }), false) };
  }
  try {
    return { ok: true, request: clientToDaemon.validate(value) };
  } catch (err) {
    return { ok: false, id: idIn(() => value), error: toWireError(err, false) };
  }
}

function idIn(read: () => unknown): number {
  try {
    const id = (read() as { id?: unknown } | null)?.id;
    return typeof id === 'number' && Number.isSafeInteger(id) && id >= 0 ? id : 0;
  } catch {
    return 0; // not even readable as a value: the error already says why
  }
}
