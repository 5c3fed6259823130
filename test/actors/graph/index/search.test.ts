import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PartitionIndex, type SearchQuery } from '../../../../actors/graph/index/index.js';
import { file, tsRepo } from './fixture-files.js';

const index = PartitionIndex.build([
  ...tsRepo(),
  file('docs/notes.md', 'Parse the input.\nthen RUN it\ncafé CAFÉ\n', { language: 'markdown' }),
  file('empty.txt', '', { language: 'text' }),
]);

/** `path:line:[ranges]` for each match. */
const hits = (q: SearchQuery): string[] => index.search(q).matches.map((m) => `${m.path}:${m.line}:${JSON.stringify(m.ranges)}`);

describe('search()', () => {
  it('finds a literal, case-sensitively by default, with highlighted ranges', () => {
    assert.deepEqual(hits({ patterns: ['parse'] }), [
      'src/app.ts:1:[[9,14],[25,30]]',
      'src/app.ts:5:[[8,13]]',
      'src/parser.ts:1:[[16,21]]',
      'src/parser.ts:4:[[16,21]]',
      'test/app.test.ts:3:[[0,5]]',
    ]);
    const first = index.search({ patterns: ['parse'] }).matches[0]!;
    assert.equal(first.text, "import { parse } from './parser.js';");
    assert.equal(first.column, 9);
  });

  it('ignores case when asked, or under smart case when the pattern is lower case', () => {
    assert.deepEqual(hits({ patterns: ['parse'], ignoreCase: true, include: ['test/**', '*.md'] }), ['docs/notes.md:1:[[0,5]]', 'test/app.test.ts:3:[[0,5],[7,12],[13,18]]']);
    assert.deepEqual(hits({ patterns: ['Parse'], ignoreCase: 'smart', include: ['test/'] }), ['test/app.test.ts:3:[[13,18]]']);
    assert.deepEqual(hits({ patterns: ['café'], ignoreCase: true }), ['docs/notes.md:3:[[0,4],[5,9]]']);
  });

  it('runs regular expressions line by line', () => {
    assert.deepEqual(hits({ patterns: ['^export function \\w+'], mode: 'regex' }), [
      'src/parser.ts:1:[[0,21]]',
      'src/parser.ts:4:[[0,24]]',
      'src/util/index.ts:1:[[0,19]]',
    ]);
    assert.deepEqual(hits({ patterns: ['(get|run)\\('], mode: 'regex' }), ['src/app.ts:4:[[2,6]]', 'test/app.test.ts:2:[[10,14]]']);
    assert.deepEqual(hits({ patterns: ['\\}$'], mode: 'regex', include: ['src/parser.ts'] }), ['src/parser.ts:3:[[0,1]]', 'src/parser.ts:4:[[28,29]]']);
  });

  it('matches empty lines, but no line after a final newline, in whole files and in chunks', () => {
    for (const chunkBytes of [1, 3, 16384]) {
      const small = PartitionIndex.build([file('e.txt', 'a\n\nb\n'), file('f.txt', '\n')], { chunkBytes });

      const r = small.search({ patterns: ['^$'], mode: 'regex' });

      assert.deepEqual(r.matches.map((m) => `${m.path}:${m.line}`), ['e.txt:2', 'f.txt:1'], `chunkBytes ${chunkBytes}`);
    }
  });

  it('requires all keywords on one line, or with scope file anywhere in the file', () => {
    assert.deepEqual(hits({ patterns: ['import', 'App'] }), ['test/app.test.ts:1:[[0,6],[9,12]]']);
    assert.deepEqual(hits({ patterns: ['run', 'App'], scope: 'file', include: ['*.ts'] }), [
      'src/app.ts:3:[[13,16]]',
      'src/app.ts:4:[[2,5]]',
      'test/app.test.ts:1:[[9,12]]',
      'test/app.test.ts:2:[[4,7],[10,13]]',
    ]);
  });

  it('filters paths with include and exclude globs', () => {
    assert.deepEqual(hits({ patterns: ['export'], include: ['src/**'], exclude: ['index.ts', 'parser.ts'] }), ['src/app.ts:3:[[0,6]]']);
  });

  it('stops at the limit and says so, and only then', () => {
    const r = index.search({ patterns: ['parse'], limit: 2 });
    assert.equal(r.matches.length, 2);
    assert.equal(r.truncated, true);
    assert.equal(index.search({ patterns: ['parse'], limit: 5 }).truncated, false);
    assert.equal(index.search({ patterns: ['parse'], limit: 0 }).truncated, true);
  });

  it('reports whether trigrams narrowed the candidates', () => {
    const narrow = index.search({ patterns: ['parseAll'] });
    assert.equal(narrow.usedIndex, true);
    assert.equal(narrow.candidateFiles, 1);
    const full = index.search({ patterns: ['p.r'], mode: 'regex' });
    assert.equal(full.usedIndex, false);
    assert.equal(full.candidateFiles, 5, 'every non-empty file');
  });

  it('never matches a literal that spans lines, and rejects bad input', () => {
    assert.deepEqual(hits({ patterns: ['parse(s: string) {\n  return'] }), []);
    assert.throws(() => index.search({ patterns: [] }), RangeError);
    assert.throws(() => index.search({ patterns: [''] }), RangeError);
    assert.throws(() => index.search({ patterns: ['a('], mode: 'regex' }), SyntaxError);
    assert.throws(() => index.search({ patterns: ['a'], limit: -1 }), RangeError);
  });
});
