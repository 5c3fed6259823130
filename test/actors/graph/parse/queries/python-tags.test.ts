import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defRows, parseFixture, refRows } from '../../../../fixtures/graph-fixtures.js';

describe('pythonTagsQuery', () => {
  it('finds module variables, classes, class fields, methods (decorated too) and functions in models.py', async () => {
    const tags = await parseFixture('python', 'pkg/models.py');

    assert.equal(tags.language, 'python');
    assert.deepEqual(defRows(tags), [
      'variable MAX_ITEMS 6:0-6',
      'class Model 9:6-17',
      'field kind 10:4-10 in Model',
      'method __init__ 12:8-13 in Model',
      'method label 16:8-17 in Model',
      'function build 20:4-22',
    ]);
    assert.equal(tags.defs[4]!.signature, 'def label(self) -> str:');
  });

  it('finds superclasses, calls, attribute calls, decorators and annotations in models.py', async () => {
    const tags = await parseFixture('python', 'pkg/models.py');

    assert.deepEqual(refRows(tags), [
      'extends Base 9:12',
      'type str 12:29',
      'call property 15:5',
      'type str 16:23',
      'call helper 17:15',
      'member-call upper 17:33',
      'call Model 21:8',
      'member-call join 22:19',
    ]);
  });

  it('lists import, dotted import and relative from-imports as written', async () => {
    const tags = await parseFixture('python', 'pkg/models.py');

    assert.deepEqual(tags.imports, ['os', 'collections.abc', '.base', '.']);
  });
});
