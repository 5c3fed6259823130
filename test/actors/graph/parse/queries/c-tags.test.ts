import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defRows, parseFixture, refRows } from '../../../../fixtures/graph-fixtures.js';

describe('cTagsQuery', () => {
  it('finds macros, globals, structs, fields, typedefs, enums, functions and prototypes, but no locals', async () => {
    const tags = await parseFixture('c', 'src/list.c');

    assert.equal(tags.language, 'c');
    assert.deepEqual(defRows(tags), [
      'macro LIST_MAX 4:8-4',
      'variable counter 6:11-6',
      'struct node 8:7-11',
      'field value 9:8-9 in node',
      'field next 10:17-10 in node',
      'type node_t 13:20-13',
      'enum color 15:5-15',
      'enumerator RED 15:13-15 in color',
      'enumerator GREEN 15:18-15 in color',
      'function list_push 17:8-22',
      'prototype list_touch 24:5-24',
    ]);
    assert.equal(tags.defs[9]!.signature, 'node_t *list_push(node_t *head, int value) {');
  });

  it('finds calls and type references, and system and local includes', async () => {
    const tags = await parseFixture('c', 'src/list.c');

    assert.deepEqual(refRows(tags), [
      'type node 10:11',
      'type node 13:15',
      'type node_t 17:0',
      'type node_t 17:18',
      'type node_t 18:4',
      'call malloc 18:16',
      'call list_touch 20:4',
      'type node_t 24:16',
    ]);
    assert.deepEqual(tags.imports, ['stdlib.h', 'list.h']);
  });

  it('finds prototypes inside a header guard', async () => {
    const tags = await parseFixture('c', 'src/list.h');

    assert.deepEqual(defRows(tags), ['macro LIST_H 2:8-2', 'prototype list_len 5:4-5']);
  });
});
