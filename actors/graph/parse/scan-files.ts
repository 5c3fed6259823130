/**
 * The stateless half of a cold search (see cold-search.ts), run on a parse thread: read each
 * file of an evicted partition as the indexer read it (UTF-8, BOM dropped) and search the texts
 * as the partition would. A file whose size or modification time is not what the graph
 * recorded may hold text the partition never indexed: the task then answers `stale` and the
 * caller asks the partition instead.
 *
 * @module
 */

import { closeSync, constants, fstatSync, openSync } from 'node:fs';
import { join } from 'node:path';
import { compileSearch, searchTexts, type SearchQuery, type SearchResult } from '../index/index.js';
import { readAll, sourceDecoder } from './read-source-file.js';

/** One task: the partition's files in path order, with what the graph recorded of each. */
export interface ScanFilesTask {
  root: string;
  files: { path: string; bytes: number; mtimeMs: number }[];
  query: SearchQuery;
}

/** The partition's answer, or the first file that changed since it was indexed. */
export type ScanFilesResult = { result: SearchResult } | { stale: string };

/** Searches the files; throws only for a query the partition would also reject. */
export function scanFiles(task: ScanFilesTask): ScanFilesResult {
  const compiled = compileSearch(task.query);
  let stale: string | null = null;
  function* texts(): Generator<{ path: string; text: string }> {
    for (const f of task.files) {
      if (!compiled.filter.acceptsAll && !compiled.filter.matches(f.path)) continue;
      const text = readIfUnchanged(join(task.root, f.path), f.bytes, f.mtimeMs);
      if (text === null) {
        stale = f.path;
        return;
      }
      yield { path: f.path, text };
    }
  }
  const result = searchTexts(texts(), compiled);
  // A stale file cut the scan short: whatever came before it cannot be trusted to be complete.
  return stale === null ? { result } : { stale };
}

/** The file's text, or `null` when it cannot be read or its size or time differ. */
function readIfUnchanged(file: string, bytes: number, mtimeMs: number): string | null {
  let fd: number;
  try {
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch {
    return null;
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile() || st.size !== bytes || st.mtimeMs !== mtimeMs) return null;
    const buf = readAll(fd, bytes, bytes);
    return buf.length === bytes ? sourceDecoder.decode(buf) : null;
  } catch {
    return null;
  } finally {
    closeSync(fd);
  }
}
