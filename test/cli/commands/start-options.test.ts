import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseCommandArgs } from '../../../cli/commands/parse-command-args.js';
import { startCommand } from '../../../cli/commands/start-command.js';
import { detachedChildArgs, parseStartOptions } from '../../../cli/commands/start-options.js';

const parse = (...argv: string[]) => parseStartOptions(parseCommandArgs(startCommand, argv));

describe('parseStartOptions()', () => {
  it('reads every option', () => {
    assert.deepEqual(parse('repo', '--workers', '3', '--memory-budget', '512', '--no-watch', '--socket', '/tmp/t.sock', '--tcp', '0', '--detach', '--json', '--log-level', 'debug'), {
      rootArg: 'repo',
      workers: 3,
      memoryBudgetMb: 512,
      watch: false,
      persist: true,
      socket: '/tmp/t.sock',
      tcpPort: 0,
      detach: true,
      json: true,
      logLevel: 'debug',
    });
  });

  it('refuses bad numbers, levels and extra arguments as usage errors', () => {
    for (const argv of [['--workers', '0'], ['--tcp', '70000'], ['--log-level', 'loud'], ['a', 'b'], ['--memory-budget', '1.5']]) {
      assert.throws(() => parse(...argv), (err: Error & { code?: string }) => err.code === 'ERR_CLI_USAGE', argv.join(' '));
    }
  });
});

describe('detachedChildArgs()', () => {
  it('forwards the options with the resolved root and without --detach', () => {
    const options = parse('.', '--workers', '2', '--no-watch', '--no-persist', '--detach', '--tcp', '0');
    assert.equal(options.persist, false);
    assert.deepEqual(detachedChildArgs(options, '/abs/repo'), ['start', '/abs/repo', '--log-level', 'info', '--workers', '2', '--no-watch', '--no-persist', '--tcp', '0']);
  });
});
