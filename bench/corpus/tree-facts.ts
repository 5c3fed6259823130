/**
 * What a benchmark tree holds that makes Tessera, ripgrep and ctags see different files: ignore
 * files (each tool reads its own set), symbolic links (Tessera follows links to files, ripgrep
 * does not without `-L`), `.git` directories (ripgrep applies `.gitignore` only inside a
 * repository unless told `--no-require-git`). Read before any comparison so a difference in
 * the answers can be traced to a difference in the files.
 *
 * @module
 */

import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/** Ignore files by name, as each tool reads them. */
export const kIgnoreFileNames = ['.gitignore', '.tesseraignore', '.ignore', '.rgignore'] as const;

/** Facts about a tree, paths relative to its root. */
export interface TreeFacts {
  /** Every ignore file of {@link kIgnoreFileNames}. */
  readonly ignoreFiles: string[];
  /** Symbolic links (to files or directories). */
  readonly symlinks: string[];
  /** Whether the root or a directory below it has a `.git` entry. */
  readonly gitDirs: string[];
  /** Files and directories whose name starts with a dot (ripgrep skips them without `--hidden`). */
  readonly hidden: number;
}

/**
 * Walks the whole tree (ignoring nothing) and collects the facts.
 * @param root - the tree
 * @returns the facts
 */
export function inspectTree(root: string): TreeFacts {
  const facts = { ignoreFiles: [] as string[], symlinks: [] as string[], gitDirs: [] as string[], hidden: 0 };
  const names: ReadonlySet<string> = new Set(kIgnoreFileNames);
  const walk = (dir: string, rel: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = rel === '' ? entry.name : `${rel}/${entry.name}`;
      if (entry.name.startsWith('.')) facts.hidden++;
      if (entry.name === '.git') facts.gitDirs.push(path);
      else if (entry.isSymbolicLink()) facts.symlinks.push(path);
      else if (entry.isDirectory()) walk(join(dir, entry.name), path);
      else if (names.has(entry.name)) facts.ignoreFiles.push(path);
    }
  };
  walk(root, '');
  return facts;
}
