/**
 * `map [--tokens N]`: an aider-style repo map. Pipeline, each step its own module:
 *
 * ```
 * FileFacts[] ─ buildRefGraph ─▶ factored graph ─ personalisedPageRank ─▶ file ranks
 *   ─ definitionRanks ─▶ (name, file) unit ranks ─ topK ─▶ best units first
 *   ─ fitPrefix (binary search on the rendered length) ─▶ RepoMap
 * ```
 *
 * Units are ordered by rank (descending), then path, then name, so the output is deterministic.
 * The chosen units are always a prefix of that order, so a larger budget never drops a
 * definition that a smaller one chose.
 *
 * @module
 */

import { compareCodeUnits } from './compare-code-units.js';
import type { DefFact, FileFacts } from './graph-facts.js';
import { definitionRanks, unitNames } from './definition-rank.js';
import { fileHeaderChars, signatureLine, symbolLineChars } from './map-render.js';
import { personalisedPageRank } from './page-rank.js';
import { buildRefGraph, type RefGraph } from './ref-graph.js';
import type { MapFile, MapSymbol, RepoMap } from './repo-map.js';
import { CHARS_PER_TOKEN, fitPrefix } from './token-budget.js';
import { topK } from './top-k.js';

/** Default token budget, as aider's `--map-tokens`. */
export const DEFAULT_MAP_TOKENS = 1024;

/** Options of {@link rankMap}. */
export interface RankMapOptions {
  /** Token budget for the rendered map (estimated as `ceil(chars / 4)`). Default 1024. */
  readonly tokens?: number;
  /** What the user is working on. */
  readonly mentioned?: {
    /** Files to personalise PageRank towards (unknown paths are ignored). */
    readonly files?: readonly string[];
    /** Identifiers whose references weigh × 10. */
    readonly names?: readonly string[];
  };
}

/**
 * Builds a repo map: the most important definitions that fit the token budget.
 *
 * @param facts Definitions and reference counts of every file (each file once).
 * @param options Budget and mentioned files and names.
 * @returns The map; `tokens` ≤ the budget and equals `estimateTokens(renderMap(map))`.
 * @throws {RangeError} When `tokens` is not a non-negative number, a file is listed twice, or
 *   a reference count is negative.
 * @example
 * ```ts
 * const map = rankMap(facts, { tokens: 2048, mentioned: { files: ['src/parser.ts'] } });
 * prompt += renderMap(map);
 * ```
 */
export function rankMap(facts: readonly FileFacts[], options: RankMapOptions = {}): RepoMap {
  const tokens = options.tokens ?? DEFAULT_MAP_TOKENS;
  if (!(tokens >= 0 && Number.isFinite(tokens))) throw new RangeError(`Cannot build a repo map: tokens must be a non-negative number: current value is ${tokens}`);
  const graph = buildRefGraph(facts, new Set(options.mentioned?.names ?? []));
  const personalisation = mentionedFiles(graph, options.mentioned?.files ?? []);
  const { ranks } = personalisedPageRank(graph, personalisation === undefined ? {} : { personalisation });
  const unitRank = definitionRanks(graph, ranks);
  const names = unitNames(graph);
  const files = graph.definers.columns;
  // Every rendered definition line costs at least 4 chars (indent, one char, newline), i.e. one
  // token, so no more than `tokens` units can fit: select only that many candidates.
  const candidates = topK(unitRank.length, Math.floor(tokens), (a, b) =>
    unitRank[b]! - unitRank[a]! || files[a]! - files[b]! || compareCodeUnits(graph.names[names[a]!]!, graph.names[names[b]!]!),
  );
  const lines = candidates.length === 0 ? [] : unitLines(graph, facts, candidates, names);
  const prefix = new Float64Array(candidates.length + 1);
  const headed = new Set<number>();
  for (let i = 0; i < candidates.length; i++) {
    const f = files[candidates[i]!]!;
    let chars = 0;
    for (const s of lines[i]!) chars += symbolLineChars(s.signature);
    if (!headed.has(f)) chars += fileHeaderChars(graph.paths[f]!);
    headed.add(f);
    prefix[i + 1] = prefix[i]! + chars;
  }
  const k = fitPrefix(prefix, tokens);
  return { files: assemble(graph, ranks, candidates.subarray(0, k), lines, unitRank), tokens: Math.ceil(prefix[k]! / CHARS_PER_TOKEN) };
}

/** Teleport weights: 1 on each mentioned file that exists; undefined (uniform) when none does. */
function mentionedFiles(graph: RefGraph, files: readonly string[]): Float64Array | undefined {
  const wanted = new Set(files);
  const weights = new Float64Array(graph.paths.length);
  let any = false;
  for (let f = 0; f < graph.paths.length; f++) {
    if (!wanted.has(graph.paths[f]!)) continue;
    weights[f] = 1;
    any = true;
  }
  return any ? weights : undefined;
}

/** The symbols of each candidate unit: the file's definitions of that name, in line order. */
function unitLines(graph: RefGraph, facts: readonly FileFacts[], candidates: Int32Array, names: Int32Array): Omit<MapSymbol, 'rank'>[][] {
  const byFile = new Map<number, Map<string, DefFact[]>>();
  const out: Omit<MapSymbol, 'rank'>[][] = [];
  for (const u of candidates) {
    const f = graph.definers.columns[u]!;
    let groups = byFile.get(f);
    if (groups === undefined) {
      groups = groupByName(facts[graph.factIndex[f]!]!.defs);
      byFile.set(f, groups);
    }
    const defs = groups.get(graph.names[names[u]!]!) ?? [];
    out.push(defs.map((d) => ({ name: d.name, kind: d.kind, line: d.line, signature: signatureLine(d) })));
  }
  return out;
}

function groupByName(defs: readonly DefFact[]): Map<string, DefFact[]> {
  const groups = new Map<string, DefFact[]>();
  for (const d of defs) {
    const g = groups.get(d.name);
    if (g === undefined) groups.set(d.name, [d]);
    else g.push(d);
  }
  return groups;
}

/** Source order; the rest only makes equal-line definitions independent of input order. */
function bySymbolOrder(a: MapSymbol, b: MapSymbol): number {
  return a.line - b.line || compareCodeUnits(a.name, b.name) || compareCodeUnits(a.kind, b.kind) || compareCodeUnits(a.signature, b.signature);
}

/** Groups the chosen units by file: files by rank then path, symbols in source order. */
function assemble(graph: RefGraph, ranks: Float64Array, chosen: Int32Array, lines: Omit<MapSymbol, 'rank'>[][], unitRank: Float64Array): MapFile[] {
  const byFile = new Map<number, MapSymbol[]>();
  for (let i = 0; i < chosen.length; i++) {
    const u = chosen[i]!;
    const f = graph.definers.columns[u]!;
    const list = byFile.get(f) ?? [];
    byFile.set(f, list);
    for (const s of lines[i]!) list.push({ ...s, rank: unitRank[u]! });
  }
  const fileIds = [...byFile.keys()].sort((a, b) => ranks[b]! - ranks[a]! || a - b);
  return fileIds.map((f) => ({
    file: graph.paths[f]!,
    rank: ranks[f]!,
    symbols: byFile.get(f)!.sort(bySymbolOrder),
  }));
}
