import { isTesseraError, tesseraError } from '../errors/index.js';
import { findNonPlainData, isPlainData, type PlainData } from '../messages/index.js';
import { errorMessage, packChecked, unpackFrame } from './msgpack.js';

/**
 * Encodes one plain value (not a message) as msgpack, e.g. an actor's persisted state.
 * The bytes may share an ArrayBuffer with other frames: copy them, never transfer `.buffer`.
 * @param value - plain data (see `isPlainData`)
 * @returns the msgpack bytes
 * @throws {TesseraError} ERR_PROTO_NOT_PLAIN_DATA naming the offending path, or
 *   ERR_PROTO_ENCODE_FAILED when msgpackr refuses the value or reading it throws
 * @example
 * const bytes = encodeValue({ count: 3, names: ['a'] });
 */
export function encodeValue(value: unknown): Uint8Array {
  try {
    if (!isPlainData(value)) throw notPlain(value);
    return packChecked(value);
  } catch (err) {
    if (isTesseraError(err)) throw err;
    throw tesseraError('ERR_PROTO_ENCODE_FAILED', { kind: '(plain value)', reason: errorMessage(err) });
  }
}

/**
 * Decodes bytes written by {@link encodeValue} (or any msgpack encoder).
 * @param bytes - exactly one msgpack value; never modified, and never aliased by the result
 * @returns the value
 * @throws {TesseraError} ERR_PROTO_MALFORMED_FRAME, ERR_PROTO_TRUNCATED_FRAME,
 *   ERR_PROTO_TRAILING_BYTES, or ERR_PROTO_NOT_PLAIN_DATA for msgpackr extension types
 *   (dates, sets, undefined, ...)
 */
export function decodeValue(bytes: Uint8Array): PlainData {
  const value = unpackFrame(bytes);
  if (!isPlainData(value)) throw notPlain(value);
  return value;
}

function notPlain(value: unknown): Error {
  const bad = findNonPlainData(value, 'value') ?? { path: 'value', got: 'a value that is not plain data' };
  return tesseraError('ERR_PROTO_NOT_PLAIN_DATA', bad);
}
