/**
 * Cuts file contents into search chunks: the documents of the trigram index. A chunk ends right
 * after a `\n`, so no line spans two chunks and a line-scoped match lies inside one chunk; a
 * file's last chunk ends where the file does.
 *
 * @module
 */

import { GrowableU32 } from './growable.js';

/** The chunk columns (see segment-data.ts). */
export interface ChunkColumns {
  readonly chunkStart: Uint32Array;
  readonly chunkFile: Uint32Array;
  readonly chunkLine: Uint32Array;
}

const NEWLINE = 0x0a;

/**
 * Chunks every file.
 *
 * @param content All files' bytes.
 * @param contentStart `fileCount + 1` offsets.
 * @param target Preferred chunk size in bytes.
 * @returns The chunk columns.
 */
export function chunkContents(content: Uint8Array, contentStart: Uint32Array, target: number): ChunkColumns {
  const starts = new GrowableU32();
  const files = new GrowableU32();
  const lines = new GrowableU32();
  for (let f = 0; f + 1 < contentStart.length; f++) {
    const end = contentStart[f + 1]!;
    let line = 1;
    for (let start = contentStart[f]!; start < end; ) {
      const cut = cutAt(content, start, end, target);
      starts.push(start);
      files.push(f);
      lines.push(line);
      for (let i = content.indexOf(NEWLINE, start); i >= 0 && i < cut; i = content.indexOf(NEWLINE, i + 1)) line++;
      start = cut;
    }
  }
  starts.push(contentStart[contentStart.length - 1] ?? 0);
  return { chunkStart: starts.toArray(), chunkFile: files.toArray(), chunkLine: lines.toArray() };
}

/** Where the chunk starting at `start` ends: after the last `\n` within `target` bytes, else after the first one. */
function cutAt(content: Uint8Array, start: number, end: number, target: number): number {
  if (end - start <= target) return end;
  const last = content.lastIndexOf(NEWLINE, start + target - 1);
  if (last >= start) return last + 1;
  const next = content.indexOf(NEWLINE, start + target);
  return next < 0 || next >= end ? end : next + 1;
}
