import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defRows, parseFixture, refRows } from '../../../../fixtures/graph-fixtures.js';

describe('typescriptTagsQuery', () => {
  it('finds classes, members, interfaces, types, enums, namespaces and exported constants in shapes.ts', async () => {
    const tags = await parseFixture('typescript', 'src/shapes.ts');

    assert.equal(tags.language, 'typescript');
    assert.deepEqual(defRows(tags), [
      'class Foo 3:13-9',
      'field count 4:2-4 in Foo',
      'method bar 5:2-8 in Foo',
      'interface Shape 11:17-13',
      'method area 12:2-12 in Shape',
      'type Point 15:12-15',
      'field x 15:22-15 in Point',
      'field y 15:33-15 in Point',
      'enum Color 17:12-20',
      'enumerator Red 18:2-18 in Color',
      'enumerator Green 19:2-19 in Color',
      'module Geometry 22:17-26',
      'function distance 23:18-25 in Geometry',
      'constant MAX_SIZE 28:13-28',
      'function makeFoo 29:13-29',
    ]);
    assert.equal(tags.defs[0]!.signature, 'export class Foo extends Base implements Shape {');
    assert.equal(tags.defs[2]!.signature, 'bar(x: number): Options {');
  });

  it('finds calls, member calls, new, extends, implements and type references in shapes.ts', async () => {
    const tags = await parseFixture('typescript', 'src/shapes.ts');

    assert.deepEqual(refRows(tags), [
      'extends Base 3:25',
      'implements Shape 3:41',
      'type Options 5:18',
      'new Helper 6:18',
      'call baz 7:11',
      'type Point 23:30',
      'type Point 23:40',
      'member-call hypot 24:16',
      'type Foo 29:27',
      'new Foo 29:38',
    ]);
    assert.deepEqual(tags.imports, ['./util.js', '../types', './reexported']);
  });

  it('finds abstract classes and methods and dynamic imports in util.ts', async () => {
    const tags = await parseFixture('typescript', 'src/util.ts');

    assert.deepEqual(defRows(tags), ['function baz 1:16-3', 'class Base 5:22-7', 'method describe 6:11-6 in Base', 'constant lazy 9:6-9']);
    assert.deepEqual(tags.imports, ['./lazy.js']);
  });

  it('finds JSX component uses in view.tsx (tsxTagsQuery)', async () => {
    const tags = await parseFixture('typescript', 'src/view.tsx');

    assert.equal(tags.language, 'tsx');
    assert.deepEqual(defRows(tags), ['function Panel 4:16-7']);
    assert.deepEqual(refRows(tags), ['new Foo 5:18', 'call Card 6:10', 'member-call bar 6:40']);
    assert.deepEqual(tags.imports, ['react', './shapes']);
  });
});
