import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { identifierMultiplier } from '../../../../actors/graph/rank/identifier-weight.js';

describe('identifierMultiplier()', () => {
  it('gives × 10 to mentioned names and to long camel, snake and kebab identifiers', () => {
    assert.equal(identifierMultiplier('parse', false, 1), 1);
    assert.equal(identifierMultiplier('parse', true, 1), 10);
    assert.equal(identifierMultiplier('parseConfig', false, 1), 10);
    assert.equal(identifierMultiplier('parse_cfg', false, 1), 10);
    assert.equal(identifierMultiplier('my-element', false, 1), 10);
    assert.equal(identifierMultiplier('parseCfg', true, 1), 100);
  });

  it('does not boost short, single-case or letterless identifiers', () => {
    assert.equal(identifierMultiplier('parseCf', false, 1), 1);
    assert.equal(identifierMultiplier('parseconfig', false, 1), 1);
    assert.equal(identifierMultiplier('MAXVALUE', false, 1), 1);
    assert.equal(identifierMultiplier('________', false, 1), 0.1);
  });

  it('gives × 0.1 to private names and to names defined in more than 5 files', () => {
    assert.equal(identifierMultiplier('_x', false, 1), 0.1);
    assert.equal(identifierMultiplier('init', false, 5), 1);
    assert.equal(identifierMultiplier('init', false, 6), 0.1);
    assert.ok(Math.abs(identifierMultiplier('_initAll', false, 6) - 0.1) < 1e-15);
  });
});
