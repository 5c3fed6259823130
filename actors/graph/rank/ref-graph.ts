/**
 * The map's reference graph in factored form. Conceptually (as in aider) there is an edge from
 * every file that references a name to every other file that defines it, weighted
 * `sqrt(count) × identifierMultiplier(name)`. Those edges are the product of two sparse
 * relations, so they are stored as two CSRs and never expanded:
 *
 * ```
 * refs      file → name   (weight sqrt(count) × multiplier)      R entries
 * definers  name → file   (every definer gets the same weight)    D units
 * ```
 *
 * A name referenced by r files and defined in d files costs r + d entries instead of r × d
 * edges (`render` referenced by 3,000 files and defined in 2,000 would be 6M edges).
 *
 * Two rules differ from aider, which adds every reference as an edge and a flat 0.1 self edge
 * for names nobody references:
 * - Only cross-file references are edges (the "cross-file reference graph"): a file
 *   calling its own helpers does not keep its rank to itself. In the factored form the
 *   referencing file's own definition is subtracted out (`refUnits`).
 * - A definition unit that no other file references gets a self edge in its file, weighted
 *   `0.1 × multiplier`, so every definition still receives some rank to be sorted by.
 *
 * @module
 */

import { compareCodeUnits } from './compare-code-units.js';
import { buildCsr, type Csr } from './csr.js';
import type { FileFacts } from './graph-facts.js';
import { identifierMultiplier } from './identifier-weight.js';
import { IntList } from './int-list.js';

/** Base weight of the self edge of a definition that no other file references. */
export const UNREFERENCED_SELF_WEIGHT = 0.1;

/** Files, defined names and the factored weighted graph between them. Plain data. */
export interface RefGraph {
  /** File id → path, sorted in code-unit order. */
  readonly paths: readonly string[];
  /** File id → index of its entry in the `facts` input. */
  readonly factIndex: Int32Array;
  /** Name id → identifier; only names that some file defines. */
  readonly names: readonly string[];
  /** Name id → the distinct files defining it, ascending. Position k is definition unit k. */
  readonly definers: Csr;
  /** File id → the defined name ids it references (each once). */
  readonly refs: Csr;
  /** Parallel to `refs.columns`: `sqrt(count) × multiplier`. */
  readonly refWeights: Float64Array;
  /** Parallel to `refs.columns`: the unit of the referencing file's own definition of the name, or -1. */
  readonly refUnits: Int32Array;
  /** Name id → its identifier multiplier. */
  readonly nameMultipliers: Float64Array;
  /** Unit → 1 when no other file references its name (it has the self edge instead), else 0. */
  readonly selfUnits: Uint8Array;
  /** File id → summed self-edge weight of its units in `selfUnits`. */
  readonly selfWeights: Float64Array;
  /** File id → summed weight of its references to names it defines too (no edge: see the module). */
  readonly ownWeights: Float64Array;
  /** File id → total weight of its out-edges in the expanded graph (0 for a dangling file). */
  readonly outWeights: Float64Array;
}

/**
 * Builds the factored reference graph.
 *
 * @param facts One entry per file.
 * @param mentionedNames Identifiers that get the × 10 "mentioned" factor.
 * @returns The graph, O(defs + refs + F log F) time.
 * @throws {RangeError} When a file is listed twice or a reference count is negative or not finite.
 */
export function buildRefGraph(facts: readonly FileFacts[], mentionedNames: ReadonlySet<string>): RefGraph {
  const { paths, factIndex } = sortFiles(facts);
  const { names, ids, definers } = collectDefinitions(facts, factIndex);
  const nameMultipliers = new Float64Array(names.length);
  for (let n = 0; n < names.length; n++) nameMultipliers[n] = identifierMultiplier(names[n]!, mentionedNames.has(names[n]!), rowLength(definers, n));
  const { refs, counts } = collectRefs(facts, factIndex, ids);
  const refWeights = counts.map((c, e) => Math.sqrt(c) * nameMultipliers[refs.columns[e]!]!);
  const refUnits = ownUnits(refs, definers);
  const selfUnits = unreferencedUnits(refs, definers);
  const selfWeights = new Float64Array(paths.length);
  for (let n = 0; n < names.length; n++) {
    for (let k = definers.offsets[n]!; k < definers.offsets[n + 1]!; k++) {
      if (selfUnits[k]) selfWeights[definers.columns[k]!]! += UNREFERENCED_SELF_WEIGHT * nameMultipliers[n]!;
    }
  }
  const outWeights = selfWeights.slice();
  const ownWeights = new Float64Array(paths.length);
  for (let f = 0; f < paths.length; f++) {
    for (let e = refs.offsets[f]!; e < refs.offsets[f + 1]!; e++) {
      const own = refUnits[e]! >= 0 ? 1 : 0;
      outWeights[f]! += refWeights[e]! * (rowLength(definers, refs.columns[e]!) - own);
      ownWeights[f]! += refWeights[e]! * own;
    }
  }
  return { paths, factIndex, names, definers, refs, refWeights, refUnits, nameMultipliers, selfUnits, selfWeights, ownWeights, outWeights };
}

function rowLength(csr: Csr, row: number): number {
  return csr.offsets[row + 1]! - csr.offsets[row]!;
}

/** Sorts the files by path and rejects duplicates. */
function sortFiles(facts: readonly FileFacts[]): { paths: string[]; factIndex: Int32Array } {
  const order = Array.from(facts.keys()).sort((a, b) => compareCodeUnits(facts[a]!.file, facts[b]!.file));
  const paths = order.map((i) => facts[i]!.file);
  for (let i = 1; i < paths.length; i++) {
    if (paths[i] === paths[i - 1]) throw new RangeError(`Cannot rank files: a file is listed twice: current value is "${paths[i]}"`);
  }
  return { paths, factIndex: Int32Array.from(order) };
}

