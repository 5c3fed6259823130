import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { IgnoreTracker } from '../../../../actors/graph/watch/ignore-tracker.js';
import { TempTree } from './watch-harness.js';

describe('IgnoreTracker', () => {
  const tree = new TempTree();
  after(() => tree.remove());
  tree.write('.gitignore', 'node_modules/\n*.log\n');
  tree.write('pkg/.tesseraignore', '*.gen.ts\n!keep.log\n');
  tree.write('.git/info/exclude', 'secret.ts\n');

  it('applies the root and nested ignore files, deeper ones winning', () => {
    const t = new IgnoreTracker(tree.root);

    assert.equal(t.ignores('node_modules', true), true);
    assert.equal(t.ignores('node_modules', false), false);
    assert.equal(t.ignores('a.log', false), true);
    assert.equal(t.ignores('pkg/x.gen.ts', false), true);
    assert.equal(t.ignores('x.gen.ts', false), false);
    assert.equal(t.ignores('pkg/keep.log', false), false);
    assert.equal(t.ignores('pkg/other.log', false), true);
  });

  it('always ignores .git and reads .git/info/exclude and extra patterns', () => {
    const t = new IgnoreTracker(tree.root, { ignorePatterns: ['*.tmp'] });

    assert.equal(t.ignores('.git', true), true);
    assert.equal(t.ignores('pkg/.git', true), true);
    assert.equal(t.ignores('secret.ts', false), true);
    assert.equal(t.ignores('pkg/a.tmp', false), true);
  });

  it('reads only the ignore file names it is given', () => {
    const t = new IgnoreTracker(tree.root, { ignoreFileNames: [] });

    assert.equal(t.ignores('node_modules', true), false);
    assert.equal(t.isIgnoreFile('.gitignore'), false);
    assert.equal(new IgnoreTracker(tree.root).isIgnoreFile('pkg/.tesseraignore'), true);
  });

  it('reads an ignore file again after reset()', () => {
    const t = new IgnoreTracker(tree.root);
    assert.equal(t.ignores('pkg/b.md', false), false);

    tree.write('pkg/.tesseraignore', '*.md\n');
    assert.equal(t.ignores('pkg/b.md', false), false, 'cached until reset');
    t.reset();

    assert.equal(t.ignores('pkg/b.md', false), true);
  });
});
