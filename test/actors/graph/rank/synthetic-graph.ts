/**
 * Deterministic synthetic code graphs for the rank benchmark: files in packages of 100, a few
 * definitions each, references drawn with a power-law popularity (a few names are used
 * everywhere, most rarely), some ubiquitous names defined in thousands of files, and import
 * edges biased towards "lower" files so that hubs have deep transitive importers.
 *
 * @module
 */

import type { FileFacts, ImportEdge } from '../../../../actors/graph/rank/index.js';
import { seededRandom } from '../../../../bench/graph/seeded-random.js';

export { seededRandom };

const COMMON = ['render', 'init', 'get', 'update', 'constructor', 'toString', 'create', 'dispose'];

/** Path of synthetic file `i`. */
export function syntheticPath(i: number): string {
  return `packages/pkg${Math.floor(i / 100)}/src/module${i}.ts`;
}

/**
 * Builds `files` files with `refEdges` (file, name) references in all.
 *
 * @param files Number of files.
 * @param refEdges Number of reference entries (spread evenly, ± 50 %).
 * @param seed PRNG seed.
 */
export function syntheticFacts(files: number, refEdges: number, seed = 1): FileFacts[] {
  const rnd = seededRandom(seed);
  const names: string[] = [];
  const out: FileFacts[] = [];
  for (let i = 0; i < files; i++) {
    const defs = [];
    const own = 2 + Math.floor(rnd() * 6);
    for (let j = 0; j < own; j++) {
      const name = j === 0 && rnd() < 0.3 ? COMMON[Math.floor(rnd() * COMMON.length)]! : `${rnd() < 0.1 ? '_' : ''}handle${i}Item${j}`;
      names.push(name);
      defs.push({ name, kind: 'function', line: 1 + j * 12, signature: `export function ${name}(input: Input${j}, options?: Options): Result<${j}> {` });
    }
    out.push({ file: syntheticPath(i), defs, refs: [] });
  }
  const perFile = refEdges / files;
  for (const f of out) {
    const refs: Array<[string, number]> = [];
    const k = Math.round(perFile * (0.5 + rnd()));
    // Popularity ∝ 1 / rank^1.1, sampled by inverting a power law over the name list.
    for (let j = 0; j < k; j++) refs.push([names[Math.floor(names.length * rnd() ** 3)]!, 1 + Math.floor(rnd() * 10)]);
    (f.refs as Array<[string, number]>).push(...refs);
  }
  return out;
}

/**
 * Builds `edges` import edges over `files` files, each from a file to a lower-numbered one most
 * of the time (a DAG with a few back edges, so some cycles).
 */
export function syntheticImports(files: number, edges: number, seed = 2): ImportEdge[] {
  const rnd = seededRandom(seed);
  const out: ImportEdge[] = [];
  for (let e = 0; e < edges; e++) {
    const from = 1 + Math.floor(rnd() * (files - 1));
    const to = rnd() < 0.02 ? Math.floor(rnd() * files) : Math.floor(from * rnd() ** 2);
    out.push({ from: syntheticPath(from), to: syntheticPath(to) });
  }
  return out;
}
