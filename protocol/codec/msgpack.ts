import { Packr, RESET_BUFFER_MODE, REUSE_BUFFER_MODE, Unpackr, type Options } from 'msgpackr';
import { tesseraError, type TesseraError } from '../errors/index.js';

// Plain msgpack maps (useRecords: false) so that clients in other languages can read frames;
// variableMapSize writes the smallest map header, and lifts the 65535-key limit of msgpackr's
// default 16-bit map headers.
const plainPackrOptions = { useRecords: false, variableMapSize: true } as const;

// copyBuffers: decoded binary must not alias the frame, whose memory the ring reuses.
// structuredClone: false turns msgpackr's reference extensions (0x69/0x70, which can build
// cycles) into errors. int64AsType 'auto' decodes 64-bit integers (as other languages' encoders
// write ids) to numbers when they fit in 2^53 and to bigint otherwise; msgpackr's typings lack it.
const unpackrOptions = {
  mapsAsObjects: true,
  copyBuffers: true,
  structuredClone: false,
  int64AsType: 'auto',
} as const;

// Records for objects of up to this many keys: an object used as a dictionary (keys that vary
// from one value to the next) would otherwise take a new record definition every time.
const kMaxRecordKeys = 32;
function useRecordFor(object: object): boolean {
  let keys = 0;
  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- counting keys without allocating an array
  for (const _key in object) if (++keys > kMaxRecordKeys) return false;
  return true;
}

const kShrinkAfterBytes = 64 * 1024;
const kChunkBytes = 8192;
const kTransientMode = REUSE_BUFFER_MODE | RESET_BUFFER_MODE;

/**
 * Packs a value that has already been checked to be plain data.
 * @param packr - the Packr to use: one per thread (or per stream), reused for every frame (a
 *   fresh Packr per message is about 1.7x slower)
 * @param value - plain data (see `isPlainData`)
 * @returns the msgpack bytes: on Node a Buffer viewing a chunk that msgpackr shares between
 *   frames but never writes again, so the bytes stay valid; copy them, never transfer `.buffer`
 * @throws whatever msgpackr throws; callers turn it into a coded error
 */
export function packCheckedWith(packr: Packr, value: unknown): Uint8Array {
  // Not rewrapped as a plain Uint8Array: one more typed-array view costs ~80 ns, a third of
  // the encode, and decode normalises Buffers itself.
  const bytes = packr.pack(value);
  // msgpackr grows its shared buffer to 4x the largest value and then allocates every new
  // chunk at that size, forever: after a 1 MB snapshot a thread would hold 4 MB+ per chunk.
  // Hand it a small buffer again; the returned bytes keep the big one alive only while used.
  if (bytes.length > kShrinkAfterBytes) packr.useBuffer(Buffer.allocUnsafeSlow(kChunkBytes));
  return bytes;
}

/**
 * Packs a checked value into the Packr's working buffer and rewinds it: the bytes are valid
 * only until the next pack with that Packr. For a sender that copies them at once (into a
 * ring): no new buffer chunk is ever allocated for small frames.
 * @returns a view of the working buffer
 */
export function packTransientWith(packr: Packr, value: unknown): Uint8Array {
  const target = packr.pack(value, kTransientMode) as unknown as Uint8Array & { start: number; end: number };
  const bytes = target.subarray(target.start, target.end);
  if (bytes.length > kShrinkAfterBytes) packr.useBuffer(Buffer.allocUnsafeSlow(kChunkBytes));
  return bytes;
}

/**
 * Unpacks exactly one msgpack value in `buffer[start..end)` with `unpackr`, leaving binary
 * fields as views into `buffer` if the Unpackr does not copy them.
 * @throws {TesseraError} as {@link unpackFrame}
 */
export function unpackOwnedWith(unpackr: Unpackr, buffer: Uint8Array, start: number, end: number): unknown {
  if (end <= start) throw tesseraError('ERR_PROTO_TRUNCATED_FRAME', { reason: 'the frame is empty' });
  const source = privateView(buffer);
  try {
    return unpackr.unpack(source, { start, end });
  } catch (err) {
    throw classifyUnpackError(err, source.subarray(start, end));
  }
}

// One plain Packr and two plain Unpackrs per thread, shared by every stateless encode and decode.
const plainPackr = new Packr(plainPackrOptions);
const plainUnpackr = new Unpackr({ ...unpackrOptions, useRecords: false } as unknown as Options);
// For frames whose memory is never reused (the ring reader's slabs): binary fields stay views.
const plainUnpackrOwned = new Unpackr({ ...unpackrOptions, useRecords: false, copyBuffers: false } as unknown as Options);

/** {@link packCheckedWith} plain maps, readable by any msgpack decoder. */
export const packChecked = (value: unknown): Uint8Array => packCheckedWith(plainPackr, value);
/** {@link packTransientWith} plain maps. */
export const packTransient = (value: unknown): Uint8Array => packTransientWith(plainPackr, value);
/**
 * Unpacks exactly one stateless msgpack value in `buffer[start..end)`, leaving binary fields as
 * views into `buffer`: only for memory that is never written again (the ring reader's slabs).
 * @throws {TesseraError} as {@link unpackFrame}
 */
