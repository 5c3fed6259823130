/**
 * The columns of one index segment: every array a segment holds, as plain typed arrays, so a
 * segment serializes by writing them in {@link SEGMENT_COLUMNS} order.
 *
 * ```
 * strings    ids [0, symbolCount) are the symbol names, sorted by (lower-cased, raw) for prefix
 *            search; ids above hold paths, kinds, signatures, specifiers, import keys, …
 * files      sorted by path: filePath, fileLang (string ids); fileDefStart / fileImportStart
 *            (CSR, fileCount + 1); contentStart (byte offsets into contentBytes, fileCount + 1)
 * defs       rows grouped by file, each file's sorted by (line, column):
 *            defName defKind defLine defColumn defEndLine defEnclosing defSignature
 *            defByName: def rows ordered by (name, row); defNameStart: CSR over symbol ids
 * refs       rows ordered by (name, file, line, column): refFile refLine refColumn;
 *            refNameStart: CSR over symbol ids (the name is implied by the row's bucket)
 * imports    rows grouped by file: importSpec; importKeyStart / importKeys (CSR: each import's
 *            resolution keys); revKey (sorted key ids) / revStart / revImport (key → import rows)
 * chunks     the trigram index's documents: files cut at line ends into pieces of about
 *            CHUNK_BYTES, so a search reads a few KiB around a hit, not a 9 MB file.
 *            chunkStart (byte offsets, chunkCount + 1; consecutive files' chunks are adjacent),
 *            chunkFile, chunkLine (1-based number of the chunk's first line). An empty file
 *            has no chunk.
 * trigrams   triKeys / triStarts / triPostings over chunk ids (see trigram-index.ts)
 * liveness   dead: 1 for a file replaced or removed since the segment was built
 * ```
 *
 * `NONE` (0xffffffff) marks a missing string id (a definition with no enclosing symbol).
 *
 * @module
 */

/** A missing string id. */
import type { ImportColumns } from './import-columns.js';
import type { DefColumns, RefColumns } from './tag-columns.js';

export const NONE = 0xffffffff;

/** Target size of a search chunk; a chunk ends at the last line end before this (or after one longer line). */
export const CHUNK_BYTES = 4 * 1024;

/** Every column of a segment. */
export interface SegmentData extends DefColumns, RefColumns, ImportColumns {
  readonly symbolCount: number;
  readonly stringBytes: Uint8Array;
  readonly stringOffsets: Uint32Array;
  readonly filePath: Uint32Array;
  readonly fileLang: Uint32Array;
  readonly contentStart: Uint32Array;
  readonly contentBytes: Uint8Array;
  readonly chunkStart: Uint32Array;
  readonly chunkFile: Uint32Array;
  readonly chunkLine: Uint32Array;
  readonly triKeys: Uint32Array;
  readonly triStarts: Uint32Array;
  readonly triPostings: Uint8Array;
  readonly dead: Uint8Array;
}

/** The array columns in serialization order, with their element type. */
export const SEGMENT_COLUMNS = [
  ['stringBytes', 'u8'],
  ['stringOffsets', 'u32'],
  ['filePath', 'u32'],
  ['fileLang', 'u32'],
  ['fileDefStart', 'u32'],
  ['fileImportStart', 'u32'],
  ['contentStart', 'u32'],
  ['contentBytes', 'u8'],
  ['defName', 'u32'],
  ['defKind', 'u32'],
  ['defLine', 'u32'],
  ['defColumn', 'u32'],
  ['defEndLine', 'u32'],
  ['defEnclosing', 'u32'],
  ['defSignature', 'u32'],
  ['defByName', 'u32'],
  ['defNameStart', 'u32'],
  ['refFile', 'u32'],
  ['refLine', 'u32'],
  ['refColumn', 'u32'],
  ['refNameStart', 'u32'],
  ['importSpec', 'u32'],
  ['importKeyStart', 'u32'],
  ['importKeys', 'u32'],
  ['revKey', 'u32'],
  ['revStart', 'u32'],
  ['revImport', 'u32'],
  ['chunkStart', 'u32'],
  ['chunkFile', 'u32'],
  ['chunkLine', 'u32'],
  ['triKeys', 'u32'],
  ['triStarts', 'u32'],
  ['triPostings', 'u8'],
  ['dead', 'u8'],
] as const satisfies readonly (readonly [Exclude<keyof SegmentData, 'symbolCount'>, 'u8' | 'u32'])[];

/**
 * Checks that a segment's column lengths agree with each other (not every value: a snapshot's
 * checksum is verified elsewhere).
 *
 * @param d The columns.
 * @throws {RangeError} On the first disagreement.
 */
export function checkSegmentShape(d: SegmentData): void {
  const files = d.filePath.length;
  const defs = d.defName.length;
  const refs = d.refFile.length;
  const imports = d.importSpec.length;
  const last = (a: Uint32Array): number => a[a.length - 1] ?? -1;
  const checks: [string, boolean][] = [
    ['file columns', d.fileLang.length === files && d.dead.length === files],
    ['file offsets', d.fileDefStart.length === files + 1 && d.fileImportStart.length === files + 1 && d.contentStart.length === files + 1],
    ['content', last(d.contentStart) === d.contentBytes.length],
    ['strings', d.symbolCount < d.stringOffsets.length],
    ['definitions', [d.defKind, d.defLine, d.defColumn, d.defEndLine, d.defEnclosing, d.defSignature, d.defByName].every((c) => c.length === defs) && last(d.fileDefStart) === defs],
    ['definition names', d.defNameStart.length === d.symbolCount + 1 && last(d.defNameStart) === defs],
    ['references', d.refLine.length === refs && d.refColumn.length === refs && d.refNameStart.length === d.symbolCount + 1 && last(d.refNameStart) === refs],
    ['imports', last(d.fileImportStart) === imports && d.importKeyStart.length === imports + 1 && last(d.importKeyStart) === d.importKeys.length],
    ['reverse imports', d.revStart.length === d.revKey.length + 1 && last(d.revStart) === d.revImport.length],
    ['chunks', d.chunkStart.length === d.chunkFile.length + 1 && d.chunkLine.length === d.chunkFile.length && (d.chunkStart[0] ?? 0) === 0],
    ['trigrams', d.triStarts.length === d.triKeys.length + 1 && last(d.triStarts) === d.triPostings.length],
  ];
  for (const [what, ok] of checks) if (!ok) throw new RangeError(`Cannot load segment: ${what} have inconsistent lengths`);
}
