import type { ParseArgsConfig } from 'node:util';
import type { CliIo } from './cli-io.js';
import type { ExitCode } from './exit-codes.js';

/** Option definitions, as `node:util` parseArgs takes them. */
export type OptionSpecs = NonNullable<ParseArgsConfig['options']>;

/** A parsed command line: option values by name, and the positionals. */
export interface ParsedArgs {
  readonly values: Readonly<Record<string, string | boolean | (string | boolean)[] | undefined>>;
  readonly positionals: readonly string[];
}

/** One `tessera` command. */
export interface Command {
  readonly name: string;
  /** One line for `tessera --help`. */
  readonly summary: string;
  /** The full `--help` text. */
  readonly help: string;
  readonly options: OptionSpecs;
  /** Runs the command; resolves with the exit code. Errors thrown are reported by the caller. */
  run(args: ParsedArgs, io: CliIo): Promise<ExitCode>;
}
