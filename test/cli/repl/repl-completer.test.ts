import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { DaemonClient } from '../../../cli/client/daemon-client.js';
import { completeReplLine } from '../../../cli/repl/repl-completer.js';

/** A client whose `complete` query answers `names`, recording the prefixes asked. */
function fakeClient(names: string[], asked: string[] = []): DaemonClient {
  return {
    query: (_op: string, args: { prefix: string }) => {
      asked.push(args.prefix);
      return Promise.resolve({ results: names.map((name) => ({ file: 'f', line: 1, name })), truncated: false, took_ms: 0 });
    },
  } as unknown as DaemonClient;
}

describe('completeReplLine()', () => {
  it('completes the first word from the command names', async () => {
    assert.deepEqual(await completeReplLine('im', fakeClient([])), [['imports', 'importers', 'impact'], 'im']);
  });

  it('completes the argument of def, refs and complete through the complete query, without duplicates', async () => {
    const asked: string[] = [];
    assert.deepEqual(await completeReplLine('def ba', fakeClient(['baz', 'bar', 'baz'], asked)), [['baz', 'bar'], 'ba']);
    assert.deepEqual(asked, ['ba']);
  });

  it('offers nothing for other arguments, or when the daemon fails', async () => {
    assert.deepEqual(await completeReplLine('outline sr', fakeClient(['x'])), [[], 'sr']);
    const broken = { query: () => Promise.reject(new Error('gone')) } as unknown as DaemonClient;
    assert.deepEqual(await completeReplLine('refs q', broken), [[], 'q']);
  });
});
