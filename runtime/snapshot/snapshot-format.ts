/**
 * The bytes of one snapshot file: a fixed header, the actor's address, then the payload.
 *
 * ```
 * offset  size  field
 *      0     4  magic "TSNP"
 *      4     2  format version (uint16 LE), currently 2
 *      6     2  address length in bytes (uint16 LE)
 *      8     4  payload length in bytes (uint32 LE)
 *     12     4  CRC-32 of bytes 4..11, then address + payload (uint32 LE, zlib's)
 *     16     a  address, UTF-8
 *   16+a     p  payload
 * ```
 *
 * The address is stored so a file can never be served for another actor (a copied or renamed
 * file is caught) and so hashed file names can be listed.
 */
import { crc32 } from 'node:zlib';

/** "TSNP" read as a little-endian uint32. */
export const kSnapshotMagic = 0x504e5354;
// 2: persisted actors end with their bulk and its length (runtime/actor/persisted-format.ts);
// a version 1 file is reported corrupt and rebuilt, never misread.
export const kSnapshotFormatVersion = 2;
export const kSnapshotHeaderBytes = 16;
const kVersionOffset = 4;
const kAddressLengthOffset = 6;
const kPayloadLengthOffset = 8;
const kChecksumOffset = 12;
const kMaxAddressBytes = 0xffff;
const kMaxPayloadBytes = 0xffffffff;

/** A snapshot file decoded and verified, or why it is not valid. */
export type DecodedSnapshot = { readonly ok: true; readonly address: string; readonly payload: Buffer } | { readonly ok: false; readonly reason: string };

/**
 * Encodes a snapshot file.
 * @returns the header, the address and the payload as one buffer
 * @throws RangeError when the address is over 65,535 bytes or the payload over 4 GiB - 1
 */
export function encodeSnapshot(address: string, payload: Uint8Array): Buffer {
  return Buffer.concat(encodeSnapshotParts(address, [payload]));
}

/**
 * Encodes a snapshot file whose payload is given in parts, without copying them: the header
 * and the address as one new buffer, then the parts as given (written back to back, they are
 * the file {@link encodeSnapshot} makes of their concatenation).
 * @throws RangeError when the address is over 65,535 bytes or the payload over 4 GiB - 1
 */
export function encodeSnapshotParts(address: string, payload: readonly Uint8Array[]): Uint8Array[] {
  const addressBytes = Buffer.from(address, 'utf8');
  if (addressBytes.length > kMaxAddressBytes) {
    throw new RangeError(`Cannot snapshot actor: address must be at most ${kMaxAddressBytes} bytes of UTF-8: current length is ${addressBytes.length}`);
  }
  const payloadLength = payload.reduce((n, p) => n + p.length, 0);
  if (payloadLength > kMaxPayloadBytes) {
    throw new RangeError(`Cannot snapshot actor "${address}": payload must be at most ${kMaxPayloadBytes} bytes: current length is ${payloadLength}`);
  }
  const head = Buffer.allocUnsafe(kSnapshotHeaderBytes + addressBytes.length);
  head.writeUInt32LE(kSnapshotMagic, 0);
  head.writeUInt16LE(kSnapshotFormatVersion, kVersionOffset);
  head.writeUInt16LE(addressBytes.length, kAddressLengthOffset);
  head.writeUInt32LE(payloadLength, kPayloadLengthOffset);
  addressBytes.copy(head, kSnapshotHeaderBytes);
  let crc = crc32(head.subarray(kSnapshotHeaderBytes), crc32(head.subarray(kVersionOffset, kChecksumOffset)));
  for (const part of payload) crc = crc32(part, crc);
  head.writeUInt32LE(crc, kChecksumOffset);
  return [head, ...payload];
}

/**
 * Decodes and verifies a whole snapshot file: magic, version, lengths against the file size, and
 * the checksum. The payload is a view into `file`, not a copy.
 */
export function decodeSnapshot(file: Buffer): DecodedSnapshot {
  const header = decodeSnapshotHeader(file);
  if (!header.ok) return header;
  const expected = kSnapshotHeaderBytes + header.addressLength + header.payloadLength;
  if (file.length !== expected) {
    return fail(`file is ${file.length} bytes, its header announces ${expected} (truncated or padded)`);
  }
  const actual = checksumOf(file);
  if (actual !== header.checksum) {
    return fail(`checksum mismatch: header says ${hex(header.checksum)}, contents hash to ${hex(actual)}`);
  }
  const body = file.subarray(kSnapshotHeaderBytes);
  const address = body.toString('utf8', 0, header.addressLength);
  return { ok: true, address, payload: body.subarray(header.addressLength) };
}

/** The fixed header's fields, or why they are not valid. */
export type DecodedHeader =
  | { readonly ok: true; readonly addressLength: number; readonly payloadLength: number; readonly checksum: number }
  | { readonly ok: false; readonly reason: string };

/**
 * Decodes the fixed header from the first {@link kSnapshotHeaderBytes} bytes of a file (more
 * bytes are ignored), checking the magic and the version only.
 */
export function decodeSnapshotHeader(head: Buffer): DecodedHeader {
  if (head.length < kSnapshotHeaderBytes) return fail(`file is ${head.length} bytes, shorter than the ${kSnapshotHeaderBytes}-byte header`);
  const magic = head.readUInt32LE(0);
  if (magic !== kSnapshotMagic) return fail(`bad magic ${hex(magic)}, expected ${hex(kSnapshotMagic)} ("TSNP")`);
  const version = head.readUInt16LE(kVersionOffset);
  if (version !== kSnapshotFormatVersion) return fail(`format version ${version} is not supported, expected ${kSnapshotFormatVersion}`);
  return {
    ok: true,
    addressLength: head.readUInt16LE(kAddressLengthOffset),
    payloadLength: head.readUInt32LE(kPayloadLengthOffset),
    checksum: head.readUInt32LE(kChecksumOffset),
  };
}

/** CRC-32 of the version and length fields, continued over the address and payload. */
function checksumOf(file: Buffer): number {
  return crc32(file.subarray(kSnapshotHeaderBytes), crc32(file.subarray(kVersionOffset, kChecksumOffset)));
}

function fail(reason: string): { ok: false; reason: string } {
  return { ok: false, reason };
}

function hex(n: number): string {
  return `0x${n.toString(16).padStart(8, '0')}`;
}
