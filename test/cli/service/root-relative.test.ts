import assert from 'node:assert/strict';
import { relative } from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { RootRelative } from '../../../cli/service/root-relative.js';

const roots = ['/', '/repo', '/home/me/my repo', '/repo/', '/a/./b', '/a/../r', '/r//x'];

describe('RootRelative', () => {
  it('answers the rest of a clean path under the root', () => {
    assert.equal(new RootRelative('/repo').of('/repo/src/a.ts'), 'src/a.ts');
    assert.equal(new RootRelative('/').of('/src/a.ts'), 'src/a.ts');
  });

  it('agrees with path.relative on paths that are not clean or not under the root', () => {
    const files = ['/repo', '/repo/', '/repo/.', '/repo/..', '/repo/./a', '/repo/a/../b', '/repo//a', '/repo/a/', '/repo/.hidden', '/repo/..x/y', '/repox/a', '/other/a', '/repo/a/.', '/repo/a/..', '/'];
    for (const root of roots) {
      const r = new RootRelative(root);
      for (const file of files) assert.equal(r.of(file), relative(root, file), `${root} ${file}`);
    }
  });

  it('agrees with path.relative on generated paths', () => {
    const segment = fc.constantFrom('a', 'repo', '.', '..', '', '.x', 'x.', '..y', 'src', 'my repo', '\\');
    const path = fc.array(segment, { maxLength: 6 }).map((s) => `/${s.join('/')}`);
    fc.assert(
      fc.property(fc.constantFrom(...roots), path, (root, tail) => {
        const r = new RootRelative(root);
        for (const file of [tail, `${root}${tail}`, `${root}/${tail}`]) assert.equal(r.of(file), relative(root, file), `${root} ${file}`);
      }),
      { numRuns: 2000 },
    );
  });
});
