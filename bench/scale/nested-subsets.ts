/**
 * Nested samples of a tree for the scale benchmark: the files whose path hashes into the first
 * k of 8 buckets, for k = 1, 2, 4 (8 is the tree itself). Every sample keeps the tree's
 * directory shape and mix of files, and each one contains the smaller ones, so the figures by
 * size differ only in how much there is. Ignore files are always kept, so every sample selects
 * the way the whole tree does.
 *
 * Samples are hard links (no copy of the data) in `<cache>/<name>-eighths-<k>/`, built once and
 * reused while their marker matches the source's.
 *
 * @module
 */

import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, linkSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { kIgnoreFileNames } from '../corpus/tree-facts.js';

const keptAlways = new Set<string>([...kIgnoreFileNames]);

/**
 * Which eighth of the tree a path belongs to.
 * @param path - root-relative, `/`-separated
 * @returns 0 to 7
 */
export function eighthOf(path: string): number {
  return createHash('sha1').update(path).digest()[0]! & 7;
}

/** Whether the sample of `eighths` eighths holds `path`. */
export function inSample(path: string, eighths: number): boolean {
  const name = path.slice(path.lastIndexOf('/') + 1);
  return keptAlways.has(name) || eighthOf(path) < eighths;
}

function link(from: string, to: string): void {
  try {
    linkSync(from, to);
  } catch (error) {
    // Another file system, or one without hard links: copy instead.
    if ((error as NodeJS.ErrnoException).code === 'EXDEV' || (error as NodeJS.ErrnoException).code === 'EPERM') copyFileSync(from, to);
    else throw error;
  }
}

function build(source: string, target: string, eighths: number): number {
  let files = 0;
  const walk = (rel: string): void => {
    let made = false;
    for (const entry of readdirSync(join(source, rel), { withFileTypes: true })) {
      const path = rel === '' ? entry.name : `${rel}/${entry.name}`;
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile() && inSample(path, eighths)) {
        if (!made) mkdirSync(join(target, rel), { recursive: true });
        made = true;
        link(join(source, path), join(target, path));
        files++;
      }
    }
  };
  mkdirSync(target, { recursive: true });
  walk('');
  return files;
}

/**
 * Returns the root of the sample holding `eighths` of `source`, building it when missing.
 * @param source - the whole tree
 * @param cacheDir - where samples go
 * @param name - the corpus name (the samples' directory prefix)
 * @param eighths - 1 to 8 (8 returns `source`)
 * @param stamp - identifies the source's content (a package version); a new one rebuilds
 * @returns the sample's root
 */
export function nestedSample(source: string, cacheDir: string, name: string, eighths: number, stamp: string): string {
  if (!Number.isInteger(eighths) || eighths < 1 || eighths > 8) throw new RangeError(`Cannot sample a tree: eighths must be an integer from 1 to 8: current value is ${eighths}`);
  if (eighths === 8) return source;
  const dir = join(cacheDir, `${name}-eighths-${eighths}`);
  const root = join(dir, 'tree');
  const marker = join(dir, 'sample.json');
  if (existsSync(marker) && (JSON.parse(readFileSync(marker, 'utf8')) as { stamp?: string }).stamp === stamp) return root;
  rmSync(dir, { recursive: true, force: true });
  const files = build(source, root, eighths);
  writeFileSync(marker, `${JSON.stringify({ source, eighths, stamp, files }, null, 2)}\n`);
  return root;
}
