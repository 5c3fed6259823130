/**
 * The file format of a graph manifest: a fixed header, then the manifest as msgpack.
 *
 * ```
 * "TSGM" | format u32 LE | crc32 of the body u32 LE | body length u32 LE | body (msgpack)
 * ```
 *
 * Decoding never throws: a file that is cut short, from another format version or with a bad
 * checksum comes back as a reason, and the caller indexes the tree afresh.
 *
 * @module
 */

import { crc32 } from 'node:zlib';
import { Packr } from 'msgpackr';

/** The manifest format this code writes; older or newer files are discarded and rebuilt. */
export const kManifestFormat = 2;

const kMagic = 0x4d475354; // "TSGM" read as u32 LE
const kHeaderBytes = 16;
// Records off: the manifest is plain maps and arrays; typed arrays (filters) round-trip as such.
const packr = new Packr({ useRecords: false, moreTypes: true });

/** The result of {@link decodeManifest}. */
export type DecodedManifest<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly reason: string };

/**
 * Encodes a manifest.
 * @param value - plain data (maps, arrays, strings, numbers, typed arrays)
 * @returns the file's bytes
 */
export function encodeManifest(value: unknown): Buffer {
  const body = packr.pack(value);
  const out = Buffer.allocUnsafe(kHeaderBytes + body.length);
  out.writeUInt32LE(kMagic, 0);
  out.writeUInt32LE(kManifestFormat, 4);
  out.writeUInt32LE(crc32(body), 8);
  out.writeUInt32LE(body.length, 12);
  body.copy(out, kHeaderBytes);
  return out;
}

/**
 * Decodes a manifest file.
 * @param file - the file's bytes
 * @returns the value, or why it cannot be used
 */
export function decodeManifest<T>(file: Buffer): DecodedManifest<T> {
  if (file.length < kHeaderBytes || file.readUInt32LE(0) !== kMagic) return { ok: false, reason: 'not a manifest file' };
  const format = file.readUInt32LE(4);
  if (format !== kManifestFormat) return { ok: false, reason: `manifest format ${format}, this version reads ${kManifestFormat}` };
  const length = file.readUInt32LE(12);
  if (file.length !== kHeaderBytes + length) return { ok: false, reason: `manifest cut short: ${file.length - kHeaderBytes} of ${length} bytes` };
  const body = file.subarray(kHeaderBytes);
  if (crc32(body) !== file.readUInt32LE(8)) return { ok: false, reason: 'manifest checksum mismatch' };
  try {
    return { ok: true, value: packr.unpack(body) as T };
  } catch (err) {
    return { ok: false, reason: `manifest body unreadable: ${(err as Error).message}` };
  }
}
