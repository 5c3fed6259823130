import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { queryCommand } from '../../../cli/commands/query-command.js';
import { parseCommandArgs } from '../../../cli/commands/parse-command-args.js';
import { parseQueryCommandLine, rootRelativeFile } from '../../../cli/commands/query-command-line.js';

const parse = (...argv: string[]) => parseQueryCommandLine(parseCommandArgs(queryCommand, argv));

function usage(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    assert.equal((err as { code?: string }).code, 'ERR_CLI_USAGE');
    return (err as Error).message;
  }
  assert.fail('expected a usage error');
}

describe('parseQueryCommandLine()', () => {
  it('reads the op first when there is no ROOT, second otherwise', () => {
    assert.deepEqual(parse('def', 'parse'), { rootArg: undefined, op: 'def', args: { name: 'parse' } });
    assert.deepEqual(parse('../repo', 'refs', 'x', '--limit', '5'), { rootArg: '../repo', op: 'refs', args: { name: 'x', limit: 5 } });
    assert.deepEqual(parse('map', '--tokens', '300'), { rootArg: undefined, op: 'map', args: { tokens: 300 } });
  });

  it('turns search options into arguments', () => {
    assert.deepEqual(parse('search', 'a.*b', '--regex', '-i', '--include', '*.ts', '--include', 'lib/**', '--exclude', 'test/**').args, {
      pattern: 'a.*b',
      mode: 'regex',
      ignoreCase: true,
      include: ['*.ts', 'lib/**'],
      exclude: ['test/**'],
    });
  });

  it('accepts an empty completion prefix', () => {
    assert.deepEqual(parse('complete', '').args, { prefix: '' });
  });

  it('says what is wrong: no op, unknown op, missing or extra operand, a misplaced option', () => {
    assert.match(usage(() => parse()), /missing the operation/);
    assert.match(usage(() => parse('/r', 'fly')), /unknown operation "fly"/);
    assert.match(usage(() => parse('def')), /def needs NAME/);
    assert.match(usage(() => parse('map', 'extra')), /unexpected argument "extra"/);
    assert.match(usage(() => parse('def', 'x', '--regex')), /--regex applies to search only/);
    assert.match(usage(() => parse('def', 'x', '--limit', 'ten')), /--limit must be an integer/);
  });
});

describe('rootRelativeFile()', () => {
  it('makes a path typed from a subdirectory relative to the root', () => {
    assert.equal(rootRelativeFile('util.ts', '/repo', '/repo/src'), 'src/util.ts');
    assert.equal(rootRelativeFile('/repo/src/a.ts', '/repo', '/elsewhere'), 'src/a.ts');
  });

  it('keeps a path that leads outside the root as typed', () => {
    assert.equal(rootRelativeFile('src/a.ts', '/repo', '/home'), 'src/a.ts');
  });
});
