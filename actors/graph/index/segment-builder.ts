/**
 * Builds one immutable segment (see segment-data.ts) from a batch of files. Files are ordered by
 * path, so file ids, definition rows and every per-name list come out in path order; symbol
 * names are interned first, in symbol-table order, so a symbol's string id is its position in
 * the table.
 *
 * @module
 */

import type { FileTags } from './file-tags.js';
import type { ImportResolver } from './import-resolver.js';
import { buildDefColumns, buildRefColumns } from './tag-columns.js';
import { buildImportColumns } from './import-columns.js';
import { StringInterner } from './string-interner.js';
import { sortSymbols } from './symbol-order.js';
import { buildTrigramIndex } from './trigram-index.js';
import { chunkContents } from './content-chunks.js';
import { CHUNK_BYTES, type SegmentData } from './segment-data.js';
import { encodeInto } from './utf8.js';

/**
 * Builds a segment.
 *
 * @param batch The files, in any order.
 * @param resolver Lists the candidates an import is filed under.
 * @param chunkBytes Target size of search chunks.
 * @returns The segment's columns, all live.
 * @throws {RangeError} When two files share a path.
 */
export function buildSegment(batch: readonly FileTags[], resolver: ImportResolver, chunkBytes = CHUNK_BYTES): SegmentData {
  const files = [...batch].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  for (let f = 1; f < files.length; f++) {
    if (files[f]!.path === files[f - 1]!.path) throw new RangeError(`Cannot index files: duplicate path "${files[f]!.path}"`);
  }
  const symbols = new Set<string>();
  for (const file of files) {
    for (const d of file.defs) symbols.add(d.name);
    for (const r of file.refs) symbols.add(r.name);
  }
  const strings = new StringInterner(symbols.size + files.length * 4);
  for (const name of sortSymbols(symbols)) strings.intern(name);
  const symbolCount = strings.size;
  const filePath = Uint32Array.from(files, (f) => strings.intern(f.path));
  const fileLang = Uint32Array.from(files, (f) => strings.intern(f.language));
  const defs = buildDefColumns(files, strings, symbolCount);
  const refs = buildRefColumns(files, strings, symbolCount);
  const imports = buildImportColumns(files, strings, resolver);
  const { contentBytes, contentStart } = concatContents(files);
  const chunks = chunkContents(contentBytes, contentStart, chunkBytes);
  const tri = buildTrigramIndex(contentBytes, chunks.chunkStart);
  const { bytes: stringBytes, offsets: stringOffsets } = strings.parts();
  return {
    symbolCount,
    stringBytes,
    stringOffsets,
    filePath,
    fileLang,
    contentStart,
    contentBytes,
    ...defs,
    ...refs,
    ...imports,
    ...chunks,
    triKeys: tri.keys,
    triStarts: tri.starts,
    triPostings: tri.postings,
    dead: new Uint8Array(files.length),
  };
}

/** All files' contents as one UTF-8 buffer with `fileCount + 1` offsets, encoded in place. */
function concatContents(files: readonly FileTags[]): { contentBytes: Uint8Array; contentStart: Uint32Array } {
  const contentStart = new Uint32Array(files.length + 1);
  files.forEach((f, i) => (contentStart[i + 1] = contentStart[i]! + Buffer.byteLength(f.content, 'utf8')));
  const contentBytes = new Uint8Array(contentStart[files.length]!);
  files.forEach((f, i) => encodeInto(f.content, contentBytes.subarray(contentStart[i], contentStart[i + 1])));
  return { contentBytes, contentStart };
}
