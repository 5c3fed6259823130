/**
 * Definition and reference columns of a segment (see segment-data.ts for the layout). Both are
 * filled by counting sorts over symbol ids, so building is linear apart from sorting each
 * file's tags by position.
 *
 * @module
 */

import type { DefTag, FileTags, RefTag } from './file-tags.js';
import { NONE } from './segment-data.js';
import type { StringInterner } from './string-interner.js';

/** The definition columns. */
export interface DefColumns {
  readonly fileDefStart: Uint32Array;
  readonly defName: Uint32Array;
  readonly defKind: Uint32Array;
  readonly defLine: Uint32Array;
  readonly defColumn: Uint32Array;
  readonly defEndLine: Uint32Array;
  readonly defEnclosing: Uint32Array;
  readonly defSignature: Uint32Array;
  readonly defByName: Uint32Array;
  readonly defNameStart: Uint32Array;
}

/** The reference columns. */
export interface RefColumns {
  readonly refFile: Uint32Array;
  readonly refLine: Uint32Array;
  readonly refColumn: Uint32Array;
  readonly refNameStart: Uint32Array;
}

/**
 * Builds the definition columns: rows grouped by file (in the given order), each file's rows
 * sorted by (line, column), ties kept in input order.
 *
 * @param files Files in path order.
 * @param strings The segment's strings, symbols already interned as ids below `symbolCount`.
 * @param symbolCount Number of symbols.
 * @returns The columns.
 */
export function buildDefColumns(files: readonly FileTags[], strings: StringInterner, symbolCount: number): DefColumns {
  let n = 0;
  for (const f of files) n += f.defs.length;
  const c = {
    fileDefStart: new Uint32Array(files.length + 1),
    defName: new Uint32Array(n),
    defKind: new Uint32Array(n),
    defLine: new Uint32Array(n),
    defColumn: new Uint32Array(n),
    defEndLine: new Uint32Array(n),
    defEnclosing: new Uint32Array(n),
    defSignature: new Uint32Array(n),
  };
  let row = 0;
  files.forEach((file, f) => {
    for (const d of byPosition(file.defs)) {
      c.defName[row] = strings.lookup(d.name);
      c.defKind[row] = strings.intern(d.kind);
      c.defLine[row] = d.line;
      c.defColumn[row] = d.column;
      c.defEndLine[row] = d.endLine;
      c.defEnclosing[row] = d.enclosing === null ? NONE : strings.intern(d.enclosing);
      c.defSignature[row] = strings.intern(d.signature);
      row++;
    }
    c.fileDefStart[f + 1] = row;
  });
  const { order, start } = countingSort(c.defName, symbolCount);
  return { ...c, defByName: order, defNameStart: start };
}

/**
 * Builds the reference columns: rows ordered by (name, file, line, column).
 *
 * @param files Files in path order.
 * @param strings The segment's strings.
 * @param symbolCount Number of symbols.
 * @returns The columns.
 */
export function buildRefColumns(files: readonly FileTags[], strings: StringInterner, symbolCount: number): RefColumns {
  const names: Uint32Array[] = [];
  const sorted: RefTag[][] = [];
  const refNameStart = new Uint32Array(symbolCount + 1);
  for (const file of files) {
    const refs = byPosition(file.refs);
    const ids = Uint32Array.from(refs, (r) => strings.lookup(r.name));
    for (const id of ids) refNameStart[id + 1]!++;
    sorted.push(refs);
    names.push(ids);
  }
  for (let s = 0; s < symbolCount; s++) refNameStart[s + 1]! += refNameStart[s]!;
  const n = refNameStart[symbolCount]!;
  const refFile = new Uint32Array(n);
  const refLine = new Uint32Array(n);
  const refColumn = new Uint32Array(n);
  const cursor = refNameStart.slice(0, symbolCount);
  sorted.forEach((refs, f) => {
    const ids = names[f]!;
    refs.forEach((r, i) => {
      const row = cursor[ids[i]!]!++;
      refFile[row] = f;
      refLine[row] = r.line;
      refColumn[row] = r.column;
    });
  });
  return { refFile, refLine, refColumn, refNameStart };
}

/** Tags sorted by (line, column); `Array.prototype.sort` is stable, so ties keep input order. */
function byPosition<T extends DefTag | RefTag>(tags: readonly T[]): T[] {
  return [...tags].sort((a, b) => a.line - b.line || a.column - b.column);
}

/**
 * Orders rows by key with a counting sort (stable).
 *
 * @param keys The key of every row, each below `keyCount`.
 * @param keyCount Number of distinct keys.
 * @returns Rows in key order, and `keyCount + 1` offsets into them (CSR).
 */
export function countingSort(keys: Uint32Array, keyCount: number): { order: Uint32Array; start: Uint32Array } {
  const start = new Uint32Array(keyCount + 1);
  for (const k of keys) start[k + 1]!++;
  for (let k = 0; k < keyCount; k++) start[k + 1]! += start[k]!;
  const cursor = start.slice(0, keyCount);
  const order = new Uint32Array(keys.length);
  for (let row = 0; row < keys.length; row++) order[cursor[keys[row]!]!++] = row;
  return { order, start };
}
