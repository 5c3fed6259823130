import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { countLines, dirKeyOf, FileTable } from '../../../actors/graph/file-table.js';

describe('FileTable', () => {
  it('keeps totals and per-directory lists through replace and delete', () => {
    const table = new FileTable();
    table.set('pkg/a.go', { language: 'go', bytes: 10, lines: 2 });
    table.set('pkg/b.go', { language: 'go', bytes: 5, lines: 1 });
    table.set('pkg/c.ts', { language: 'typescript', bytes: 1, lines: 1 });
    table.set('pkg/a.go', { language: 'go', bytes: 20, lines: 4 });
    table.delete('pkg/b.go');
    table.delete('missing');

    assert.deepEqual([table.size, table.bytes, table.lines], [2, 21, 5]);
    assert.deepEqual([...table.filesInDir('pkg/', 'go')], ['pkg/a.go']);
    assert.deepEqual([...table.filesInDir('pkg/', 'rust')], []);
    assert.equal(table.has('pkg/c.ts'), true);
  });

  it('changes its version when a path is added or removed, not when an entry is replaced', () => {
    const table = new FileTable();
    table.set('a.ts', { language: 'typescript', bytes: 1, lines: 1 });
    const added = table.version;
    table.set('a.ts', { language: 'typescript', bytes: 2, lines: 1 });
    table.touch('a.ts', 5);
    table.delete('missing');
    assert.equal(table.version, added);
    table.delete('a.ts');
    assert.notEqual(table.version, added);
    const removed = table.version;
    table.set('b.ts', { language: 'typescript', bytes: 1, lines: 1 });
    assert.notEqual(table.version, removed);
  });
});

describe('countLines()', () => {
  it('counts a last line without a newline and nothing for an empty text', () => {
    assert.deepEqual(['', 'a', 'a\n', 'a\nb', 'a\n\n', '\n'].map(countLines), [0, 1, 1, 2, 2, 1]);
  });
});

describe('dirKeyOf()', () => {
  it('names the directory as the import resolver does', () => {
    assert.deepEqual(['a/b/c.go', 'c.go'].map(dirKeyOf), ['a/b/', './']);
  });
});
