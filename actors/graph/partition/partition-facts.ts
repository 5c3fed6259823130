/**
 * Facts: per file, the names it defines, the names it references (counted) and its import
 * statements. The graph layer gathers them from every partition to rank symbols (PageRank over
 * the cross-file reference graph) and to resolve imports across partitions, which a partition
 * cannot do alone: it sees only its own files.
 *
 * @module
 */

import type { PartitionIndex } from '../index/index.js';
import { importLines } from './import-lines.js';
import type { FileFacts } from './partition-messages.js';

/**
 * The facts of every live file of a partition, in path order.
 *
 * @param index The partition's index.
 * @param symbols Include defined and referenced names (`false`: imports only).
 * @returns One entry per live file.
 */
export function partitionFacts(index: PartitionIndex, symbols: boolean): FileFacts[] {
  // Reading every file's tags back is the costly part: without symbols, read imports only.
  const files = symbols ? index.files(false) : index.paths().map((path) => ({ path, defs: [], refs: [], imports: index.imports(path)!.map((e) => e.specifier) }));
  return files.map((f) => {
    // Text is decoded only for files with imports, to place them on lines.
    const lines = f.imports.length === 0 ? [] : importLines(index.text(f.path) ?? '', f.imports);
    return {
      file: f.path,
      defs: f.defs.map((d) => ({ name: d.name, kind: d.kind, line: d.line, signature: d.signature })),
      refs: countNames(f.refs),
      imports: f.imports.map((spec, i) => [spec, lines[i]!] as const),
    };
  });
}

/** `[name, count]` pairs in first-use order (a Map keeps insertion order; names may be `__proto__`). */
function countNames(refs: readonly { readonly name: string }[]): [string, number][] {
  const counts = new Map<string, number>();
  for (const r of refs) counts.set(r.name, (counts.get(r.name) ?? 0) + 1);
  return [...counts];
}
