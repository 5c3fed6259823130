import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PartitionIndex } from '../../../../actors/graph/index/index.js';
import { answerQuery, NameFilter, partitionFacts, type PartitionSummary } from '../../../../actors/graph/partition/index.js';
import { tsRepo } from '../index/fixture-files.js';

describe('answerQuery()', () => {
  const index = PartitionIndex.build(tsRepo());

  it('locates each completion at its first definition, else its first use', () => {
    const out = answerQuery(index, { type: 'query', op: 'complete', args: { prefix: 'lo', limit: 5 } });

    assert.deepEqual(out, [{ name: 'log', defs: 1, refs: 2, path: 'src/util/index.ts', line: 1, column: 0 }]);
  });

  it('gives imports and local importers their lines', () => {
    assert.deepEqual(answerQuery(index, { type: 'query', op: 'imports', args: { path: 'src/app.ts' } }), [
      { specifier: './parser.js', line: 1 },
      { specifier: './util/index.js', line: 2 },
      { specifier: 'node:fs', line: 1 },
    ]);
    assert.deepEqual(answerQuery(index, { type: 'query', op: 'importers', args: { path: 'src/parser.ts' } }), [{ path: 'src/app.ts', specifier: './parser.js', line: 1 }]);
    assert.equal(answerQuery(index, { type: 'query', op: 'imports', args: { path: 'nope.ts' } }), null);
  });

  it('summarizes the names in a filter that holds each of them', () => {
    const summary = answerQuery(index, { type: 'query', op: 'summary', args: {} }) as PartitionSummary;
    const filter = new NameFilter(summary.filter);

    assert.equal(summary.files, 4);
    assert.ok(['App', 'run', 'parse', 'parseAll', 'log', 'trim', 'console'].every((n) => filter.mayContain(n)));
  });
});

describe('partitionFacts()', () => {
  it('lists definitions, counted references and imports with lines, per file in path order', () => {
    const facts = partitionFacts(PartitionIndex.build(tsRepo()), true);

    assert.deepEqual(facts.map((f) => f.file), ['src/app.ts', 'src/parser.ts', 'src/util/index.ts', 'test/app.test.ts']);
    assert.deepEqual(facts[0], {
      file: 'src/app.ts',
      defs: [
        { name: 'App', kind: 'class', line: 3, signature: 'export class App {' },
        { name: 'run', kind: 'method', line: 4, signature: 'run() {' },
      ],
      refs: [['log', 1], ['parse', 1]],
      imports: [['./parser.js', 1], ['./util/index.js', 2], ['node:fs', 1]],
    });
    assert.deepEqual(facts[2]!.refs, [['console', 1], ['log', 1]]);
  });

  it('leaves definitions and references out when symbols are not asked for', () => {
    const facts = partitionFacts(PartitionIndex.build(tsRepo()), false);

    assert.ok(facts.every((f) => f.defs.length === 0 && f.refs.length === 0));
    assert.deepEqual(facts[0]!.imports.length, 3);
  });
});
