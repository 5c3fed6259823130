/** A file as a stat pass sees it. */
export interface StatEntry {
  readonly path: string;
  readonly size: number;
  readonly mtimeMs: number;
}

/** What a file table remembers of a file. */
export interface KnownEntry {
  readonly bytes: number;
  readonly mtimeMs?: number | undefined;
}

/** Files to re-read and files gone, after comparing a stat pass with what was indexed. */
export interface TreeDiff {
  /** New files, and files whose size or modification time differ (their hash decides later). */
  readonly changed: string[];
  /** Indexed files no longer found. */
  readonly removed: string[];
}

/**
 * Compares the files on disk with the ones indexed, by size and modification time (the hash
 * check of the candidates happens in the parse threads, where the bytes are read anyway).
 * @param scanned - every file a scan of the tree found
 * @param known - the indexed files by path
 * @returns the files to re-read and the files gone, sorted
 */
export function diffTree(scanned: Iterable<StatEntry>, known: ReadonlyMap<string, KnownEntry> | { get(path: string): KnownEntry | undefined; paths(): Iterable<string> }): TreeDiff {
  const seen = new Set<string>();
  const changed: string[] = [];
  for (const f of scanned) {
    seen.add(f.path);
    const k = known.get(f.path);
    if (k === undefined || k.bytes !== f.size || k.mtimeMs !== f.mtimeMs) changed.push(f.path);
  }
  const removed: string[] = [];
  for (const path of 'paths' in known ? known.paths() : known.keys()) if (!seen.has(path)) removed.push(path);
  return { changed: changed.sort(compare), removed: removed.sort(compare) };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
