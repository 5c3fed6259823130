/**
 * `imports FILE` and `importers FILE`. Resolution happens at query time against the live files,
 * so adding `x.ts` makes an earlier `import './x.js'` resolve without re-indexing the importer.
 * Reverse lookups go through resolution keys (import-resolver.ts) and are confirmed by resolving.
 *
 * @module
 */

import { targetKeys } from './import-resolver.js';
import { dirKey, dirname } from './path-utils.js';
import type { PartitionView } from './partition-view.js';
import type { ImportEdge, ImporterEdge } from './query-types.js';
import type { Segment } from './segment.js';
import { mergeByPath } from './symbol-queries.js';

/**
 * Resolves one specifier against the live files.
 *
 * @param view The partition.
 * @param specifier The raw specifier.
 * @param from The importing file.
 * @param language The importing file's language.
 * @returns The first candidate that exists, or `null`.
 */
export function resolveImport(view: PartitionView, specifier: string, from: string, language: string): string | null {
  for (const c of view.resolver.candidates(specifier, from, language)) {
    if (c.endsWith('/') ? view.dirHasFiles(c, language) : view.locate(c) !== undefined) return c;
  }
  return null;
}

/**
 * A file's imports in source order, resolved.
 *
 * @param view The partition.
 * @param path The importing file.
 * @returns The edges, or `null` when the file is not in the partition.
 */
export function importsOf(view: PartitionView, path: string): ImportEdge[] | null {
  const loc = view.locate(path);
  if (loc === undefined) return null;
  const { seg, file } = loc;
  const language = seg.language(file);
  const out: ImportEdge[] = [];
  for (let row = seg.data.fileImportStart[file]!; row < seg.data.fileImportStart[file + 1]!; row++) {
    const specifier = seg.strings.get(seg.data.importSpec[row]!);
    out.push({ specifier, target: resolveImport(view, specifier, path, language) });
  }
  return out;
}

/**
 * The imports, in live files, that resolve to `path` (or to its directory, for Go-style
 * package imports from files of the same language), one entry per import statement.
 *
 * @param view The partition.
 * @param path The imported file.
 * @returns Edges ordered by importer path, then source order; empty when `path` is not live.
 */
export function importersOf(view: PartitionView, path: string): ImporterEdge[] {
  const target = view.locate(path);
  if (target === undefined) return [];
  const language = target.seg.language(target.file);
  const dir = dirKey(dirname(path));
  const lists: ImporterEdge[][] = [];
  for (const seg of view.segments) {
    const rows = new Set<number>();
    for (const key of targetKeys(path)) for (const row of importRowsByKey(seg, key)) rows.add(row);
    const hits: ImporterEdge[] = [];
    for (const row of [...rows].sort((a, b) => a - b)) {
      const f = seg.fileOfImport(row);
      if (seg.isDead(f)) continue;
      const from = seg.path(f);
      const lang = seg.language(f);
      const specifier = seg.strings.get(seg.data.importSpec[row]!);
      const resolved = resolveImport(view, specifier, from, lang);
      if (resolved === path || (resolved === dir && lang === language)) hits.push({ path: from, specifier });
    }
    lists.push(hits);
  }
  return mergeByPath(lists, Infinity);
}

/** Import rows filed under `key` in one segment. */
function importRowsByKey(seg: Segment, key: string): Uint32Array {
  const id = seg.strings.lookup(key);
  const { revKey, revStart, revImport } = seg.data;
  let lo = 0;
  let hi = revKey.length - 1;
  while (lo <= hi && id >= 0) {
    const mid = (lo + hi) >>> 1;
    if (revKey[mid] === id) return revImport.subarray(revStart[mid], revStart[mid + 1]);
    if (revKey[mid]! < id) lo = mid + 1;
    else hi = mid - 1;
  }
  return new Uint32Array(0);
}
