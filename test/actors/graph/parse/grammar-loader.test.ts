import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { languageIds, loadGrammar } from '../../../../actors/graph/parse/index.js';

describe('loadGrammar()', () => {
  it('loads every grammar and compiles every tags query', async () => {
    for (const id of languageIds) {
      const grammar = await loadGrammar(id);

      assert.equal(grammar.id, id);
      assert.ok(grammar.query.patternCount() > 5, `${id} query has patterns`);
    }
  });

  it('loads a grammar once per thread', () => {
    assert.equal(loadGrammar('python'), loadGrammar('python'));
  });
});
