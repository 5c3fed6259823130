import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { globToRegExp, PathFilter } from '../../../../actors/graph/index/path-filter.js';

const matches = (glob: string, path: string): boolean => globToRegExp(glob).test(path);

describe('globToRegExp()', () => {
  it('matches a glob without a slash against any one segment', () => {
    assert.equal(matches('*.ts', 'a/b/c.ts'), true);
    assert.equal(matches('*.ts', 'c.tsx'), false);
    assert.equal(matches('node_modules', 'a/node_modules/x/y.js'), true);
    assert.equal(matches('node_modules', 'a/node_modules_x/y.js'), false);
  });

  it('anchors a glob with a slash at the root, with ** spanning segments', () => {
    assert.equal(matches('src/*.ts', 'src/a.ts'), true);
    assert.equal(matches('src/*.ts', 'src/x/a.ts'), false);
    assert.equal(matches('src/**/*.ts', 'src/a.ts'), true);
    assert.equal(matches('src/**/*.ts', 'src/x/y/a.ts'), true);
    assert.equal(matches('**/test/*.ts', 'test/a.ts'), true);
    assert.equal(matches('**/test/*.ts', 'pkg/test/a.ts'), true);
    assert.equal(matches('/src/**', 'src/x/y'), true);
    assert.equal(matches('src/', 'src/x/y'), true);
    assert.equal(matches('src/', 'lib/src/x'), false);
  });

  it('supports ?, classes, negated classes, braces and escapes', () => {
    assert.equal(matches('a?c.ts', 'abc.ts'), true);
    assert.equal(matches('a?c.ts', 'a/c.ts'), false);
    assert.equal(matches('[ab]x', 'bx'), true);
    assert.equal(matches('[!ab]x', 'cx'), true);
    assert.equal(matches('[!ab]x', 'ax'), false);
    assert.equal(matches('*.{ts,js}', 'q.js'), true);
    assert.equal(matches('*.{ts,js}', 'q.py'), false);
    assert.equal(matches('a\\*b', 'a*b'), true);
    assert.equal(matches('a\\*b', 'axb'), false);
    assert.equal(matches('a+b(c).ts', 'a+b(c).ts'), true);
  });

  it('rejects an empty glob', () => {
    assert.throws(() => globToRegExp(''), RangeError);
  });
});

describe('PathFilter', () => {
  it('needs one include to match and no exclude to match', () => {
    const filter = new PathFilter(['*.ts', '*.md'], ['test/']);

    assert.equal(filter.matches('src/a.ts'), true);
    assert.equal(filter.matches('README.md'), true);
    assert.equal(filter.matches('src/a.js'), false);
    assert.equal(filter.matches('test/a.ts'), false);
    assert.equal(new PathFilter().acceptsAll, true);
  });
});
