/**
 * The two encodings of the daemon's socket, told apart by the first byte a client sends:
 * `{` (or whitespace) starts newline-delimited JSON; anything else starts a length-prefixed
 * msgpack frame. A msgpack frame cannot start with `{` (0x7b): its first byte is the top byte of
 * a length, and lengths of 0x7b000000 bytes and more are far over any frame limit.
 */
export type WireEncoding = 'msgpack' | 'json';

/**
 * Which encoding a connection speaks, from its first byte.
 * @param firstByte - the first byte the client sent
 * @returns the encoding
 */
export function sniffEncoding(firstByte: number): WireEncoding {
  // `{`, space, tab, LF, CR
  return firstByte === 0x7b || firstByte === 0x20 || firstByte === 0x09 || firstByte === 0x0a || firstByte === 0x0d ? 'json' : 'msgpack';
}
