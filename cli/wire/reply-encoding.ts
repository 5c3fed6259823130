import { daemonCodec, daemonToClient, toWireError, type DaemonToClient } from '../../protocol/index.js';
import { frameBytes } from './frame-splitter.js';
import { toJsonLine } from './json-line.js';
import type { WireEncoding } from './wire-encoding.js';

/**
 * Encodes a message for a client in its encoding. A reply that cannot be encoded (a service
 * returned something that is not plain data) is replaced by an `error` reply saying why, so a
 * request is always answered.
 * @param encoding - the connection's encoding
 * @param message - the message
 * @returns a length-prefixed frame, or a JSON line
 */
export function encodeForClient(encoding: WireEncoding, message: DaemonToClient): Buffer | string {
  try {
    return encodeAs(encoding, message);
  } catch (err) {
    if (!('id' in message)) throw err; // an event: the publisher hears about it
    return encodeAs(encoding, { k: 'error', id: message.id, error: toWireError(err, false) });
  }
}

function encodeAs(encoding: WireEncoding, message: DaemonToClient): Buffer | string {
  if (encoding === 'msgpack') return frameBytes(daemonCodec.encodeTransient(message));
  return toJsonLine(daemonToClient.validate(message));
}
