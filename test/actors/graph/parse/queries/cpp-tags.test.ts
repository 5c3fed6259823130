import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defRows, parseFixture, refRows } from '../../../../fixtures/graph-fixtures.js';

describe('cppTagsQuery', () => {
  it('finds namespaces, classes, member declarations, out-of-line methods and templates', async () => {
    const tags = await parseFixture('cpp', 'src/widget.cpp');

    assert.equal(tags.language, 'cpp');
    assert.deepEqual(defRows(tags), [
      'module ui 4:10-23',
      'class Widget 6:6-11 in ui',
      'prototype Widget 8:4-8 in Widget',
      'prototype draw 9:9-9 in Widget',
      'field width 10:8-10 in Widget',
      'method draw 13:13-16 in Widget',
      'function clamp 19:2-21 in ui',
      'function main 25:4-29',
    ]);
  });

  it('finds base classes, qualified calls, member calls and new', async () => {
    const tags = await parseFixture('cpp', 'src/widget.cpp');

    assert.deepEqual(refRows(tags), [
      'extends Base 6:22',
      'call render 14:4',
      'member-call paint 15:12',
      'type T 18:19',
      'type T 19:0',
      'type T 19:8',
      'call max 20:16',
      'type T 20:23',
      'new Widget 26:22',
      'member-call draw 27:7',
    ]);
    assert.deepEqual(tags.imports, ['vector', 'widget.hpp']);
  });
});
