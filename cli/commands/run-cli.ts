import type { CliIo } from './cli-io.js';
import type { Command } from './command.js';
import { kExit, type ExitCode } from './exit-codes.js';
import { metricsCommand } from './metrics-command.js';
import { parseCommandArgs } from './parse-command-args.js';
import { queryCommand } from './query-command.js';
import { replCommand } from './repl-command.js';
import { reportError } from './report-error.js';
import { startCommand } from './start-command.js';
import { statusCommand } from './status-command.js';
import { stopCommand } from './stop-command.js';
import { stressCommand } from './stress-command.js';

/** Every command, in the order `tessera --help` lists them. */
export const kCommands: readonly Command[] = [
  startCommand,
  stopCommand,
  statusCommand,
  queryCommand,
  metricsCommand,
  replCommand,
  stressCommand,
];

/** The version printed by `--version` (kept in step with package.json by a test). */
export const kVersion = '0.1.0';

function mainHelp(): string {
  const width = Math.max(...kCommands.map((c) => c.name.length));
  const list = kCommands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join('\n');
  return `Usage: tessera <command> [options]

Tessera keeps a live code graph of a tree in a local daemon and answers queries in about a
millisecond.

Commands:
${list}

Run "tessera <command> --help" for a command's options. Exit codes: 0 ok (found), 1 nothing
found, 2 usage, 3 no daemon running, 4 other errors.
`;
}

/**
 * Runs `tessera` with `argv` (the arguments after the script).
 * @returns the exit code; errors are printed, never thrown
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<ExitCode> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    const topic = name === 'help' ? kCommands.find((c) => c.name === rest[0]) : undefined;
    io.stdout.write(topic?.help ?? mainHelp());
    return name === undefined ? kExit.usage : kExit.ok;
  }
  if (name === '--version' || name === '-v') {
    io.stdout.write(`tessera ${kVersion}\n`);
    return kExit.ok;
  }
  const command = kCommands.find((c) => c.name === name);
  if (command === undefined) {
    io.stderr.write(`tessera: unknown command "${name}"\n  Run "tessera --help" for the commands.\n`);
    return kExit.usage;
  }
  try {
    const args = parseCommandArgs(command, rest);
    if (args.values.help === true) {
      io.stdout.write(command.help);
      return kExit.ok;
    }
    return await command.run(args, io);
  } catch (err) {
    return reportError(err, io, command.name);
  }
}
