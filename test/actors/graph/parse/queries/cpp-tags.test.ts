import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseSource } from '../../../../../actors/graph/parse/index.js';
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

  it('finds specializations, qualified classes, reference typedefs and pointer or reference returns', async () => {
    const source = [
      'template <typename T> struct Factory;',
      'template <> struct Factory<int> : Base<int> {};',
      'template <typename T> class Info<T*> {};',
      'class Object::iterator {};',
      'typedef const Info<int>& ARGS;',
      'typedef void (Deleter)(int);',
      'template <> int To<int>(long v) { return 0; }',
      'class Str {',
      '  char* operator*() { return p; }',
      '  Str& operator=(const Str& o) { return *this; }',
      '  const char* Message() const { return p; }',
      '};',
      'Str& Str::operator+=(int n) { return *this; }',
      'T& Outer::Inner::get() { return v; }',
      'int& counter() { return n; }',
    ].join('\n');
    const tags = await parseSource('a.cpp', source);

    assert.deepEqual(defRows(tags), [
      'struct Factory 2:19-2',
      'class Info 3:28-3',
      'class iterator 4:14-4 in Object',
      'type ARGS 5:25-5',
      'type Deleter 6:14-6',
      'function To 7:16-7',
      'class Str 8:6-12',
      'method operator* 9:8-9 in Str',
      'method operator= 10:7-10 in Str',
      'method Message 11:14-11 in Str',
      'method operator+= 13:10-13 in Str',
      'method get 14:17-14 in Inner',
      'function counter 15:5-15',
    ]);
  });

  it('finds a namespace left open in an ERROR by preprocessor branches', async () => {
    const source = '#if X\nnamespace A {\n#else\nnamespace B {\n#endif\nclass C : public D {\n};\n}\n';
    const tags = await parseSource('a.cpp', source);

    assert.deepEqual(defRows(tags), ['module A 2:10-2', 'module B 4:10-8', 'class C 6:6-7 in B']);
  });
});

