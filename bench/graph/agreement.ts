/**
 * Agreement with real tools: `npm run -s bench -- graph-agreement [--root PATH] [--json] [--quick]`.
 *
 * - search: for each pattern of search-agreement.ts, `CodeGraph.search` returns exactly the
 *   (file, line) set ripgrep prints over the same files;
 * - definitions: `CodeGraph.def` covers at least 95 % of universal-ctags' definitions of the
 *   core kinds, per language (def-coverage.ts).
 *
 * `--quick` queries a sample of 5,000 of ctags' distinct names instead of all of them.
 *
 * @module
 */

import { CodeGraph } from '../../actors/index.js';
import { ensureCorpus, kCorpusName } from '../corpus/ensure-corpus.js';
import { inspectTree } from '../corpus/tree-facts.js';
import type { BenchArgs } from '../bench-args.js';
import type { BenchResult, BenchRow } from '../report.js';
import { censusTree } from './corpus-census.js';
import { runCtags } from './ctags.js';
import { defCoverage, type DefCoverage } from './def-coverage.js';
import { findPeerTool } from './peer-tools.js';
import { sampleQueries } from './query-sample.js';
import { seededRandom } from './seeded-random.js';
import { agreementPatterns, comparePattern, type PatternAgreement } from './search-agreement.js';

const kMaxFileBytes = 1 << 20;
const kCoreTarget = 0.95;

/** Frequent identifiers (200 to 2,000 code occurrences, 6+ characters), seeded pick. */
function commonNames(identifiers: ReadonlyMap<string, number>, n: number): string[] {
  const pool = [...identifiers].filter(([name, c]) => c >= 200 && c <= 2000 && name.length >= 6).map(([name]) => name).sort();
  const random = seededRandom(11);
  return Array.from({ length: Math.min(n, pool.length) }, () => pool[Math.floor(random() * pool.length)]!);
}

function searchRows(results: readonly PatternAgreement[]): BenchRow[] {
  return results.map((r) => ({
    metric: `search ${r.mode}${r.ignoreCase ? ' -i' : ''} ${JSON.stringify(r.pattern).slice(0, 60)}`,
    value: `${r.tessera} lines`,
    peer: `rg ${r.rg}`,
    target: 'same (file, line) set',
    met: r.equal,
  }));
}

function defRows(cov: DefCoverage): BenchRow[] {
  return Object.entries(cov.byLanguage).flatMap(([language, l]) => [
    {
      metric: `defs ${language}, core kinds (ctags ${l.core.total})`,
      value: `${(l.core.coverage * 100).toFixed(1)} %`,
      peer: `same kind ${((l.core.sameKind / Math.max(1, l.core.covered)) * 100).toFixed(1)} %`,
      target: '>= 95 %',
      met: l.core.coverage >= kCoreTarget,
    },
    { metric: `defs ${language}, other kinds (ctags ${l.other.total})`, value: `${(l.other.coverage * 100).toFixed(1)} %`, target: 'informational' },
  ]);
}

/**
 * Runs the agreement checks.
 * @param args - `--root` (default: the pinned npm corpus), `--quick`
 * @returns a row per pattern and per language, and the details as JSON
 */
export async function runGraphAgreement(args: BenchArgs): Promise<BenchResult> {
  const root = args.root ?? ensureCorpus().root;
  const facts = inspectTree(root);
  const census = await censusTree(root, kMaxFileBytes);
  const rare = sampleQueries(census.identifiers, 0, 40, 1234).selective;
  const common = commonNames(census.identifiers, 6);
  census.identifiers.clear();
  const rg = findPeerTool('rg');
  const ctags = findPeerTool('ctags');
  const graph = await CodeGraph.open({ root, maxFileBytes: kMaxFileBytes });
  try {
    const search: PatternAgreement[] = [];
    if (rg.command !== null) {
      for (const p of agreementPatterns(rare, common)) search.push(await comparePattern(graph, rg.command, root, p, kMaxFileBytes));
    }
    let defs: DefCoverage | null = null;
    if (ctags.command !== null) {
      const selection = facts.ignoreFiles.length === 0 && census.ignored === 0 ? { kind: 'recurse' as const, exclude: census.skipped.map((p) => p.path) } : { kind: 'list' as const, files: census.files };
      const run = runCtags(ctags.command, root, selection, 'json');
      defs = await defCoverage(graph, run.json, args.quick ? 5000 : Infinity);
    }
    const languages = defs === null ? [] : Object.values(defs.byLanguage);
    const json = {
      corpus: args.root === undefined ? kCorpusName : 'root',
      root,
      files: census.files.length,
      lines: census.lines,
      ignore_files: facts.ignoreFiles,
      symlinks: facts.symlinks.length,
      rg_version: rg.version,
      rg_note: rg.note,
      search_patterns: search.length,
      search_equal: search.filter((s) => s.equal).length,
      ctags_version: ctags.version,
      ctags_note: ctags.note,
      defs_core_min_coverage: languages.length === 0 ? null : Math.min(...languages.map((l) => l.core.coverage)),
      defs_core_target_met: languages.length === 0 ? null : languages.every((l) => l.core.coverage >= kCoreTarget),
      search,
      defs,
      node: process.version,
      quick: args.quick,
    };
    const rows: BenchRow[] = [
      ...(rg.command === null ? [{ metric: 'search vs ripgrep', value: `skipped: ${rg.note}` }] : searchRows(search)),
      ...(defs === null ? [{ metric: 'defs vs universal-ctags', value: `skipped: ${ctags.note}` }] : defRows(defs)),
    ];
    return { rows, json };
  } finally {
    await graph.close();
  }
}
