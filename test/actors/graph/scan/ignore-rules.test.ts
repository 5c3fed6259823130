import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { IgnoreRules, isIgnored } from '../../../../actors/graph/scan/index.js';

describe('IgnoreRules', () => {
  it('verdict() lets the last matching pattern decide', () => {
    const rules = new IgnoreRules('', '*.log\n!keep.log\n');

    assert.equal(rules.verdict('a.log', false), 'ignore');
    assert.equal(rules.verdict('keep.log', false), 'include');
    assert.equal(rules.verdict('a.txt', false), null);
  });

  it('verdict() anchors patterns at the ignore file\'s own directory', () => {
    const rules = new IgnoreRules('src/app', '/gen\nlib/*.js\n');

    assert.equal(rules.verdict('src/app/gen', true), 'ignore');
    assert.equal(rules.verdict('src/app/x/gen', true), null);
    assert.equal(rules.verdict('src/app/lib/a.js', false), 'ignore');
  });
});

describe('isIgnored()', () => {
  it('lets a deeper ignore file override a shallower one, both ways', () => {
    const layers = [new IgnoreRules('', 'build/\n*.tmp\n'), new IgnoreRules('pkg', '!build/\n!keep.tmp\n')];

    assert.equal(isIgnored(layers, 'build', true), true);
    assert.equal(isIgnored(layers, 'pkg/build', true), false);
    assert.equal(isIgnored(layers, 'pkg/a.tmp', false), true);
    assert.equal(isIgnored(layers, 'pkg/keep.tmp', false), false);
  });

  it('does not re-check parent directories (the walker never enters an ignored one)', () => {
    const layers = [new IgnoreRules('', 'build/\n'), new IgnoreRules('pkg', '!build/\n')];

    assert.equal(isIgnored(layers, 'pkg/build/out.js', false), false);
  });
});
