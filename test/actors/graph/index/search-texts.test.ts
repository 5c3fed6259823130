import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compileSearch, PartitionIndex, searchTexts, type SearchQuery } from '../../../../actors/graph/index/index.js';
import { file, tsRepo } from './fixture-files.js';

const files = [...tsRepo(), file('docs/notes.md', 'Parse the input.\nthen RUN it\ncafé CAFÉ\n', { language: 'markdown' }), file('empty.txt', '', { language: 'text' })];
const index = PartitionIndex.build(files);
const texts = files.map((f) => ({ path: f.path, text: f.content })).sort((a, b) => (a.path < b.path ? -1 : 1));

describe('searchTexts()', () => {
  const queries: SearchQuery[] = [
    { patterns: ['parse'] },
    { patterns: ['PARSE'], ignoreCase: true },
    { patterns: ['Parse'], ignoreCase: 'smart' },
    { patterns: ['import', 'parse'] },
    { patterns: ['l[aeiou]g\\('], mode: 'regex' },
    { patterns: ['App', 'log'], scope: 'file' },
    { patterns: ['import'], include: ['src/**'] },
    { patterns: ['import'], exclude: ['**/*.test.ts'] },
    { patterns: ['e'], limit: 3 },
    { patterns: ['e'], limit: 0 },
    { patterns: ['café'], ignoreCase: true },
  ];
  for (const q of queries) {
    it(`answers ${JSON.stringify(q)} as the partition's index does`, () => {
      const fromIndex = index.search(q);
      const fromTexts = searchTexts(texts, compileSearch(q));
      assert.deepEqual(fromTexts.matches, fromIndex.matches);
      assert.equal(fromTexts.truncated, fromIndex.truncated);
      assert.equal(fromTexts.usedIndex, false);
    });
  }

  it('checks the query as search() does', () => {
    assert.throws(() => compileSearch({ patterns: [] }), RangeError);
    assert.throws(() => compileSearch({ patterns: ['('], mode: 'regex' }), SyntaxError);
  });
});
