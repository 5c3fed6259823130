import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseReplLine, ReplUsageError, splitWords } from '../../../cli/repl/repl-line.js';

describe('parseReplLine()', () => {
  it('turns query lines into the daemon op and args', () => {
    assert.deepEqual(parseReplLine('def Foo'), { type: 'query', op: 'def', args: { name: 'Foo' } });
    assert.deepEqual(parseReplLine('search "a b" --regex -i --limit 5'), {
      type: 'query',
      op: 'search',
      args: { pattern: 'a b', limit: 5, mode: 'regex', ignoreCase: true },
    });
    assert.deepEqual(parseReplLine('map --tokens 60'), { type: 'query', op: 'map', args: { tokens: 60 } });
  });

  it('reads send KIND ID JSON with the JSON taken whole', () => {
    assert.deepEqual(parseReplLine('send partition 0 {"type": "query", "op": "summary"}'), {
      type: 'send',
      actor: 'partition/0',
      msg: { type: 'query', op: 'summary' },
    });
  });

  it('understands the other commands and blank lines', () => {
    assert.deepEqual(parseReplLine('  '), { type: 'empty' });
    assert.deepEqual(parseReplLine('.help'), { type: 'help' });
    assert.deepEqual(parseReplLine('watch'), { type: 'watch' });
    assert.deepEqual(parseReplLine('evict all'), { type: 'evict', target: 'all' });
    assert.deepEqual(parseReplLine('budget 512'), { type: 'budget', mb: 512 });
  });

  it('rejects unknown commands, missing operands, bad values and bad JSON with a reason', () => {
    const cases: [string, RegExp][] = [
      ['fly', /^unknown command "fly": type \.help/],
      ['def', /^def needs NAME$/],
      ['refs a b', /^unexpected argument "b"/],
      ['outline x --regex', /--regex applies to search only/],
      ['budget lots', /budget MB.*current value is "lots"/],
      ['send partition 0 {nope', /not JSON/],
      ['stats now', /stats takes no argument/],
    ];
    for (const [line, reason] of cases) assert.throws(() => parseReplLine(line), (err: unknown) => err instanceof ReplUsageError && reason.test(err.message), line);
  });
});

describe('splitWords()', () => {
  it('keeps quoted blanks and unescapes double quotes', () => {
    assert.deepEqual(splitWords(`search "say \\"hi\\"" 'a b' c`), ['search', 'say "hi"', 'a b', 'c']);
  });
});
