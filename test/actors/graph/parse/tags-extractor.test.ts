import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseSource } from '../../../../actors/graph/parse/index.js';

describe('extractTags()', () => {
  it('drops variables and constants declared inside functions (locals)', async () => {
    const go = await parseSource('a.go', 'package a\nconst Top = 1\nfunc F() {\n\tconst local = 2\n\tvar x int\n}\n');
    const c = await parseSource('a.c', 'int g;\nint f(void) { int local = 1; return local; }\n');

    assert.deepEqual(go.defs.map((d) => d.name), ['a', 'Top', 'F']);
    assert.deepEqual(c.defs.map((d) => d.name), ['g', 'f']);
  });

  it('treats names declared by one node as siblings, not nested', async () => {
    const tags = await parseSource('a.go', 'package a\nvar (\n\tx, y int\n)\n');

    assert.deepEqual(tags.defs.map((d) => [d.name, d.enclosing]), [['a', ''], ['x', ''], ['y', '']]);
  });

  it('lets the first matching pattern decide the kind (a method, not also a function)', async () => {
    const tags = await parseSource('a.rs', 'struct S;\nimpl S {\n    fn m(&self) {}\n}\nfn f() {}\n');

    assert.deepEqual(tags.defs.map((d) => `${d.kind} ${d.name} ${d.enclosing}`), ['struct S ', 'method m S', 'function f ']);
  });

  it('does not list a defined name as a reference to itself', async () => {
    const tags = await parseSource('a.ts', 'interface Shape {}\nlet s: Shape;\n');

    assert.deepEqual(tags.refs.map((r) => `${r.name} ${r.line}`), ['Shape 2']);
  });

  it('ends a #define on its own line, and collapses whitespace in multi-line Rust use lists', async () => {
    const c = await parseSource('a.h', '#define X 1\nint y;\n');
    const rs = await parseSource('a.rs', 'use a::{\n    b,\n    c,\n};\n');

    assert.equal(c.defs[0]!.endLine, 1);
    assert.deepEqual(rs.imports, ['a::{ b, c, }']);
  });
});
