import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createImportResolver, resolutionKey, targetKeys } from '../../../../actors/graph/index/import-resolver.js';

const r = createImportResolver({ goModule: 'example.com/m' });

describe('createImportResolver()', () => {
  it('resolves TypeScript/JavaScript relative imports, .js to .ts first, then index files', () => {
    const c = r.candidates('./x.js', 'src/a/b.ts', 'typescript');
    assert.deepEqual(c.slice(0, 3), ['src/a/x.ts', 'src/a/x.tsx', 'src/a/x.js']);

    const d = r.candidates('../util', 'src/a/b.ts', 'tsx');
    assert.equal(d[0], 'src/util');
    assert.ok(d.includes('src/util.ts') && d.includes('src/util/index.ts') && d.includes('src/util/index.js'));
    assert.deepEqual(r.candidates('react', 'src/a.ts', 'typescript'), []);
    assert.deepEqual(r.candidates('../../x', 'a.ts', 'javascript'), []);
  });

  it('resolves Python relative and absolute module paths', () => {
    assert.deepEqual(r.candidates('.models', 'pkg/app/views.py', 'python'), ['pkg/app/models.py', 'pkg/app/models/__init__.py']);
    assert.deepEqual(r.candidates('..core.db', 'pkg/app/views.py', 'python'), ['pkg/core/db.py', 'pkg/core/db/__init__.py']);
    assert.deepEqual(r.candidates('.', 'pkg/app/views.py', 'python'), ['pkg/app/__init__.py']);
    assert.deepEqual(r.candidates('pkg.util', 'x/y.py', 'python'), ['pkg/util.py', 'pkg/util/__init__.py']);
  });

  it('resolves Go imports to package directories', () => {
    assert.deepEqual(r.candidates('example.com/m/internal/db', 'cmd/main.go', 'go'), ['internal/db/']);
    assert.deepEqual(r.candidates('example.com/m', 'cmd/main.go', 'go'), ['./']);
    assert.deepEqual(r.candidates('./sub', 'cmd/main.go', 'go'), ['cmd/sub/']);
    assert.deepEqual(r.candidates('fmt', 'cmd/main.go', 'go'), []);
  });

  it('resolves Rust crate, self and super paths, longest module first', () => {
    assert.deepEqual(r.candidates('crate::net::tcp::Stream', 'app/src/main.rs', 'rust'), [
      'app/src/net/tcp/Stream.rs',
      'app/src/net/tcp/Stream/mod.rs',
      'app/src/net/tcp.rs',
      'app/src/net/tcp/mod.rs',
      'app/src/net.rs',
      'app/src/net/mod.rs',
    ]);
    assert.deepEqual(r.candidates('self::inner', 'src/net.rs', 'rust'), ['src/net/inner.rs', 'src/net/inner/mod.rs']);
    assert.deepEqual(r.candidates('super::util', 'src/net/tcp.rs', 'rust'), ['src/net/util.rs', 'src/net/util/mod.rs']);
    assert.deepEqual(r.candidates('super::util', 'src/net/mod.rs', 'rust'), ['src/util.rs', 'src/util/mod.rs']);
    assert.deepEqual(r.candidates('std::io', 'src/lib.rs', 'rust'), []);
  });

  it('resolves C includes next to the file, then from the root; skips system includes', () => {
    assert.deepEqual(r.candidates('util/str.h', 'src/main.c', 'c'), ['src/util/str.h', 'util/str.h']);
    assert.deepEqual(r.candidates('"x.h"', 'x.c', 'cpp'), ['x.h']);
    assert.deepEqual(r.candidates('<stdio.h>', 'src/main.c', 'c'), []);
  });

  it('names its rules in id, including the Go module', () => {
    assert.notEqual(createImportResolver().id, r.id);
  });
});

describe('resolutionKey() / targetKeys()', () => {
  it('strips extensions and index-like basenames so one import has one key', () => {
    assert.equal(resolutionKey('src/x.ts'), 'src/x');
    assert.equal(resolutionKey('src/x.d.ts'), 'src/x');
    assert.equal(resolutionKey('src/x/index.ts'), 'src/x');
    assert.equal(resolutionKey('pkg/__init__.py'), 'pkg');
    assert.equal(resolutionKey('src/.eslintrc.js'), 'src/.eslintrc');
    assert.equal(resolutionKey('cmd/sub/'), 'cmd/sub/');
    assert.deepEqual(targetKeys('cmd/sub/a.go'), ['cmd/sub/a', 'cmd/sub/']);
  });
});