export const unpackOwned = (buffer: Uint8Array, start: number, end: number): unknown =>
  unpackOwnedWith(plainUnpackrOwned, buffer, start, end);

/**
 * Unpacks exactly one msgpack value that fills `bytes`.
 * @param bytes - the frame; the result never aliases it (msgpackr may cache a `dataView` on it)
 * @param length - how many bytes of `bytes` the frame fills (default: all)
 * @returns the value, not yet checked to be plain data
 * @throws {TesseraError} ERR_PROTO_MALFORMED_FRAME, ERR_PROTO_TRUNCATED_FRAME or ERR_PROTO_TRAILING_BYTES
 * @throws {TypeError} when `bytes` is not a Uint8Array
 */
export function unpackFrame(bytes: Uint8Array, length = bytes?.length): unknown {
  if (!(bytes instanceof Uint8Array)) {
    throw new TypeError(`Cannot decode a frame: expected a Uint8Array: current value is a ${typeof bytes}`);
  }
  if (!Number.isInteger(length) || length < 0 || length > bytes.length) {
    throw new RangeError(`Cannot decode a frame: length must be an integer from 0 to ${bytes.length}: current value is ${length}`);
  }
  const source = privateView(bytes);
  try {
    // The numeric end form keeps msgpackr's cached DataView on a reused buffer (a subarray per
    // frame would build a new one every time).
    return plainUnpackr.unpack(source, length);
  } catch (err) {
    throw classifyUnpackError(err, length === source.length ? source : source.subarray(0, length));
  }
}

/**
 * A Packr for one ordered, lossless stream (one direction of a ring channel): msgpackr's
 * sequential records, so an object's keys travel once per stream and later objects of the same
 * shape carry only a record id (decoding is ~3x faster than plain maps). Its frames decode only
 * with the {@link streamUnpackr} of the same stream, in order, each exactly once.
 */
export function streamPackr(): Packr {
  return new Packr({ sequential: true, useRecords: useRecordFor, variableMapSize: true });
}

/**
 * The decoding end of a {@link streamPackr}'s stream: it learns record definitions as frames
 * arrive. Binary fields stay views of the source (for ring slabs, never written again).
 */
export function streamUnpackr(): Unpackr {
  // msgpackr keeps the learned records on the options object: a fresh one per Unpackr.
  return new Unpackr({ ...unpackrOptions, sequential: true, copyBuffers: false } as unknown as Options);
}

const kTrailingMessage = 'Data read, but end of buffer not reached';
const kMaxReason = 200;

// Decoded binary takes the class of the source (msgpackr copies with the species-aware
// Uint8Array.prototype.slice), so a Buffer source would give Buffer fields: such sources get a
// plain view first. A plain Uint8Array is used as it is, because a new view costs ~80 ns; msgpackr
// then caches a DataView on it as a `dataView` property. Shared memory is copied: msgpackr's
// native string extractor refuses it and falls back on every message, ~25x slower
// (transport-notes pitfall 2).
function privateView(bytes: Uint8Array): Uint8Array {
  const buffer = bytes.buffer;
  if (buffer instanceof SharedArrayBuffer) return new Uint8Array(bytes);
  if (bytes.constructor === Uint8Array) return bytes;
  return new Uint8Array(buffer, bytes.byteOffset, bytes.byteLength);
}

function classifyUnpackError(err: unknown, source: Uint8Array): TesseraError {
  const message = errorMessage(err);
  if (err instanceof RangeError && message.includes('call stack')) {
    return tesseraError('ERR_PROTO_MALFORMED_FRAME', { reason: 'values are nested too deeply to decode' });
  }
  if (typeof err === 'object' && err !== null && (err as { incomplete?: unknown }).incomplete === true) {
    return tesseraError('ERR_PROTO_TRUNCATED_FRAME', { reason: truncationReason(err, source.length) });
  }
  if (message.startsWith(kTrailingMessage)) {
    return tesseraError('ERR_PROTO_TRAILING_BYTES', { consumed: firstValueEnd(source), length: source.length });
  }
  return tesseraError('ERR_PROTO_MALFORMED_FRAME', { reason: message.slice(0, kMaxReason) });
}

function truncationReason(err: object, length: number): string {
  if (length === 0) return 'the frame is empty';
  const missing = (err as { missingBytes?: unknown }).missingBytes;
  const more = typeof missing === 'number' ? `; at least ${missing} more bytes are needed` : '';
  return `the ${length}-byte frame ends inside a value${more}`;
}

// Only on the error path: decode again in msgpackr's sequential mode, which stops after the
// first value and reports where it ended, because the trailing-bytes error does not say.
function firstValueEnd(source: Uint8Array): number {
  let end = 0;
  try {
    plainUnpackr.unpackMultiple(source, (_value: unknown, _start?: number, stop?: number) => {
      end = stop ?? 0;
      return false;
    });
  } catch {
    // The first value decoded a moment ago; if it fails now, 0 still reports trailing bytes.
  }
  return end;
}

/**
 * The message of anything thrown, never calling user code beyond reading `message`.
 * @param err - a thrown value
 * @returns a one-line reason
 */
export function errorMessage(err: unknown): string {
  if (err instanceof Error) return err.message;
  return typeof err === 'string' ? err : `a thrown ${typeof err}`;
}
