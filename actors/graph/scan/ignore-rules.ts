import { compileIgnorePattern, type IgnorePattern } from './ignore-pattern.js';

/** What one ignore file says about a path. */
export type IgnoreVerdict = 'ignore' | 'include' | null;

/**
 * The patterns of one ignore file, which apply below the directory that holds it.
 * @example
 * const rules = new IgnoreRules('src', '*.log\n!keep.log\n');
 * rules.verdict('src/a/x.log', false); // 'ignore'
 */
export class IgnoreRules {
  /** Directory of the ignore file, relative to the scan root ('' for the root), `/`-separated. */
  readonly base: string;
  readonly patterns: readonly IgnorePattern[];

  /**
   * @param base - the ignore file's directory relative to the scan root
   * @param text - the file's content
   */
  constructor(base: string, text: string) {
    this.base = base;
    const patterns: IgnorePattern[] = [];
    for (const line of text.split('\n')) {
      const pattern = compileIgnorePattern(line);
      if (pattern !== null) patterns.push(pattern);
    }
    this.patterns = patterns;
  }

  /**
   * The last pattern that matches decides, as in git.
   * @param path - relative to the scan root, `/`-separated, inside {@link base}
   * @param isDir - whether the path is a directory (for `dir/` patterns)
   * @returns 'ignore', 'include' (a `!` pattern matched), or null when no pattern matches
   */
  verdict(path: string, isDir: boolean): IgnoreVerdict {
    const rel = this.base === '' ? path : path.slice(this.base.length + 1);
    const name = rel.slice(rel.lastIndexOf('/') + 1);
    for (let i = this.patterns.length - 1; i >= 0; i--) {
      const p = this.patterns[i]!;
      if (p.dirOnly && !isDir) continue;
      if (p.regex.test(p.anchored ? rel : name)) return p.negative ? 'include' : 'ignore';
    }
    return null;
  }
}

/**
 * Whether a path is ignored by a stack of ignore files, outermost first: a deeper file's
 * verdict overrides a shallower one's. Parents are not re-checked: the walker never enters an
 * ignored directory, which is git's rule that nothing inside an excluded directory can be
 * re-included.
 * @param layers - the ignore files that apply, from the root down
 * @param path - relative to the scan root
 * @param isDir - whether the path is a directory
 * @returns true when the path is ignored
 */
export function isIgnored(layers: readonly IgnoreRules[], path: string, isDir: boolean): boolean {
  for (let i = layers.length - 1; i >= 0; i--) {
    const verdict = layers[i]!.verdict(path, isDir);
    if (verdict !== null) return verdict === 'ignore';
  }
  return false;
}
