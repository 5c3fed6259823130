import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defRows, parseFixture, refRows } from '../../../../fixtures/graph-fixtures.js';

describe('rustTagsQuery', () => {
  it('finds items, variants, fields, trait methods and impl methods enclosed by the implemented type', async () => {
    const tags = await parseFixture('rust', 'src/lib.rs');

    assert.equal(tags.language, 'rust');
    assert.deepEqual(defRows(tags), [
      'constant LIMIT 4:10-4',
      'struct Stack 6:11-8',
      'field items 7:4-7 in Stack',
      'enum Op 10:9-13',
      'enumerator Push 11:4-11 in Op',
      'enumerator Pop 12:4-12 in Op',
      'trait Shape 15:10-17',
      'method area 16:7-16 in Shape',
      'method push 20:11-23 in Stack',
      'method area 27:7-29 in Circle',
      'module util 32:8-32',
      'macro square 34:13-36',
      'function make 38:7-42',
    ]);
  });

  it('finds calls, method calls, macro uses, struct literals, trait impls and type references', async () => {
    const tags = await parseFixture('rust', 'src/lib.rs');

    assert.deepEqual(refRows(tags), [
      'type T 6:17',
      'type Vec 7:11',
      'type T 7:15',
      'type T 19:5',
      'type Stack 19:8',
      'type T 19:14',
      'type T 20:33',
      'member-call push 21:19',
      'call helper 22:8',
      'implements Shape 26:5',
      'type Circle 26:15',
      'call compute 28:8',
      'type HashMap 38:17',
      'type String 38:25',
      'type Config 38:33',
      'new Circle 39:12',
      'macro square 40:15',
      'call new 41:13',
    ]);
    assert.deepEqual(tags.imports, ['std::collections::HashMap', 'crate::util::{helper, Config}']);
  });
});
