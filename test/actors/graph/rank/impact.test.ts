import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildImportGraph } from '../../../../actors/graph/rank/import-graph.js';
import { impactOf } from '../../../../actors/graph/rank/impact.js';

const e = (from: string, to: string): { from: string; to: string } => ({ from, to });

describe('impactOf()', () => {
  it('lists a chain by increasing depth, each via the next file down', () => {
    const edges = [e('b.ts', 'a.ts'), e('c.ts', 'b.ts'), e('d.ts', 'c.ts')];

    const impact = impactOf(edges, 'a.ts');

    assert.deepEqual(impact, [
      { file: 'b.ts', depth: 1, via: 'a.ts' },
      { file: 'c.ts', depth: 2, via: 'b.ts' },
      { file: 'd.ts', depth: 3, via: 'c.ts' },
    ]);
  });

  it('lists a diamond top once, at its shortest depth, via the first path in order', () => {
    // top imports left and right; both import base; far imports top.
    const edges = [e('top.ts', 'right.ts'), e('top.ts', 'left.ts'), e('right.ts', 'base.ts'), e('left.ts', 'base.ts'), e('far.ts', 'top.ts')];

    const impact = impactOf(edges, 'base.ts');

    assert.deepEqual(impact, [
      { file: 'left.ts', depth: 1, via: 'base.ts' },
      { file: 'right.ts', depth: 1, via: 'base.ts' },
      { file: 'top.ts', depth: 2, via: 'left.ts' },
      { file: 'far.ts', depth: 3, via: 'top.ts' },
    ]);
  });

  it('terminates on a cycle and never lists the queried file', () => {
    const edges = [e('a.ts', 'b.ts'), e('b.ts', 'c.ts'), e('c.ts', 'a.ts'), e('x.ts', 'x.ts')];

    assert.deepEqual(impactOf(edges, 'a.ts'), [
      { file: 'c.ts', depth: 1, via: 'a.ts' },
      { file: 'b.ts', depth: 2, via: 'c.ts' },
    ]);
    assert.deepEqual(impactOf(edges, 'x.ts'), []);
  });

  it('honours limit by cutting the (depth, path) order', () => {
    const edges = [e('z.ts', 'a.ts'), e('y.ts', 'a.ts'), e('m.ts', 'y.ts'), e('b.ts', 'z.ts')];
    const full = impactOf(edges, 'a.ts');

    const limited = [0, 1, 2, 3, 4, 9].map((limit) => impactOf(edges, 'a.ts', { limit }));

    assert.deepEqual(full.map((x) => x.file), ['y.ts', 'z.ts', 'b.ts', 'm.ts']);
    assert.deepEqual(limited, [[], full.slice(0, 1), full.slice(0, 2), full.slice(0, 3), full, full]);
  });

  it('answers the same from a prebuilt graph as from raw edges, and [] for an unknown file', () => {
    const edges = [e('b.ts', 'a.ts'), e('c.ts', 'a.ts'), e('c.ts', 'b.ts')];
    const graph = buildImportGraph(edges);

    assert.deepEqual(impactOf(graph, 'a.ts'), impactOf(edges, 'a.ts'));
    assert.deepEqual(impactOf(graph, 'nope.ts'), []);
  });

  it('rejects a limit that is not a non-negative integer', () => {
    for (const limit of [-1, 1.5, Number.NaN]) {
      assert.throws(() => impactOf([], 'a.ts', { limit }), { name: 'RangeError', message: `Cannot compute the impact of "a.ts": limit must be a non-negative integer: current value is ${limit}` });
    }
  });
});
