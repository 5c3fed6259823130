/**
 * What a parsed file costs the heap that holds it until its upsert is applied: the unit of the
 * indexer's flow control (`pendingBytes`, `upsertBytes`), so it must not undercount. Its text
 * counts once (a one-byte string), each tag an object plus its strings.
 *
 * The constants are measured (2026-11-25, Node 20, Linux 6.1 sources, heap after a full
 * collection, tags structured-cloned as they come from the parse pool): a definition costs
 * about 160 bytes beside its strings, a reference about 80. A flat 64 bytes per tag, the earlier
 * estimate, was 2x low on C sources (126–152 bytes per tag) and 4.4x low on the amdgpu register
 * headers (282 bytes per definition, each `#define` line its own signature string), which let
 * 48 MiB of "pending" files hold ~200 MB of heap and raised the whole kernel's peak RSS by
 * ~400 MB for a few seconds (the scale bench, issue 8).
 *
 * @module
 */

import type { FileTags } from './index/index.js';

/** Heap bytes of one definition tag beside its strings (object, fields, string headers). */
export const kDefTagBytes = 176;

/** Heap bytes of one reference tag beside its name. */
export const kRefTagBytes = 96;

/**
 * @param file - a parsed file as the indexer buffers it
 * @returns estimated heap bytes it holds: text, tags and their strings
 */
export function heldBytes(file: FileTags): number {
  let bytes = file.content.length + kDefTagBytes * file.defs.length + kRefTagBytes * file.refs.length;
  for (const d of file.defs) bytes += d.name.length + d.signature.length + (d.enclosing?.length ?? 0);
  for (const r of file.refs) bytes += r.name.length;
  return bytes;
}
