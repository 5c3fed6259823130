import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ourSpelling } from '../../bench/graph/def-coverage.js';

describe('ourSpelling()', () => {
  it('drops the blank ctags writes between operator and its symbol, and nothing else', () => {
    assert.equal(ourSpelling('operator =='), 'operator==');
    assert.equal(ourSpelling('operator ()'), 'operator()');
    assert.equal(ourSpelling('operator new'), 'operator new');
    assert.equal(ourSpelling('operator float'), 'operator float');
    assert.equal(ourSpelling('operatorName'), 'operatorName');
    assert.equal(ourSpelling('parse'), 'parse');
  });
});
