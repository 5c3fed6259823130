import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { NameColumn } from '../../../actors/graph/name-column.js';
import { countNames, countsBytes, forEachCount, kNoCounts, packCounts } from '../../../actors/graph/partition/index.js';

describe('NameColumn', () => {
  it('returns each name and compares without slicing', () => {
    const col = NameColumn.of(['alpha', '', 'beta']);

    assert.equal(col.length, 3);
    assert.deepEqual([col.get(0), col.get(1), col.get(2)], ['alpha', '', 'beta']);
    assert.equal(col.equals(0, 'alpha'), true);
    assert.equal(col.equals(0, 'alph'), false);
    assert.equal(col.equals(1, ''), true);
    assert.equal(col.startsWith(2, 'be'), true);
    assert.equal(col.startsWith(2, 'beta!'), false);
    assert.equal(col.startsWith(0, 'beta'), false);
  });

  it('lower-cases in place, shares storage when nothing changes, and re-offsets when lengths change', () => {
    const lower = NameColumn.of(['abc', 'de']);
    assert.equal(lower.toLowerCase(), lower);

    const mixed = NameColumn.of(['AbC', 'İx', 'Q']).toLowerCase();
    assert.deepEqual([mixed.get(0), mixed.get(1), mixed.get(2)], ['abc', 'i̇x', 'q']);
  });

  it('counts one byte per Latin-1 character and two otherwise', () => {
    assert.equal(NameColumn.of(['ab']).bytes, 3 + 8);
    assert.equal(NameColumn.of(['ħ']).bytes, 2 * 2 + 8);
  });
});

describe('packed partition counts', () => {
  it('round-trips names and counts, leaving out a name that holds NUL', () => {
    const c = packCounts(['x', 'bad\0name', 'yz'], [1, 2, 3], [4, 5, 6]);

    assert.deepEqual(countNames(c), ['x', 'yz']);
    assert.deepEqual([...c.defs], [1, 3]);
    assert.deepEqual([...c.refs], [4, 6]);
    const seen: [string, number][] = [];
    forEachCount(c, (name, i) => seen.push([name, i]));
    assert.deepEqual(seen, [['x', 0], ['yz', 1]]);
    assert.equal(countsBytes(c), 'x\0yz\0'.length + 8 * 2 + 3 * 64);
  });

  it('has an empty form', () => {
    assert.deepEqual(countNames(kNoCounts), []);
    assert.equal(kNoCounts.defs.length, 0);
  });
});
