/**
 * The byte form of definition rows, shared by the def table (index/def-table.ts, which writes
 * them straight from a segment's columns) and the table of widely defined names
 * (../wide-defs.ts, which writes them from hits):
 *
 * ```
 * u32 line | u32 column | u32 endLine | kind | path | enclosing | signature
 * ```
 *
 * each string a u32 byte length and its UTF-8; `enclosing` has length 0xffffffff for none.
 *
 * @module
 */

import type { GrowableBytes } from './growable-bytes.js';
import type { DefHit } from './query-types.js';
import { utf8Decode } from './utf8.js';

/** Length of a string that is absent (`enclosing` at top level). */
export const kNoString = 0xffffffff;

const encoder = new TextEncoder();

/** Appends one hit as a row (its name is not written: the caller keys rows by name). */
export function writeDefRow(out: GrowableBytes, hit: DefHit): void {
  out.u32(hit.line);
  out.u32(hit.column);
  out.u32(hit.endLine);
  for (const s of [hit.kind, hit.path, hit.enclosing, hit.signature]) {
    if (s === null) {
      out.u32(kNoString);
      continue;
    }
    const bytes = encoder.encode(s);
    out.u32(bytes.length);
    out.append(bytes);
  }
}

/**
 * Decodes `count` rows starting at `at`, each a hit named `name`.
 * @throws RangeError when the rows run past the bytes
 */
export function readDefRows(bytes: Uint8Array, view: DataView, at: number, count: number, name: string): DefHit[] {
  const hits: DefHit[] = [];
  let p = at;
  const str = (): string | null => {
    const n = view.getUint32(p, true);
    p += 4;
    if (n === kNoString) return null;
    p += n;
    if (p > bytes.length) throw new RangeError(`Cannot read a definition row: a string runs ${p - bytes.length} bytes past the end`);
    return utf8Decode(bytes, p - n, p); // as the index decodes its strings
  };
  for (let r = 0; r < count; r++) {
    const line = view.getUint32(p, true);
    const column = view.getUint32(p + 4, true);
    const endLine = view.getUint32(p + 8, true);
    p += 12;
    const kind = str() ?? '';
    const path = str() ?? '';
    const enclosing = str();
    const signature = str() ?? '';
    hits.push({ name, kind, path, line, column, endLine, enclosing, signature });
  }
  return hits;
}
