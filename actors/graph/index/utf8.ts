/**
 * UTF-8 helpers shared by the index's byte buffers: encoding into a reusable scratch buffer
 * (no allocation per string on hot paths) and decoding short ranges quickly.
 *
 * @module
 */

const encoder = new TextEncoder();
/** Keeps a leading BOM in the text, so decoded content equals what was indexed. */
const decoder = new TextDecoder('utf-8', { ignoreBOM: true });

let scratch = new Uint8Array(256);

/**
 * Encodes a string as UTF-8.
 *
 * @param text The string to encode.
 * @returns A new byte array.
 */
export function utf8Encode(text: string): Uint8Array {
  return encoder.encode(text);
}

/**
 * Encodes a string into a shared scratch buffer, which the next call overwrites.
 *
 * @param text The string to encode.
 * @returns A view of the scratch buffer holding exactly the encoded bytes.
 */
export function utf8EncodeScratch(text: string): Uint8Array {
  const need = text.length * 3;
  if (need > scratch.length) scratch = new Uint8Array(Math.max(need, scratch.length * 2));
  const { written } = encoder.encodeInto(text, scratch);
  return scratch.subarray(0, written);
}

/**
 * Encodes a string into a buffer that has exactly its UTF-8 length.
 *
 * @param text A well-formed string.
 * @param out `Buffer.byteLength(text)` bytes.
 */
export function encodeInto(text: string, out: Uint8Array): void {
  encoder.encodeInto(text, out);
}

/**
 * Decodes `bytes[start, end)` as UTF-8.
 *
 * @param bytes The buffer.
 * @param start First byte.
 * @param end One past the last byte.
 * @returns The decoded string.
 */
export function utf8Decode(bytes: Uint8Array, start: number, end: number): string {
  // Names and paths are short and mostly ASCII: building them directly beats TextDecoder's
  // per-call overhead by several times.
  if (end - start <= 32) {
    let s = '';
    for (let i = start; i < end; i++) {
      const b = bytes[i]!;
      if (b >= 0x80) return decoder.decode(bytes.subarray(start, end));
      s += String.fromCharCode(b);
    }
    return s;
  }
  return decoder.decode(bytes.subarray(start, end));
}

/**
 * The UTF-8 length of a string without encoding it.
 *
 * @param text A well-formed string.
 * @returns Its length in UTF-8 bytes.
 */
export function utf8Length(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}
