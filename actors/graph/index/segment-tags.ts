/**
 * Reads a segment's live files back as {@link FileTags}, so that merging segments is just
 * building a new one from their live files. Tags come back in index order (by position), which
 * a rebuild keeps, so answers do not change across a merge.
 *
 * @module
 */

import type { DefTag, FileTags, RefTag } from './file-tags.js';
import type { Segment } from './segment.js';

/**
 * The live files of a segment.
 *
 * @param seg The segment.
 * @returns One `FileTags` per live file, in path order.
 */
export function liveFileTags(seg: Segment): FileTags[] {
  return readLiveFiles(seg, true);
}

/**
 * The live files of a segment without their text (`content` is ''): tags only, no decoding.
 *
 * @param seg The segment.
 * @returns One `FileTags` per live file, in path order.
 */
export function liveFileTagsWithoutText(seg: Segment): FileTags[] {
  return readLiveFiles(seg, false);
}

function readLiveFiles(seg: Segment, withContent: boolean): FileTags[] {
  const refs = refsByFile(seg);
  const out: FileTags[] = [];
  for (let f = 0; f < seg.fileCount; f++) {
    if (seg.isDead(f)) continue;
    out.push({ path: seg.path(f), language: seg.language(f), defs: defsOf(seg, f), refs: refs[f] ?? [], imports: importsOf(seg, f), content: withContent ? seg.text(f) : '' });
  }
  return out;
}

function defsOf(seg: Segment, f: number): DefTag[] {
  const d = seg.data;
  const out: DefTag[] = [];
  for (let row = d.fileDefStart[f]!; row < d.fileDefStart[f + 1]!; row++) {
    out.push({
      name: seg.strings.get(d.defName[row]!),
      kind: seg.strings.get(d.defKind[row]!),
      line: d.defLine[row]!,
      column: d.defColumn[row]!,
      endLine: d.defEndLine[row]!,
      enclosing: seg.stringOrNull(d.defEnclosing[row]!),
      signature: seg.strings.get(d.defSignature[row]!),
    });
  }
  return out;
}

/** References grouped by live file; rows are (name, file, position)-ordered, so re-sort per file. */
function refsByFile(seg: Segment): RefTag[][] {
  const d = seg.data;
  const byFile: { sym: number; row: number }[][] = [];
  let sym = 0;
  for (let row = 0; row < d.refFile.length; row++) {
    while (d.refNameStart[sym + 1]! <= row) sym++;
    const f = d.refFile[row]!;
    if (!seg.isDead(f)) (byFile[f] ??= []).push({ sym, row });
  }
  return byFile.map((list) =>
    list
      .sort((a, b) => d.refLine[a.row]! - d.refLine[b.row]! || d.refColumn[a.row]! - d.refColumn[b.row]! || a.row - b.row)
      .map(({ sym: s, row }) => ({ name: seg.strings.get(s), line: d.refLine[row]!, column: d.refColumn[row]! })),
  );
}

function importsOf(seg: Segment, f: number): string[] {
  const d = seg.data;
  const out: string[] = [];
  for (let row = d.fileImportStart[f]!; row < d.fileImportStart[f + 1]!; row++) out.push(seg.strings.get(d.importSpec[row]!));
  return out;
}