/**
 * Interns defined names and groups their distinct definers, ascending. Ids are canonical: files
 * in path order, and the names a file introduces in code-unit order, so that the floating-point
 * sums below run in the same order whatever order the facts came in.
 */
function collectDefinitions(facts: readonly FileFacts[], factIndex: Int32Array): { names: string[]; ids: Map<string, number>; definers: Csr } {
  const ids = new Map<string, number>();
  const names: string[] = [];
  const lastDefiner = new IntList();
  const pairNames = new IntList();
  const pairFiles = new IntList();
  const fresh: string[] = [];
  for (let f = 0; f < factIndex.length; f++) {
    const defs = facts[factIndex[f]!]!.defs;
    fresh.length = 0;
    for (const d of defs) if (!ids.has(d.name)) fresh.push(d.name);
    if (fresh.length > 1) fresh.sort(compareCodeUnits);
    for (const name of fresh) {
      if (ids.has(name)) continue; // a repeat: equal names are adjacent after the sort
      ids.set(name, names.length);
      names.push(name);
      lastDefiner.push(-1);
    }
    for (const d of defs) {
      const n = ids.get(d.name)!;
      if (lastDefiner.get(n) === f) continue;
      lastDefiner.set(n, f);
      pairNames.push(n);
      pairFiles.push(f);
    }
  }
  return { names, ids, definers: buildCsr(names.length, pairNames.toArray(), pairFiles.toArray()) };
}

/** Per file, the defined names it references with summed counts; rows in file order, each sorted by name id. */
function collectRefs(facts: readonly FileFacts[], factIndex: Int32Array, ids: ReadonlyMap<string, number>): { refs: Csr; counts: Float64Array } {
  let total = 0;
  for (const f of facts) total += f.refs.length;
  const columns = new Int32Array(total);
  const counts = new Float64Array(total);
  const offsets = new Int32Array(factIndex.length + 1);
  const seenIn = new Int32Array(ids.size).fill(-1);
  const slot = new Int32Array(ids.size);
  let len = 0;
  for (let f = 0; f < factIndex.length; f++) {
    const ff = facts[factIndex[f]!]!;
    for (const [name, count] of ff.refs) {
      if (!(Number.isFinite(count) && count >= 0)) {
        throw new RangeError(`Cannot rank files: reference count of "${name}" in "${ff.file}" must be a non-negative number: current value is ${count}`);
      }
      const n = ids.get(name);
      if (n === undefined || count === 0) continue;
      if (seenIn[n] === f) {
        counts[slot[n]!]! += count;
        continue;
      }
      seenIn[n] = f;
      slot[n] = len;
      columns[len] = n;
      counts[len++] = count;
    }
    sortRow(columns, counts, offsets[f]!, len);
    offsets[f + 1] = len;
  }
  return { refs: { offsets, columns: columns.slice(0, len) }, counts: counts.slice(0, len) };
}

/** Sorts `columns[start, end)` ascending, moving `counts` along (canonical summation order). */
function sortRow(columns: Int32Array, counts: Float64Array, start: number, end: number): void {
  if (end - start > 32) {
    const order = Array.from({ length: end - start }, (_, i) => start + i).sort((a, b) => columns[a]! - columns[b]!);
    const c = order.map((i) => columns[i]!);
    const w = order.map((i) => counts[i]!);
    columns.set(c, start);
    counts.set(w, start);
    return;
  }
  // Insertion sort: rows are short (tens of names), and this allocates nothing.
  for (let i = start + 1; i < end; i++) {
    const c = columns[i]!;
    const w = counts[i]!;
    let j = i - 1;
    for (; j >= start && columns[j]! > c; j--) {
      columns[j + 1] = columns[j]!;
      counts[j + 1] = counts[j]!;
    }
    columns[j + 1] = c;
    counts[j + 1] = w;
  }
}

/** For each reference, the unit of the referencing file's own definition of the name, or -1. */
function ownUnits(refs: Csr, definers: Csr): Int32Array {
  const out = new Int32Array(refs.columns.length).fill(-1);
  for (let f = 0; f + 1 < refs.offsets.length; f++) {
    for (let e = refs.offsets[f]!; e < refs.offsets[f + 1]!; e++) out[e] = findInRow(definers, refs.columns[e]!, f);
  }
  return out;
}

/** Binary search for `column` in a CSR row sorted ascending; its position, or -1. */
function findInRow(csr: Csr, row: number, column: number): number {
  let lo = csr.offsets[row]!;
  let hi = csr.offsets[row + 1]! - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const c = csr.columns[mid]!;
    if (c === column) return mid;
    if (c < column) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** Units whose name no file other than their own references. */
function unreferencedUnits(refs: Csr, definers: Csr): Uint8Array {
  const nameCount = definers.offsets.length - 1;
  const referencers = new Int32Array(nameCount);
  const lastReferencer = new Int32Array(nameCount).fill(-1);
  for (let f = 0; f + 1 < refs.offsets.length; f++) {
    for (let e = refs.offsets[f]!; e < refs.offsets[f + 1]!; e++) {
      referencers[refs.columns[e]!]!++;
      lastReferencer[refs.columns[e]!] = f;
    }
  }
  const out = new Uint8Array(definers.columns.length);
  for (let n = 0; n < nameCount; n++) {
    const count = referencers[n]!;
    for (let k = definers.offsets[n]!; k < definers.offsets[n + 1]!; k++) {
      out[k] = count === 0 || (count === 1 && lastReferencer[n] === definers.columns[k]) ? 1 : 0;
    }
  }
  return out;
}
