/**
 * Loads a benchmark corpus for the partition index: every JavaScript/TypeScript file under some
 * roots, with crude tags (see index-micro-tags.ts).
 *
 * @module
 */

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { FileTags } from '../../actors/graph/index/index.js';
import { crudeTags } from './index-micro-tags.js';

/** What was loaded. */
export interface Corpus {
  readonly files: FileTags[];
  readonly lines: number;
  readonly bytes: number;
  /** Files skipped for size. */
  readonly skipped: number;
}

const SOURCE = /\.(?:[cm]?[jt]s|[jt]sx)$/;

/**
 * Reads and tags the corpus.
 *
 * @param base Paths are made relative to this directory.
 * @param roots Directories to walk (symlinks followed by `statSync`).
 * @param maxFileBytes Files larger than this are skipped.
 * @returns The files, sorted by path.
 */
export function loadCorpus(base: string, roots: readonly string[], maxFileBytes = Infinity): Corpus {
  const files: FileTags[] = [];
  let lines = 0;
  let bytes = 0;
  let skipped = 0;
  const seen = new Set<string>();
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const full = join(dir, name);
      const st = statSync(full, { throwIfNoEntry: false });
      if (st === undefined) continue;
      if (st.isDirectory()) walk(full);
      else if (st.isFile() && SOURCE.test(name)) {
        const path = relative(base, full);
        if (seen.has(path)) continue;
        seen.add(path);
        if (st.size > maxFileBytes) {
          skipped++;
          continue;
        }
        const content = readFileSync(full, 'utf8');
        lines += countLines(content);
        bytes += st.size;
        files.push(crudeTags(path, content));
      }
    }
  };
  for (const root of roots) walk(root);
  return { files, lines, bytes, skipped };
}

/** Lines as the index counts them: a trailing `\n` ends the last line. */
export function countLines(text: string): number {
  if (text.length === 0) return 0;
  let n = 1;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
  return text.endsWith('\n') ? n - 1 : n;
}
