import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { definitionRanks, unitNames } from '../../../../actors/graph/rank/definition-rank.js';
import type { FileFacts } from '../../../../actors/graph/rank/graph-facts.js';
import { personalisedPageRank } from '../../../../actors/graph/rank/page-rank.js';
import { buildRefGraph } from '../../../../actors/graph/rank/ref-graph.js';
import { denseDefinitionRanks, denseGraph, densePageRank } from '../../../../property-tests/rank.model.js';

const def = (name: string): { name: string; kind: string; line: number; signature: string } => ({ name, kind: 'function', line: 1, signature: name });

/** Keys each unit as "path name" with its rank. */
function unitRanks(facts: FileFacts[], mentioned: string[] = []): Map<string, number> {
  const graph = buildRefGraph(facts, new Set(mentioned));
  const ranks = personalisedPageRank(graph, { tolerance: 1e-14, maxIterations: 10_000 }).ranks;
  const units = definitionRanks(graph, ranks);
  const names = unitNames(graph);
  return new Map([...units].map((r, u) => [`${graph.paths[graph.definers.columns[u]!]} ${graph.names[names[u]!]}`, r]));
}

describe('definitionRanks()', () => {
  it('splits each file rank over its out-edges by weight, as aider does', () => {
    const facts: FileFacts[] = [
      { file: 'A', defs: [def('a')], refs: [['b', 1], ['c', 4]] },
      { file: 'B', defs: [def('b')], refs: [['c', 1]] },
      { file: 'C', defs: [def('c')], refs: [['a', 1]] },
    ];
    const graph = buildRefGraph(facts, new Set());
    const [xA, xB, xC] = personalisedPageRank(graph, { tolerance: 1e-14, maxIterations: 10_000 }).ranks;

    const ranks = unitRanks(facts);

    assert.ok(Math.abs(ranks.get('A a')! - xC!) < 1e-12);
    assert.ok(Math.abs(ranks.get('B b')! - xA! / 3) < 1e-12);
    assert.ok(Math.abs(ranks.get('C c')! - ((2 * xA!) / 3 + xB!)) < 1e-12);
  });

  it('matches the dense reference, unreferenced self edges and shared names included', () => {
    const facts: FileFacts[] = [
      { file: 'app.ts', defs: [def('main')], refs: [['parseConfig', 3], ['log', 2], ['main', 1]] },
      { file: 'config.ts', defs: [def('parseConfig'), def('unusedHelper')], refs: [['log', 1]] },
      { file: 'io.ts', defs: [def('log'), def('_private')], refs: [] },
      { file: 'log.ts', defs: [def('log')], refs: [] },
    ];
    const g = denseGraph(facts, ['log']);
    const expected = denseDefinitionRanks(g, densePageRank(g));

    const actual = unitRanks(facts, ['log']);

    assert.deepEqual([...actual.keys()].sort(), [...expected.keys()].sort());
    for (const [key, r] of expected) assert.ok(Math.abs(actual.get(key)! - r) < 1e-9, `${key}: ${actual.get(key)} vs ${r}`);
  });
});
