import { isTesseraError, tesseraError } from '../errors/index.js';
import type { Direction, MessageSchemas, MessagesOf } from '../messages/index.js';
import { errorMessage } from './msgpack.js';

/**
 * Validates `message` against `direction`, then packs it with `pack`: what every encoder of
 * messages does, whatever msgpackr instance it packs with.
 * @throws {TesseraError} the validation's coded error, or ERR_PROTO_ENCODE_FAILED when `pack`
 *   throws (msgpackr refused the message, or a getter or proxy in it threw while it was read)
 */
export function encodeChecked<S extends MessageSchemas>(direction: Direction<S>, message: MessagesOf<S>, pack: (message: MessagesOf<S>) => Uint8Array): Uint8Array {
  try {
    direction.validate(message);
    return pack(message);
  } catch (err) {
    if (isTesseraError(err)) throw err;
    throw tesseraError('ERR_PROTO_ENCODE_FAILED', { kind: kindOf(message), reason: errorMessage(err) });
  }
}

/** The message's `k`, for error details, never calling user code beyond reading it. */
function kindOf(message: unknown): string {
  try {
    const kind = (message as { k?: unknown }).k;
    return typeof kind === 'string' ? kind : '(no kind)';
  } catch {
    return '(no kind)'; // a proxy that throws on every read: the reason says why already
  }
}
