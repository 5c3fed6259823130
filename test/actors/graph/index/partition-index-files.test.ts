import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PartitionIndex } from '../../../../actors/graph/index/index.js';
import { tsRepo } from './fixture-files.js';

describe('PartitionIndex.files(), text() and symbolNames()', () => {
  it('read back the live files as given, in path order, across segments and removals', () => {
    const repo = tsRepo();
    const index = PartitionIndex.build(repo.slice(2));
    index.update({ upsert: repo.slice(0, 2) });
    index.remove('src/util/index.ts');

    const withText = index.files(true);
    const tagsOnly = index.files();

    const expected = [repo[0]!, repo[1]!, repo[3]!];
    assert.deepEqual(withText.map((f) => f.path), expected.map((f) => f.path));
    assert.deepEqual(withText.map((f) => f.content), expected.map((f) => f.content));
    assert.deepEqual(withText.map((f) => [f.defs, f.imports]), expected.map((f) => [f.defs, f.imports]));
    assert.ok(tagsOnly.every((f) => f.content === ''));
    assert.equal(index.text('src/parser.ts'), repo[1]!.content);
    assert.equal(index.text('src/util/index.ts'), null);
  });

  it('symbolNames() lists each name with a live definition or reference once', () => {
    const index = PartitionIndex.build(tsRepo());
    index.remove('src/util/index.ts');

    const names = [...index.symbolNames()].sort();

    assert.deepEqual(names, ['App', 'log', 'parse', 'parseAll', 'run', 'trim']);
  });
});
