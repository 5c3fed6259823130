import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { searchQuery } from '../../../actors/graph/graph-search.js';

describe('searchQuery()', () => {
  it('fills in defaults as plain data', () => {
    assert.deepEqual(searchQuery('foo'), { patterns: ['foo'], mode: 'literal', ignoreCase: false, scope: 'line', include: [], exclude: [], limit: 100 });
    assert.deepEqual(searchQuery(['a', 'b'], { mode: 'regex', ignoreCase: 'smart', scope: 'file', include: ['*.ts'], limit: 3 }).patterns, ['a', 'b']);
  });

  it('decides smart case on the patterns as given', () => {
    assert.equal(searchQuery('foo', { ignoreCase: 'smart' }).ignoreCase, true);
    assert.equal(searchQuery(['foo', 'Bar'], { ignoreCase: 'smart' }).ignoreCase, false);
    assert.equal(searchQuery('\\Bfoo', { mode: 'regex', ignoreCase: 'smart' }).ignoreCase, true);
  });

  it('sends patterns with lone surrogates, which msgpack would replace, as equivalent regexes', () => {
    const literal = searchQuery(['a.\ud83d', 'x'], { ignoreCase: 'smart' });
    const regex = searchQuery(['[\ude00]', '\\\ud83d', '😀'], { mode: 'regex' });

    assert.deepEqual([literal.mode, literal.patterns, literal.ignoreCase], ['regex', ['a\\.\\ud83d', 'x'], true]);
    assert.ok(literal.patterns.every((p) => !/[\ud800-\udfff]/u.test(p)));
    assert.ok(new RegExp(literal.patterns[0]!).test('a.😀'));
    assert.deepEqual(regex.patterns, ['[\\ude00]', '\\ud83d', '😀']);
    assert.ok(new RegExp(regex.patterns[1]!).test('😀'));
  });

  it('rejects bad input before any partition sees it', () => {
    assert.throws(() => searchQuery([]), /no pattern given/);
    assert.throws(() => searchQuery(''), /a literal pattern is empty/);
    assert.throws(() => searchQuery('(', { mode: 'regex' }), SyntaxError);
    assert.throws(() => searchQuery('x', { limit: -1 }), /limit must be an integer >= 0: current value is -1/);
    assert.throws(() => searchQuery('x', { include: [''] }), RangeError);
    assert.throws(() => searchQuery([1 as unknown as string]), TypeError);
    assert.throws(() => searchQuery('x', { include: ['\ud83d'] }), /well-formed/);
  });
});
