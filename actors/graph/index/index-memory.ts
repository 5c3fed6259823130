/**
 * Memory accounting of an index: the bytes its typed arrays hold, grouped by what they serve.
 * JS objects around them (a few per file and per segment) are not counted.
 *
 * @module
 */

import type { Segment } from './segment.js';

/** Bytes by kind. */
export interface IndexMemory {
  total: number;
  /** File text (UTF-8), its offsets and its search chunks. */
  content: number;
  /** Trigram keys, offsets and posting lists. */
  trigrams: number;
  /** Interned strings, their offsets and hash table. */
  strings: number;
  defs: number;
  refs: number;
  imports: number;
  /** File table, tombstones and live counts. */
  files: number;
}

/**
 * Measures one segment.
 *
 * @param seg The segment, or `null` for all zeros.
 * @returns Its bytes by kind.
 */
export function measureSegment(seg: Segment | null): IndexMemory {
  const m: IndexMemory = { total: 0, content: 0, trigrams: 0, strings: 0, defs: 0, refs: 0, imports: 0, files: 0 };
  if (seg === null) return m;
  const d = seg.data;
  const sum = (...arrays: ArrayBufferView[]): number => arrays.reduce((n, a) => n + a.byteLength, 0);
  m.content = sum(d.contentBytes, d.contentStart, d.chunkStart, d.chunkFile, d.chunkLine);
  m.trigrams = seg.trigrams.memoryBytes();
  m.strings = seg.strings.memoryBytes();
  m.defs = sum(d.defName, d.defKind, d.defLine, d.defColumn, d.defEndLine, d.defEnclosing, d.defSignature, d.defByName, d.defNameStart, d.fileDefStart);
  m.refs = sum(d.refFile, d.refLine, d.refColumn, d.refNameStart);
  m.imports = sum(d.importSpec, d.importKeyStart, d.importKeys, d.revKey, d.revStart, d.revImport, d.fileImportStart);
  m.files = sum(d.filePath, d.fileLang, d.dead, seg.liveDefs, seg.liveRefs);
  m.total = m.content + m.trigrams + m.strings + m.defs + m.refs + m.imports + m.files;
  return m;
}
