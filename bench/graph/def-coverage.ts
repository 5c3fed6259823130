/**
 * Definition coverage against universal-ctags: for every ctags definition of a compared kind
 * (see ctags-kinds.ts), does `CodeGraph.def(name)` list a definition of that name in the same
 * file on the same line? Reported per language, per ctags kind, with the most common misses.
 *
 * @module
 */

import type { CodeGraph } from '../../actors/index.js';
import { mapCtagsKind } from './ctags-kinds.js';
import { seededRandom } from './seeded-random.js';

/** One ctags definition. */
interface CtagsDef {
  readonly name: string;
  readonly path: string;
  readonly line: number;
  readonly language: string;
  readonly kind: string;
  readonly pattern: string;
}

/** Coverage of one ctags kind (or a whole language). */
export interface KindCoverage {
  total: number;
  covered: number;
  /** Covered ones whose Tessera kind is one the mapping allows. */
  sameKind: number;
}

/** Coverage of one language. */
export interface LanguageCoverage {
  /** Core kinds only: the figure held to the 95 % target. */
  readonly core: KindCoverage & { coverage: number };
  /** Variables, constants, fields, properties. */
  readonly other: KindCoverage & { coverage: number };
  readonly byKind: Record<string, KindCoverage & { core: boolean }>;
  /** The core kinds missed most: kind, count, a few examples. */
  readonly topMisses: { kind: string; count: number; examples: string[] }[];
  /** The other kinds missed most. */
  readonly topOtherMisses: { kind: string; count: number; examples: string[] }[];
}

/** The whole comparison. */
export interface DefCoverage {
  readonly ctagsDefs: number;
  /** ctags definitions with made-up names (`AnonymousFunction1a2b`, `__anon3c4d`): nothing to look up. */
  readonly anonymous: number;
  /** ctags definitions of kinds that are not compared. */
  readonly notCompared: number;
  /** Distinct names queried. */
  readonly names: number;
  /** Names left out by sampling (0 unless a sample size was given). */
  readonly namesSkipped: number;
  readonly byLanguage: Record<string, LanguageCoverage>;
}

/** Parses ctags' JSON lines (`--output-format=json --fields=+nKl`). */
function parseCtagsJson(text: string): CtagsDef[] {
  const defs: CtagsDef[] = [];
  for (const line of text.split('\n')) {
    if (!line.startsWith('{"_type": "tag"')) continue;
    const t = JSON.parse(line) as Partial<CtagsDef>;
    if (t.name && t.path && t.line && t.language && t.kind) defs.push({ name: t.name, path: t.path, line: t.line, language: t.language, kind: t.kind, pattern: t.pattern ?? '' });
  }
  return defs;
}

// Names ctags makes up for anonymous functions, classes and C++ lambdas.
const ANONYMOUS = /^(?:Anonymous(?:Function|Class|Object)|__anon)[0-9a-f]+$/;

/**
 * ctags' JavaScript parser calls an object literal with members a `class` (`const conf = {`,
 * `meta: {`): such tags get the kind `object`, compared as a variable, not a class.
 */
function refineKind(d: CtagsDef): CtagsDef {
  if (d.language === 'JavaScript' && d.kind === 'class' && !/\b(?:class|function)\b/.test(d.pattern)) return { ...d, kind: 'object' };
  return d;
}

const ratio = (c: KindCoverage): number => (c.total === 0 ? 1 : +(c.covered / c.total).toFixed(4));
const empty = (): KindCoverage => ({ total: 0, covered: 0, sameKind: 0 });

/**
 * Compares ctags' definitions with the graph's.
 * @param graph - the open graph
 * @param ctagsJson - ctags' JSON output for the same files
 * @param sampleNames - query only this many distinct names (seeded sample; default all)
 * @returns coverage per language
 */
export async function defCoverage(graph: CodeGraph, ctagsJson: string, sampleNames = Infinity): Promise<DefCoverage> {
  const all = parseCtagsJson(ctagsJson).map(refineKind);
  const anonymous = all.filter((d) => ANONYMOUS.test(d.name)).length;
  const compared = all.filter((d) => !ANONYMOUS.test(d.name) && mapCtagsKind(d.language, d.kind) !== undefined);
  let names = [...new Set(compared.map((d) => d.name))].sort();
  const totalNames = names.length;
  if (names.length > sampleNames) {
    const random = seededRandom(7);
    names = names.filter(() => random() < sampleNames / totalNames);
  }
  const ours = new Map<string, Map<string, string>>();
  for (const name of names) {
    const r = await graph.def(ourSpelling(name), { limit: 1_000_000 });
    ours.set(name, new Map(r.results.map((row) => [`${row.file}:${row.line}`, row.kind ?? ''])));
  }
  const byLanguage: Record<string, { core: KindCoverage; other: KindCoverage; byKind: Record<string, KindCoverage & { core: boolean }>; misses: Map<string, string[]> }> = {};
  for (const d of compared) {
    const found = ours.get(d.name);
    if (found === undefined) continue;
    const mapping = mapCtagsKind(d.language, d.kind)!;
    const lang = (byLanguage[d.language] ??= { core: empty(), other: empty(), byKind: {}, misses: new Map() });
    const kind = (lang.byKind[d.kind] ??= { ...empty(), core: mapping.core });
    const group = mapping.core ? lang.core : lang.other;
    const ourKind = found.get(`${d.path}:${d.line}`);
    for (const c of [kind, group]) {
      c.total++;
      if (ourKind !== undefined) c.covered++;
      if (ourKind !== undefined && mapping.ours.includes(ourKind)) c.sameKind++;
    }
    if (ourKind === undefined) {
      const list = lang.misses.get(d.kind) ?? [];
      list.push(`${d.path}:${d.line} ${d.name} ${d.pattern.slice(2, 90)}`);
      lang.misses.set(d.kind, list);
    }
  }
  const result: Record<string, LanguageCoverage> = {};
  for (const [language, l] of Object.entries(byLanguage).sort()) {
    result[language] = {
      core: { ...l.core, coverage: ratio(l.core) },
      other: { ...l.other, coverage: ratio(l.other) },
      byKind: l.byKind,
      topMisses: topMisses(l.misses, l.byKind, true, 6),
      topOtherMisses: topMisses(l.misses, l.byKind, false, 3),
    };
  }
  return { ctagsDefs: all.length, anonymous, notCompared: all.length - compared.length - anonymous, names: names.length, namesSkipped: totalNames - names.length, byLanguage: result };
}

/** The kinds with the most misses (core or other), with examples. */
function topMisses(misses: ReadonlyMap<string, string[]>, byKind: Record<string, { core: boolean }>, core: boolean, n: number): { kind: string; count: number; examples: string[] }[] {
  return [...misses]
    .filter(([kind]) => byKind[kind]?.core === core)
    .sort((a, b) => b[1].length - a[1].length)
    .slice(0, n)
    .map(([kind, list]) => ({ kind, count: list.length, examples: spread(list, 4) }));
}

/** `n` items spread over the list (not just its first file). */
function spread(list: readonly string[], n: number): string[] {
  if (list.length <= n) return [...list];
  return Array.from({ length: n }, (_, i) => list[Math.floor((i * list.length) / n)]!);
}

/**
 * A ctags name as tree-sitter spells the same definition: ctags writes a C++ operator with a
 * blank before its symbol (`operator ==`), the grammar's `operator_name` without (`operator==`).
 */
export function ourSpelling(ctagsName: string): string {
  return ctagsName.replace(/^operator\s+(?=[^\w\s])/, 'operator');
}
