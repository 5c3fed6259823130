import assert from 'node:assert/strict';
import { PassThrough, Writable } from 'node:stream';
import { describe, it } from 'node:test';
import type { DaemonClient } from '../../../cli/client/daemon-client.js';
import { replHistoryPath, runRepl } from '../../../cli/repl/run-repl.js';

/** A writable that keeps what it was given, and is not a terminal. */
function sink(): Writable & { text: () => string } {
  let text = '';
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      text += chunk.toString();
      done();
    },
  });
  return Object.assign(stream, { text: () => text });
}

describe('runRepl()', () => {
  it('reads piped commands in order: plain results on output, errors on the error stream, no prompt', async () => {
    const client = {
      query: (_op: string, args: { name: string }) => Promise.resolve({ results: [{ file: 'a.ts', line: 1, name: args.name }], truncated: false, took_ms: 0 }),
    } as unknown as DaemonClient;
    const input = new PassThrough();
    const output = sink();
    let errors = '';
    const done = runRepl({ client, root: '/r', cwd: '/r', input, output, errOutput: { write: (t: string) => (errors += t) }, env: {} });
    input.end('def x\n\nnope\ndef y\n');
    assert.equal(await done, 1);
    assert.equal(output.text(), 'a.ts:1: x\na.ts:1: y\n');
    assert.equal(errors, 'error: unknown command "nope": type .help for the commands\n');
  });
});

describe('replHistoryPath()', () => {
  it('takes TESSERA_REPL_HISTORY, empty for none, else ~/.tessera_repl_history', () => {
    assert.equal(replHistoryPath({ TESSERA_REPL_HISTORY: '/tmp/h' }), '/tmp/h');
    assert.equal(replHistoryPath({ TESSERA_REPL_HISTORY: '' }), undefined);
    assert.equal(replHistoryPath({ HOME: '/home/me' }), '/home/me/.tessera_repl_history');
  });
});
