import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { mergeCounts } from '../../../actors/graph/counts-merge.js';
import { NameColumn } from '../../../actors/graph/name-column.js';
import { countNames, fromWireCounts, packCounts } from '../../../actors/graph/partition/index.js';

describe('mergeCounts()', () => {
  it('visits every entry in symbol-table order, equal names in partition order', () => {
    const parts = [packCounts(['b', 'A', 'a'], [1, 2, 3], [0, 0, 0]), packCounts(['a', 'c'], [4, 5], [0, 0]), packCounts([], [], [])];
    const seen: string[] = [];
    mergeCounts(parts, (name, part, i) => seen.push(`${name}@${part}:${parts[part]!.defs[i]}`));
    assert.deepEqual(seen, ['A@0:2', 'a@0:3', 'a@1:4', 'b@0:1', 'c@1:5']);
  });

  it('sorts what a partition sends, and refuses counts out of order instead of merging them wrongly', () => {
    assert.deepEqual(countNames(packCounts(['zeta', 'Alpha', 'alpha', 'beta'], [1, 1, 1, 1], [0, 0, 0, 0])), ['Alpha', 'alpha', 'beta', 'zeta']);
    const unsorted = fromWireCounts({ names: 'b\0a\0', defs: [1, 1], refs: [0, 0] });
    assert.throws(() => mergeCounts([unsorted], () => {}), /partition 0 lists "a" after "b"/);
  });
});

describe('NameColumn.of() across its join chunks', () => {
  it('keeps every name of a column longer than one chunk', () => {
    const names = Array.from({ length: 10_000 }, (_, i) => `n${i}`);
    const col = NameColumn.of(names);
    assert.equal(col.length, names.length);
    for (const i of [0, 4095, 4096, 8191, 8192, 9999]) assert.equal(col.get(i), names[i]);
  });
});
