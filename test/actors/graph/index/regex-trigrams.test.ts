import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { regexQuery } from '../../../../actors/graph/index/regex-trigrams.js';
import { literalQuery, type TrigramQuery } from '../../../../actors/graph/index/trigram-query.js';
import { trigramsOf } from '../../../../actors/graph/index/trigram.js';

/** Renders a query with trigrams as text, operands sorted, for readable expectations. */
function show(q: TrigramQuery): string {
  switch (q.op) {
    case 'all':
      return '*';
    case 'tri':
      return String.fromCharCode(q.trigram >> 16, (q.trigram >> 8) & 0xff, q.trigram & 0xff);
    default:
      return `${q.op}(${q.of.map(show).sort().join(' ')})`;
  }
}

/** `and(…)` of the given trigrams, as show() renders it. */
const and = (...tris: string[]): string => `and(${tris.sort().join(' ')})`;

describe('regexQuery()', () => {
  it('treats a plain regex like its literal', () => {
    assert.equal(show(regexQuery('parseAll', false)), show(literalQuery('parseAll', false)));
    assert.equal(show(regexQuery('abcd', false)), 'and(abc bcd)');
  });

  it('uses a literal prefix and drops what follows a class or a wildcard', () => {
    assert.equal(show(regexQuery('^handle\\w+', false)), and('han', 'and', 'ndl', 'dle'));
    assert.equal(show(regexQuery('fooBar.*', false)), and('foo', 'oob', 'oba', 'bar'));
  });

  it('turns alternations of literals into an OR of their trigrams', () => {
    assert.equal(show(regexQuery('(get|set)Value', false)), `or(${[and('get', 'etv', 'tva', 'val', 'alu', 'lue'), and('set', 'etv', 'tva', 'val', 'alu', 'lue')].sort().join(' ')})`);
    assert.equal(show(regexQuery('colou?r', false)), `or(${[and('col', 'olo', 'lor'), and('col', 'olo', 'lou', 'our')].sort().join(' ')})`);
  });

  it('keeps trigrams on both sides of a wildcard in a concatenation', () => {
    assert.equal(show(regexQuery('alpha.*omega', false)), and('alp', 'lph', 'pha', 'ome', 'meg', 'ega'));
  });

  it('understands escapes, groups, assertions and bounded repeats', () => {
    assert.equal(show(regexQuery('a\\.b\\x41', false)), show(literalQuery('a.bA', false)));
    assert.equal(show(regexQuery('(?:ab)(?=zz)\\bcd', false)), show(literalQuery('abcd', false)));
    assert.equal(show(regexQuery('(?<n>xy){2}', false)), show(literalQuery('xyxy', false)));
    assert.equal(show(regexQuery('(abc)+', false)), 'abc');
  });

  it('falls back to a full scan when no trigram is required', () => {
    for (const re of ['a.c', '\\w+', 'ab|cde', '(abc)*', 'x[yz]w', '(.)\\1', '']) assert.equal(show(regexQuery(re, false)), '*', re);
  });

  it('skips non-ASCII letters when case is ignored, but not when it matters', () => {
    assert.equal(show(regexQuery('éabc', true)), 'abc');
    assert.equal(show(regexQuery('éab', false)), and(...trigramsOf('éab').map((t) => show({ op: 'tri', trigram: t }))));
  });
});
