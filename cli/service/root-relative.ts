import { relative, resolve, sep } from 'node:path';

/** A remainder `path.relative` would rewrite: a leading, doubled or trailing `/`, or a `.`/`..` segment. */
const kNotClean = /^\/|\/\/|\/$|(?:^|\/)\.\.?(?:\/|$)/;

/**
 * `path.relative(root, file)` for the hits of every answer. Graph files are mostly the clean
 * absolute paths `root/...`; for those the answer is the rest of the string, found without the
 * two `resolve`s that make `relative` cost about a microsecond per hit. Anything else (another
 * root, `.` or `..` segments, doubled slashes, Windows) takes `relative` itself.
 */
export class RootRelative {
  readonly #root: string;
  /** `root/` when the fast path applies (POSIX, root already normalized), else undefined. */
  readonly #prefix: string | undefined;

  /** @param root - the absolute root results are made relative to */
  constructor(root: string) {
    this.#root = root;
    this.#prefix = sep === '/' && resolve(root) === root ? (root.endsWith('/') ? root : `${root}/`) : undefined;
  }

  /** `file` relative to the root, exactly as `path.relative(root, file)` gives it. */
  of(file: string): string {
    const prefix = this.#prefix;
    if (prefix !== undefined && file.length > prefix.length && file.startsWith(prefix)) {
      const rest = file.slice(prefix.length);
      if (!kNotClean.test(rest)) return rest;
    }
    return relative(this.#root, file);
  }
}
