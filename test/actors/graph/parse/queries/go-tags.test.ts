import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defRows, parseFixture, refRows } from '../../../../fixtures/graph-fixtures.js';

describe('goTagsQuery', () => {
  it('finds the package, constants, variables, types by kind, fields and methods with their receiver', async () => {
    const tags = await parseFixture('go', 'shapes/shapes.go');

    assert.equal(tags.language, 'go');
    assert.deepEqual(defRows(tags), [
      'module shapes 1:8-1',
      'constant Pi 8:6-8',
      'variable registry 10:4-10',
      'interface Shape 12:5-14',
      'method Area 13:1-13 in Shape',
      'struct Circle 16:5-18',
      'field Radius 17:1-17 in Circle',
      'type ID 20:5-20',
      'method Area 22:17-24 in Circle',
      'function NewCircle 26:5-29',
    ]);
  });

  it('finds calls, selector calls and composite literals, and skips predeclared types', async () => {
    const tags = await parseFixture('go', 'shapes/shapes.go');

    assert.deepEqual(refRows(tags), [
      'type Shape 10:26',
      'type Circle 22:9',
      'member-call Pow 23:15',
      'type Circle 26:27',
      'member-call Println 27:5',
      'new Circle 28:9',
    ]);
    assert.deepEqual(tags.imports, ['fmt', 'math']);
  });
});
