import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { IgnoreRules, isIgnored } from '../scan/index.js';

/** Options of {@link IgnoreTracker}: the scanner's ignore settings. */
export interface IgnoreTrackerOptions {
  ignoreFileNames?: readonly string[] | undefined;
  ignorePatterns?: readonly string[] | undefined;
}

/**
 * The scanner's ignore rules for a watched tree, answered synchronously (chokidar's `ignored`
 * callback and the `fs.watch` walker are both synchronous). Each directory's ignore files are
 * read once, when the directory is first asked about; a directory without ignore files shares
 * its parent's layer array, so the cost is one map entry per watched directory.
 */
export class IgnoreTracker {
  readonly #root: string;
  readonly #names: readonly string[];
  /** `.git/info/exclude` and the extra patterns: the layers under every directory's own. */
  readonly #base: readonly IgnoreRules[];
  /** Directory (root-relative, '' for the root) → the ignore layers that apply to its entries. */
  readonly #layers = new Map<string, readonly IgnoreRules[]>();

  /**
   * @param root - absolute path of the watched root
   * @param options - ignore file names and extra patterns, as `ScanOptions`
   */
  constructor(root: string, options: IgnoreTrackerOptions = {}) {
    this.#root = root;
    this.#names = options.ignoreFileNames ?? ['.gitignore', '.tesseraignore'];
    const base: IgnoreRules[] = [];
    const exclude = readText(join(root, '.git', 'info', 'exclude'));
    if (exclude !== null) base.push(new IgnoreRules('', exclude));
    if (options.ignorePatterns !== undefined && options.ignorePatterns.length > 0) base.push(new IgnoreRules('', options.ignorePatterns.join('\n')));
    this.#base = base;
    this.#layers.set('', this.#withOwnFiles('', base));
  }

  /**
   * Whether the scanner would skip a path. `.git` is always skipped.
   * @param path - root-relative, `/`-separated, not ''
   * @param isDir - whether the path is a directory
   * @returns true when ignored
   */
  ignores(path: string, isDir: boolean): boolean {
    const slash = path.lastIndexOf('/');
    const name = path.slice(slash + 1);
    if (name === '.git') return true;
    return isIgnored(this.layersOf(slash < 0 ? '' : path.slice(0, slash)), path, isDir);
  }

  /**
   * Whether a path is one of the ignore files (or `.git/info/exclude`): a change to it changes
   * what is ignored, which the watcher answers with a rescan.
   * @param path - root-relative
   * @returns true for an ignore file
   */
  isIgnoreFile(path: string): boolean {
    return this.#names.includes(path.slice(path.lastIndexOf('/') + 1)) || path === '.git/info/exclude';
  }

  /**
   * The layers that apply inside a directory, loading its (and its parents') ignore files.
   * @param dir - root-relative directory, '' for the root
   * @returns outermost first
   */
  layersOf(dir: string): readonly IgnoreRules[] {
    const known = this.#layers.get(dir);
    if (known !== undefined) return known;
    const slash = dir.lastIndexOf('/');
    const layers = this.#withOwnFiles(dir, this.layersOf(slash < 0 ? '' : dir.slice(0, slash)));
    this.#layers.set(dir, layers);
    return layers;
  }

  /**
   * Drops the layers of a directory that is gone, and of its subdirectories.
   * @param dir - root-relative directory
   * @param leaf - the caller knows it had no subdirectories (skips a scan of every entry)
   */
  forget(dir: string, leaf = false): void {
    this.#layers.delete(dir);
    if (leaf) return;
    const prefix = `${dir}/`;
    for (const key of [...this.#layers.keys()]) if (key.startsWith(prefix)) this.#layers.delete(key);
  }

  /** Drops every cached layer (after an ignore file changed): they are read again on demand. */
  reset(): void {
    this.#layers.clear();
    this.#layers.set('', this.#withOwnFiles('', this.#base));
  }

  /**
   * Records a directory whose listing is at hand, so that only the ignore files it holds are read;
   * read again each time (a directory watched again may hold other ignore files).
   * @param dir - root-relative directory
   * @param has - whether the listing holds a file of that name
   * @returns the layers that apply inside it
   */
  enter(dir: string, has: (name: string) => boolean): readonly IgnoreRules[] {
    if (dir === '' && this.#layers.has('')) return this.#layers.get('')!;
    const slash = dir.lastIndexOf('/');
    const layers = this.#withOwnFiles(dir, this.layersOf(slash < 0 ? '' : dir.slice(0, slash)), has);
    this.#layers.set(dir, layers);
    return layers;
  }

  #withOwnFiles(dir: string, parent: readonly IgnoreRules[], has?: (name: string) => boolean): readonly IgnoreRules[] {
    let layers = parent;
    for (const name of this.#names) {
      if (has !== undefined && !has(name)) continue;
      const text = readText(join(this.#root, dir, name));
      if (text !== null) layers = [...layers, new IgnoreRules(dir, text)];
    }
    return layers;
  }
}

// An unreadable ignore file counts as absent, as a missing one does (the scanner reports it).
// The stat first avoids building an ENOENT error, with its stack, for every directory.
function readText(path: string): string | null {
  try {
    return statSync(path, { throwIfNoEntry: false })?.isFile() === true ? readFileSync(path, 'utf8') : null;
  } catch {
    return null;
  }
}
