/**
 * Every indexed file of the graph, on the main thread: its language, size and line count. The
 * graph layer resolves imports across partitions against it (a partition sees only its own
 * files), answers "is this file indexed" without asking a partition, and counts files and lines.
 *
 * @module
 */

/** What the table keeps per file. */
export interface FileEntry {
  /** The index language (`text` for files without a grammar). */
  readonly language: string;
  readonly bytes: number;
  readonly lines: number;
  /** Content hash of the bytes indexed (see `contentHash`); a save that keeps it is skipped. */
  readonly hash?: string;
  /** Modification time when read: a restart re-reads only files whose size or time differ. */
  readonly mtimeMs?: number;
}

/** The directory key of a path, as the import resolver names directories: `a/b/c.go` → `a/b/`, `c.go` → `./`. */
export function dirKeyOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash < 0 ? './' : path.slice(0, slash + 1);
}

/**
 * Lines in a text, as an editor numbers them: a final line without `\n` counts, an empty text
 * has none.
 * @param text - the file's text
 * @returns the number of lines
 */
export function countLines(text: string): number {
  if (text === '') return 0;
  let n = text.endsWith('\n') ? 0 : 1;
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) n++;
  return n;
}

/** Indexed files by path, with per-directory lists for package (directory) imports. */
export class FileTable {
  readonly #files = new Map<string, FileEntry>();
  /** `language \0 dirKey` → paths directly in that directory. */
  readonly #dirs = new Map<string, Set<string>>();
  #lines = 0;
  #bytes = 0;
  #version = 0;

  /** Adds or replaces a file. */
  set(path: string, entry: FileEntry): void {
    // Replacing a file keeps the set of paths: only adding one is a new version.
    if (!this.#remove(path)) this.#version++;
    this.#files.set(path, entry);
    this.#lines += entry.lines;
    this.#bytes += entry.bytes;
    const key = `${entry.language}\0${dirKeyOf(path)}`;
    let dir = this.#dirs.get(key);
    if (dir === undefined) this.#dirs.set(key, (dir = new Set()));
    dir.add(path);
  }

  /** Removes a file; unknown paths are ignored. @returns whether it was present */
  delete(path: string): boolean {
    const removed = this.#remove(path);
    if (removed) this.#version++;
    return removed;
  }

  #remove(path: string): boolean {
    const old = this.#files.get(path);
    if (old === undefined) return false;
    this.#files.delete(path);
    this.#lines -= old.lines;
    this.#bytes -= old.bytes;
    const key = `${old.language}\0${dirKeyOf(path)}`;
    const dir = this.#dirs.get(key)!;
    dir.delete(path);
    if (dir.size === 0) this.#dirs.delete(key);
    return true;
  }

  /** Records a newer modification time for a file whose content did not change. */
  touch(path: string, mtimeMs: number): void {
    const old = this.#files.get(path);
    if (old !== undefined) this.#files.set(path, { ...old, mtimeMs });
  }

  /** The entry of an indexed file. */
  get(path: string): FileEntry | undefined {
    return this.#files.get(path);
  }

  /** Whether a file is indexed. */
  has(path: string): boolean {
    return this.#files.has(path);
  }

  /** Files of `language` directly in directory `dirKey` (`a/b/`, or `./` for the root), unsorted. */
  filesInDir(dirKey: string, language: string): ReadonlySet<string> {
    return this.#dirs.get(`${language}\0${dirKey}`) ?? new Set();
  }

  /** Every file with its entry, in no particular order. */
  entries(): IterableIterator<[string, FileEntry]> {
    return this.#files.entries();
  }

  /** The indexed paths, in no particular order. */
  paths(): IterableIterator<string> {
    return this.#files.keys();
  }

  /** Changes whenever a path is added or removed (not when a file's entry is replaced). */
  get version(): number {
    return this.#version;
  }

  /** Indexed files. */
  get size(): number {
    return this.#files.size;
  }

  /** Lines over all indexed files. */
  get lines(): number {
    return this.#lines;
  }

  /** Bytes over all indexed files. */
  get bytes(): number {
    return this.#bytes;
  }
}
