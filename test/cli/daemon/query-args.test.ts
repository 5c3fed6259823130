import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isTesseraError } from '../../../protocol/index.js';
import { parseQueryRequest } from '../../../cli/daemon/query-args.js';

function codeOf(fn: () => unknown): { code: string; field?: unknown } {
  try {
    fn();
  } catch (err) {
    assert.ok(isTesseraError(err), `expected a coded error, got ${String(err)}`);
    return { code: err.code, field: (err.details as { field?: unknown }).field };
  }
  assert.fail('expected an error');
}

describe('parseQueryRequest()', () => {
  it('accepts each operation with its arguments', () => {
    assert.deepEqual(parseQueryRequest('def', { name: 'f', limit: 5 }), { op: 'def', name: 'f', limit: 5 });
    assert.deepEqual(parseQueryRequest('complete', { prefix: '' }), { op: 'complete', prefix: '' });
    assert.deepEqual(parseQueryRequest('search', { pattern: 'a.b', mode: 'regex', ignoreCase: true, include: ['*.ts'], exclude: [] }), {
      op: 'search',
      pattern: 'a.b',
      mode: 'regex',
      ignoreCase: true,
      include: ['*.ts'],
      exclude: [],
    });
    assert.deepEqual(parseQueryRequest('impact', { file: 'src/a.ts' }), { op: 'impact', file: 'src/a.ts' });
    assert.deepEqual(parseQueryRequest('map', null), { op: 'map' });
    assert.deepEqual(parseQueryRequest('map', { tokens: 200 }), { op: 'map', tokens: 200 });
  });

  it('refuses an unknown operation with ERR_DAEMON_UNKNOWN_OP', () => {
    assert.equal(codeOf(() => parseQueryRequest('drop', {})).code, 'ERR_DAEMON_UNKNOWN_OP');
    assert.equal(codeOf(() => parseQueryRequest('__proto__', {})).code, 'ERR_DAEMON_UNKNOWN_OP');
  });

  it('names the argument of a wrong type, a missing one and an unknown one', () => {
    assert.deepEqual(codeOf(() => parseQueryRequest('def', { name: 3 })), { code: 'ERR_DAEMON_BAD_ARGS', field: 'name' });
    assert.deepEqual(codeOf(() => parseQueryRequest('def', {})), { code: 'ERR_DAEMON_BAD_ARGS', field: 'name' });
    assert.deepEqual(codeOf(() => parseQueryRequest('def', { name: 'f', limit: 0 })), { code: 'ERR_DAEMON_BAD_ARGS', field: 'limit' });
    assert.deepEqual(codeOf(() => parseQueryRequest('def', { name: 'f', lmit: 3 })), { code: 'ERR_DAEMON_BAD_ARGS', field: 'lmit' });
    assert.deepEqual(codeOf(() => parseQueryRequest('search', { pattern: 'x', include: [1] })), { code: 'ERR_DAEMON_BAD_ARGS', field: 'include' });
    assert.deepEqual(codeOf(() => parseQueryRequest('outline', ['a'])), { code: 'ERR_DAEMON_BAD_ARGS', field: 'args' });
  });

  it('refuses a regular expression that does not compile', () => {
    assert.deepEqual(codeOf(() => parseQueryRequest('search', { pattern: '(', mode: 'regex' })), { code: 'ERR_DAEMON_BAD_ARGS', field: 'pattern' });
    assert.deepEqual(parseQueryRequest('search', { pattern: '(' }), { op: 'search', pattern: '(' });
  });
});
