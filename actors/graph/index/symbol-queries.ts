/**
 * `def NAME`, `refs NAME` and `outline FILE` over a partition's segments. Per segment, a name's
 * rows are one CSR run already in (path, line, column) order; a live path lives in exactly one
 * segment, so merging the per-segment lists is a stable sort by path.
 *
 * @module
 */

import type { PartitionView } from './partition-view.js';
import type { DefHit, HitPage, OutlineEntry, RefHit } from './query-types.js';
import type { Segment } from './segment.js';

/** The default cap on returned hits. */
export const DEFAULT_HIT_LIMIT = 1000;

/**
 * The live definitions named exactly `name`.
 *
 * @param view The partition.
 * @param name The symbol name (case-sensitive).
 * @param limit At most this many hits.
 * @returns The first `limit` hits in path order, and the total.
 */
export function findDefs(view: PartitionView, name: string, limit = DEFAULT_HIT_LIMIT): HitPage<DefHit> {
  const lists: DefHit[][] = [];
  let total = 0;
  for (const seg of view.segments) {
    const sym = seg.symbol(name);
    if (sym < 0 || seg.liveDefs[sym] === 0) continue;
    total += seg.liveDefs[sym]!;
    const { defByName, defNameStart } = seg.data;
    const hits: DefHit[] = [];
    for (let k = defNameStart[sym]!; k < defNameStart[sym + 1]! && hits.length < limit; k++) {
      const row = defByName[k]!;
      const f = seg.fileOfDef(row);
      if (!seg.isDead(f)) hits.push(defHit(seg, row, seg.path(f)));
    }
    lists.push(hits);
  }
  return { hits: mergeByPath(lists, limit), total };
}

/**
 * The live references named exactly `name`.
 *
 * @param view The partition.
 * @param name The symbol name (case-sensitive).
 * @param limit At most this many hits.
 * @returns The first `limit` hits in path order, and the total.
 */
export function findRefs(view: PartitionView, name: string, limit = DEFAULT_HIT_LIMIT): HitPage<RefHit> {
  const lists: RefHit[][] = [];
  let total = 0;
  for (const seg of view.segments) {
    const sym = seg.symbol(name);
    if (sym < 0 || seg.liveRefs[sym] === 0) continue;
    total += seg.liveRefs[sym]!;
    const { refFile, refLine, refColumn, refNameStart } = seg.data;
    const hits: RefHit[] = [];
    for (let row = refNameStart[sym]!; row < refNameStart[sym + 1]! && hits.length < limit; row++) {
      const f = refFile[row]!;
      if (!seg.isDead(f)) hits.push({ name, path: seg.path(f), line: refLine[row]!, column: refColumn[row]! });
    }
    lists.push(hits);
  }
  return { hits: mergeByPath(lists, limit), total };
}

/**
 * A file's definitions in position order, nested: an entry's parent is the innermost open entry
 * (by line range) named like its `enclosing`; an entry without one is top level.
 *
 * @param view The partition.
 * @param path The file.
 * @returns The outline, or `null` when the file is not in the partition.
 */
export function outline(view: PartitionView, path: string): OutlineEntry[] | null {
  const loc = view.locate(path);
  if (loc === undefined) return null;
  const { seg, file } = loc;
  const out: OutlineEntry[] = [];
  const open: number[] = [];
  for (let row = seg.data.fileDefStart[file]!; row < seg.data.fileDefStart[file + 1]!; row++) {
    const d = defHit(seg, row, path);
    while (open.length > 0 && out[open[open.length - 1]!]!.endLine < d.line) open.pop();
    let parent = -1;
    for (let i = open.length - 1; i >= 0 && d.enclosing !== null; i--) {
      const p = out[open[i]!]!;
      if (p.name === d.enclosing && p.endLine >= d.endLine) {
        parent = open[i]!;
        break;
      }
    }
    const depth = parent < 0 ? 0 : out[parent]!.depth + 1;
    out.push({ name: d.name, kind: d.kind, line: d.line, column: d.column, endLine: d.endLine, enclosing: d.enclosing, signature: d.signature, parent, depth });
    open.push(out.length - 1);
  }
  return out;
}

function defHit(seg: Segment, row: number, path: string): DefHit {
  const d = seg.data;
  return {
    name: seg.strings.get(d.defName[row]!),
    kind: seg.strings.get(d.defKind[row]!),
    path,
    line: d.defLine[row]!,
    column: d.defColumn[row]!,
    endLine: d.defEndLine[row]!,
    enclosing: seg.stringOrNull(d.defEnclosing[row]!),
    signature: seg.strings.get(d.defSignature[row]!),
  };
}

/** Concatenates path-ordered lists with disjoint paths into one path-ordered list. */
export function mergeByPath<T extends { readonly path: string }>(lists: T[][], limit: number): T[] {
  if (lists.length === 1) return lists[0]!;
  const all = lists.flat();
  all.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return all.length > limit ? all.slice(0, limit) : all;
}
