import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { FileFacts } from '../../../../actors/graph/rank/graph-facts.js';
import { buildRefGraph } from '../../../../actors/graph/rank/ref-graph.js';

const def = (name: string): { name: string; kind: string; line: number; signature: string } => ({ name, kind: 'function', line: 1, signature: name });

describe('buildRefGraph()', () => {
  it('factors references into file → name and name → definer CSRs with aider weights', () => {
    const facts: FileFacts[] = [
      { file: 'b.ts', defs: [def('run'), def('run'), def('_hidden')], refs: [['run', 4], ['nowhere', 2]] },
      { file: 'a.ts', defs: [def('run')], refs: [['run', 1], ['_hidden', 9], ['run', 3]] },
    ];

    const g = buildRefGraph(facts, new Set(['run']));

    assert.deepEqual(g.paths, ['a.ts', 'b.ts']);
    assert.deepEqual([...g.factIndex], [1, 0]);
    assert.deepEqual(g.names, ['run', '_hidden']);
    assert.deepEqual([...g.definers.offsets], [0, 2, 3]);
    assert.deepEqual([...g.definers.columns], [0, 1, 1]);
    assert.deepEqual([...g.refs.offsets], [0, 2, 3]);
    assert.deepEqual([...g.refs.columns], [0, 1, 0]);
    // a.ts: run counted 1 + 3 = 4 → sqrt 2 × 10 (mentioned); _hidden 9 → 3 × 0.1. b.ts: run 4 → 20.
    assert.deepEqual([...g.refWeights].map((w) => Math.round(w * 1e9) / 1e9), [20, 0.3, 20]);
    // Both files define run, so each reference to it has one edge (to the other file), not two.
    assert.deepEqual([...g.refUnits], [0, -1, 1]);
    assert.deepEqual([...g.outWeights].map((w) => Math.round(w * 1e9) / 1e9), [20.3, 20]);
    assert.deepEqual([...g.ownWeights], [20, 20]);
    assert.deepEqual([...g.selfUnits], [0, 0, 0]);
    assert.deepEqual([...g.selfWeights], [0, 0]);
  });

  it('gives definitions no other file references a self edge of 0.1 × their multiplier', () => {
    const g = buildRefGraph(
      [
        { file: 'x.ts', defs: [def('lonelyFunction'), def('tiny'), def('shared')], refs: [['tiny', 9], ['shared', 1]] },
        { file: 'y.ts', defs: [], refs: [['shared', 1]] },
      ],
      new Set(),
    );

    // A file's new names get ids in code-unit order; its references are sorted by name id.
    assert.deepEqual(g.names, ['lonelyFunction', 'shared', 'tiny']);
    assert.deepEqual([...g.refs.columns], [1, 2, 1]);
    assert.deepEqual([...g.selfUnits], [1, 0, 1]);
    assert.deepEqual([...g.refUnits], [1, 2, -1]);
    assert.ok(Math.abs(g.selfWeights[0]! - (0.1 * 10 + 0.1)) < 1e-12);
    assert.equal(g.outWeights[0], g.selfWeights[0]);
    assert.deepEqual([...g.outWeights.subarray(1)], [1]);
  });

  it('rejects a file listed twice and a negative reference count', () => {
    assert.throws(() => buildRefGraph([{ file: 'a', defs: [], refs: [] }, { file: 'a', defs: [], refs: [] }], new Set()), {
      name: 'RangeError',
      message: 'Cannot rank files: a file is listed twice: current value is "a"',
    });
    assert.throws(() => buildRefGraph([{ file: 'a', defs: [], refs: [['x', -1]] }], new Set()), {
      name: 'RangeError',
      message: 'Cannot rank files: reference count of "x" in "a" must be a non-negative number: current value is -1',
    });
  });
});
