import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defRows, parseFixture, refRows } from '../../../../fixtures/graph-fixtures.js';

describe('javascriptTagsQuery', () => {
  it('finds classes, methods, functions, arrow functions and assigned functions in server.js', async () => {
    const tags = await parseFixture('javascript', 'lib/server.js');

    assert.equal(tags.language, 'javascript');
    assert.deepEqual(defRows(tags), [
      'constant http 1:6-1',
      'class Server 4:6-13',
      'method constructor 5:2-8 in Server',
      'method listen 10:2-12 in Server',
      'function handler 15:9-17',
      'function format 19:6-19',
      'function start 20:15-22',
    ]);
  });

  it('finds extends, member calls, calls and new, and both require and import specifiers in server.js', async () => {
    const tags = await parseFixture('javascript', 'lib/server.js');

    assert.deepEqual(refRows(tags), [
      'extends EventEmitter 4:21',
      'member-call createServer 11:16',
      'member-call listen 11:38',
      'member-call end 16:6',
      'call parse 16:10',
      'member-call trim 19:24',
      'new Server 21:13',
    ]);
    assert.deepEqual(tags.imports, ['node:http', './parse.mjs']);
  });

  it('reads .mjs files as JavaScript', async () => {
    const tags = await parseFixture('javascript', 'lib/parse.mjs');

    assert.deepEqual(defRows(tags), ['function parse 1:16-3', 'constant VERSION 5:13-5']);
    assert.deepEqual(refRows(tags), ['call decodeURIComponent 2:9']);
  });
});
