/**
 * Import columns of a segment: each file's raw specifiers, the resolution keys each import is
 * filed under (see import-resolver.ts), and the reverse map from key to import rows that
 * answers "who imports this file" without resolving every import.
 *
 * @module
 */

import type { FileTags } from './file-tags.js';
import { resolutionKey, type ImportResolver } from './import-resolver.js';
import { GrowableU32 } from './growable.js';
import type { StringInterner } from './string-interner.js';

/** The import columns. */
export interface ImportColumns {
  readonly fileImportStart: Uint32Array;
  readonly importSpec: Uint32Array;
  readonly importKeyStart: Uint32Array;
  readonly importKeys: Uint32Array;
  readonly revKey: Uint32Array;
  readonly revStart: Uint32Array;
  readonly revImport: Uint32Array;
}

/**
 * Builds the import columns.
 *
 * @param files Files in path order.
 * @param strings The segment's strings.
 * @param resolver Lists each import's candidates.
 * @returns The columns; reverse lists hold import rows in increasing order.
 */
export function buildImportColumns(files: readonly FileTags[], strings: StringInterner, resolver: ImportResolver): ImportColumns {
  const fileImportStart = new Uint32Array(files.length + 1);
  const importSpec = new GrowableU32();
  const importKeyStart = new GrowableU32();
  const importKeys = new GrowableU32();
  const keyRows = new GrowableU32();
  importKeyStart.push(0);
  files.forEach((file, f) => {
    for (const spec of file.imports) {
      const row = importSpec.length;
      importSpec.push(strings.intern(spec));
      for (const key of new Set(resolver.candidates(spec, file.path, file.language).map(resolutionKey))) {
        importKeys.push(strings.intern(key));
        keyRows.push(row);
      }
      importKeyStart.push(importKeys.length);
    }
    fileImportStart[f + 1] = importSpec.length;
  });
  return { fileImportStart, importSpec: importSpec.toArray(), importKeyStart: importKeyStart.toArray(), importKeys: importKeys.toArray(), ...reverse(importKeys.toArray(), keyRows.toArray()) };
}

/** Groups import rows by key: sorted distinct keys, CSR offsets, rows. */
function reverse(keys: Uint32Array, rows: Uint32Array): { revKey: Uint32Array; revStart: Uint32Array; revImport: Uint32Array } {
  // Positions are in row order already; a stable sort by key keeps rows increasing per key.
  const order = Array.from(keys.keys()).sort((a, b) => keys[a]! - keys[b]!);
  const revKey = new GrowableU32();
  const revStart = new GrowableU32();
  const revImport = new Uint32Array(order.length);
  order.forEach((p, i) => {
    if (i === 0 || keys[p] !== keys[order[i - 1]!]) {
      revKey.push(keys[p]!);
      revStart.push(i);
    }
    revImport[i] = rows[p]!;
  });
  revStart.push(order.length);
  return { revKey: revKey.toArray(), revStart: revStart.toArray(), revImport };
}
