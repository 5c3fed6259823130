import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compileIgnorePattern } from '../../../../actors/graph/scan/index.js';

/** [pattern, path relative to the ignore file, isDir, matches] */
type Case = [string, string, boolean, boolean];

function matches(pattern: string, path: string, isDir: boolean): boolean {
  const p = compileIgnorePattern(pattern);
  assert.ok(p !== null, `pattern "${pattern}" compiles`);
  if (p.dirOnly && !isDir) return false;
  return p.regex.test(p.anchored ? path : path.slice(path.lastIndexOf('/') + 1));
}

describe('compileIgnorePattern()', () => {
  it('returns null for blank lines, comments and a lone slash or bang', () => {
    for (const line of ['', '   ', '# comment', '/', '!', '\r']) assert.equal(compileIgnorePattern(line), null, JSON.stringify(line));
  });

  it('reads negation, directory-only and anchoring flags', () => {
    const p = compileIgnorePattern('!/build/')!;

    assert.deepEqual([p.negative, p.dirOnly, p.anchored], [true, true, true]);
    assert.deepEqual([compileIgnorePattern('*.log')!.anchored, compileIgnorePattern('a/b')!.anchored], [false, true]);
  });

  const cases: Case[] = [
    ['*.log', 'a.log', false, true],
    ['*.log', 'deep/dir/a.log', false, true],
    ['*.log', 'a.log.txt', false, false],
    ['build/', 'build', true, true],
    ['build/', 'build', false, false],
    ['build/', 'src/build', true, true],
    ['/build', 'build', false, true],
    ['/build', 'src/build', false, false],
    ['doc/*.txt', 'doc/a.txt', false, true],
    ['doc/*.txt', 'doc/x/a.txt', false, false],
    ['doc/*.txt', 'src/doc/a.txt', false, false],
    ['**/foo', 'foo', false, true],
    ['**/foo', 'a/b/foo', true, true],
    ['**/foo/bar', 'x/foo/bar', false, true],
    ['abc/**', 'abc/x', false, true],
    ['abc/**', 'abc/x/y', false, true],
    ['abc/**', 'abc', true, false],
    ['a/**/b', 'a/b', false, true],
    ['a/**/b', 'a/x/y/b', false, true],
    ['a/**/b', 'a/xb', false, false],
    ['a**b', 'axxb', false, true],
    ['a**b', 'a/b', false, false],
    ['?.c', 'x.c', false, true],
    ['?.c', 'xy.c', false, false],
    ['[abc].md', 'b.md', false, true],
    ['[abc].md', 'd.md', false, false],
    ['[!abc].md', 'd.md', false, true],
    ['[^abc].md', 'a.md', false, false],
    ['[a-c]x', 'bx', false, true],
    ['[[:digit:]]*.txt', '7up.txt', false, true],
    ['[[:digit:]]*.txt', 'up7.txt', false, false],
    ['[]]x', ']x', false, true],
    ['\\#hash', '#hash', false, true],
    ['\\!bang', '!bang', false, true],
    ['trailing   ', 'trailing', false, true],
    ['space\\ ', 'space ', false, true],
    ['a\\*b', 'a*b', false, true],
    ['a\\*b', 'axb', false, false],
    ['Case.txt', 'case.txt', false, false],
    ['*', 'anything/at/all', false, true],
    ['crlf.txt\r', 'crlf.txt', false, true],
  ];
  for (const [pattern, path, isDir, expected] of cases) {
    it(`"${pattern}" ${expected ? 'matches' : 'does not match'} ${isDir ? 'directory' : 'file'} "${path}"`, () => {
      assert.equal(matches(pattern, path, isDir), expected);
    });
  }

  it('treats an unclosed bracket and an unknown POSIX class as matching nothing', () => {
    assert.equal(compileIgnorePattern('[abc'), null);
    assert.equal(compileIgnorePattern('[[:nope:]]'), null);
  });
});
