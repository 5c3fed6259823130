/**
 * Repository-relative path arithmetic (always `/`, never a leading `./`), shared by the import
 * resolver and the index.
 *
 * @module
 */

/** The directory part of a path: `a/b/c.ts` → `a/b`, `c.ts` → `` (the root). */
export function dirname(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash < 0 ? '' : path.slice(0, slash);
}

/** The last segment of a path. */
export function basename(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/**
 * Joins `rel` onto directory `dir`, resolving `.` and `..` segments.
 *
 * @param dir A directory (`` for the root).
 * @param rel A relative path.
 * @returns The normalized path (`` for the root), or `null` when it climbs above the root.
 */
export function joinPath(dir: string, rel: string): string | null {
  const out = dir === '' ? [] : dir.split('/');
  for (const seg of rel.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') {
      if (out.length === 0) return null;
      out.pop();
    } else out.push(seg);
  }
  return out.join('/');
}

/**
 * The key that names a directory as an import target (Go packages): `a/b` → `a/b/`, the root → `./`.
 */
export function dirKey(dir: string): string {
  return dir === '' ? './' : `${dir}/`;
}
