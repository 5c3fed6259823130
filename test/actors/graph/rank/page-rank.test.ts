import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { FileFacts } from '../../../../actors/graph/rank/graph-facts.js';
import { personalisedPageRank } from '../../../../actors/graph/rank/page-rank.js';
import { buildRefGraph } from '../../../../actors/graph/rank/ref-graph.js';
import { densePageRank, denseGraph } from '../../../../property-tests/rank.model.js';

const def = (name: string): { name: string; kind: string; line: number; signature: string } => ({ name, kind: 'function', line: 1, signature: `function ${name}()` });

/** A → B (weight 1), A → C (weight 2), B → C (1), C → A (1). */
const triangle: FileFacts[] = [
  { file: 'A', defs: [def('a')], refs: [['b', 1], ['c', 4]] },
  { file: 'B', defs: [def('b')], refs: [['c', 1]] },
  { file: 'C', defs: [def('c')], refs: [['a', 1]] },
];

/** Dangling files, self references, a name with two definers, an unreferenced name, repeated refs. */
const mixed: FileFacts[] = [
  { file: 'src/app.ts', defs: [def('main')], refs: [['parseConfig', 3], ['log', 1], ['log', 3], ['main', 1]] },
  { file: 'src/config.ts', defs: [def('parseConfig'), def('unused')], refs: [['readFile', 2]] },
  { file: 'src/io.ts', defs: [def('readFile'), def('log')], refs: [] },
  { file: 'src/log.ts', defs: [def('log')], refs: [['missing', 5]] },
  { file: 'README.md', defs: [], refs: [] },
];

const close = (actual: ArrayLike<number>, expected: ArrayLike<number>, eps = 1e-9): void => {
  assert.equal(actual.length, expected.length);
  for (let i = 0; i < actual.length; i++) assert.ok(Math.abs(actual[i]! - expected[i]!) <= eps, `rank ${i}: ${actual[i]} vs ${expected[i]}`);
};

describe('personalisedPageRank()', () => {
  it('matches the hand-solved ranks of a three-file graph', () => {
    // With α = 0.85 and t = (1 − α) / 3:  xA = t + α xC,  xB = t + α xA / 3,
    // xC = t + α (2 xA / 3 + xB); substituting gives xA = t (1 + α + α²) / (1 − (2α² + α³) / 3).
    const a = 0.85;
    const t = 0.05;
    const xA = (t * (1 + a + a * a)) / (1 - (2 * a * a + a * a * a) / 3);
    const xB = t + (a * xA) / 3;
    const xC = t + a * ((2 * xA) / 3 + xB);

    const result = personalisedPageRank(buildRefGraph(triangle, new Set()), { tolerance: 1e-14, maxIterations: 10_000 });

    close(result.ranks, [xA, xB, xC]);
    assert.ok(Math.abs(xA + xB + xC - 1) < 1e-12);
    assert.equal(result.converged, true);
  });

  it('matches a dense-matrix reference with dangling files, self edges and shared names', () => {
    const graph = buildRefGraph(mixed, new Set(['log']));

    const result = personalisedPageRank(graph, { tolerance: 1e-14, maxIterations: 10_000 });

    close(result.ranks, densePageRank(denseGraph(mixed, ['log'])));
  });

  it('follows the personalisation vector, normalised', () => {
    const personalisation = Float64Array.of(0, 2, 0, 6, 0);

    const result = personalisedPageRank(buildRefGraph(mixed, new Set()), { personalisation, tolerance: 1e-14, maxIterations: 10_000 });

    close(result.ranks, densePageRank(denseGraph(mixed), [0, 1, 0, 3, 0]));
  });

  it('stops at maxIterations and reports that it did not converge', () => {
    const result = personalisedPageRank(buildRefGraph(triangle, new Set()), { tolerance: 1e-300, maxIterations: 3 });

    assert.equal(result.iterations, 3);
    assert.equal(result.converged, false);
    assert.ok(result.delta > 0);
  });

  it('returns no ranks for no files', () => {
    const result = personalisedPageRank(buildRefGraph([], new Set()));

    assert.deepEqual([...result.ranks], []);
    assert.equal(result.converged, true);
  });

  it('rejects bad damping, tolerance, iteration cap and personalisation', () => {
    const graph = buildRefGraph(triangle, new Set());
    const bad: Array<[Parameters<typeof personalisedPageRank>[1], string]> = [
      [{ damping: 1 }, 'Cannot rank files: damping must be in [0, 1): current value is 1'],
      [{ tolerance: 0 }, 'Cannot rank files: tolerance must be positive: current value is 0'],
      [{ maxIterations: 0 }, 'Cannot rank files: maxIterations must be a positive integer: current value is 0'],
      [{ personalisation: Float64Array.of(1) }, 'Cannot rank files: personalisation must have one weight per file (3): current value is 1'],
      [{ personalisation: Float64Array.of(1, -1, 0) }, 'Cannot rank files: personalisation weights must be finite and non-negative: current value is -1'],
      [{ personalisation: Float64Array.of(0, 0, 0) }, 'Cannot rank files: personalisation weights must not all be zero: current value is 0'],
    ];
    for (const [options, message] of bad) assert.throws(() => personalisedPageRank(graph, options), { name: 'RangeError', message });
  });
});
