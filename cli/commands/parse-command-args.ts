import { parseArgs } from 'node:util';
import { tesseraError } from '../../protocol/index.js';
import type { Command, ParsedArgs } from './command.js';

/**
 * Parses a command's arguments with `node:util` parseArgs (strict: unknown options are errors).
 * `--help`/`-h` is accepted by every command and returned as `values.help`.
 * @param command - the command
 * @param argv - the arguments after the command name
 * @throws {TesseraError} ERR_CLI_USAGE with parseArgs' reason
 */
export function parseCommandArgs(command: Command, argv: readonly string[]): ParsedArgs {
  try {
    const { values, positionals } = parseArgs({
      args: [...argv],
      options: { ...command.options, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    });
    return { values: values, positionals };
  } catch (err) {
    throw usageError(command.name, (err as Error).message);
  }
}

/** A usage error of `command` (exit code 2). */
export function usageError(command: string, reason: string): Error {
  return tesseraError('ERR_CLI_USAGE', { command, reason });
}

/**
 * Reads a positive integer option.
 * @throws {TesseraError} ERR_CLI_USAGE when the value is not a positive integer (or not within `max`)
 */
export function intOption(command: string, args: ParsedArgs, name: string, max = Number.MAX_SAFE_INTEGER, min = 1): number | undefined {
  const raw = args.values[name];
  if (raw === undefined) return undefined;
  const n = typeof raw === 'string' && /^\d+$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isSafeInteger(n) || n < min || n > max) {
    throw usageError(command, `--${name} must be an integer from ${min} to ${max}: current value is "${String(raw)}"`);
  }
  return n;
}

/** Reads a string option (undefined when absent). */
export function stringOption(args: ParsedArgs, name: string): string | undefined {
  const raw = args.values[name];
  return typeof raw === 'string' ? raw : undefined;
}

/** Reads a repeatable string option. */
export function stringsOption(args: ParsedArgs, name: string): string[] | undefined {
  const raw = args.values[name];
  return Array.isArray(raw) ? raw.filter((v): v is string => typeof v === 'string') : undefined;
}

/**
 * The optional ROOT of a command that takes nothing else.
 * @throws {TesseraError} ERR_CLI_USAGE when more positionals were given
 */
export function optionalRoot(command: string, args: ParsedArgs): string | undefined {
  if (args.positionals.length > 1) throw usageError(command, `unexpected argument "${args.positionals[1]}": ${command} takes at most ROOT`);
  return args.positionals[0];
}
