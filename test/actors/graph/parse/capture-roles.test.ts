import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isTesseraError } from '../../../../protocol/index.js';
import { captureRoles } from '../../../../actors/graph/parse/capture-roles.js';

describe('captureRoles()', () => {
  it('reads every capture name the queries use', () => {
    const roles = captureRoles('x', ['name', 'def.method', 'ref.member-call', 'scope', 'scope.name', 'import', '_require']);

    assert.deepEqual([...roles.values()], [
      { role: 'name' },
      { role: 'def', kind: 'method' },
      { role: 'ref', kind: 'member-call' },
      { role: 'scope' },
      { role: 'scope-name' },
      { role: 'import' },
      { role: 'helper' },
    ]);
  });

  it('rejects an unknown capture or kind with ERR_GRAPH_QUERY_INVALID', () => {
    for (const name of ['def.widget', 'ref.function', 'definition.class']) {
      assert.throws(() => captureRoles('go', [name]), (err) => isTesseraError(err, 'ERR_GRAPH_QUERY_INVALID') && err.message.includes(name));
    }
  });
});
