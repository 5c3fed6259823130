import { kLogLevels } from '../daemon/daemon-logger.js';
import type { ParsedArgs } from './command.js';
import { intOption, stringOption, usageError } from './parse-command-args.js';

/** `tessera start`'s command line, understood. */
export interface StartOptions {
  readonly rootArg: string | undefined;
  readonly workers: number | undefined;
  readonly memoryBudgetMb: number | undefined;
  readonly watch: boolean;
  readonly persist: boolean;
  readonly socket: string | undefined;
  readonly tcpPort: number | undefined;
  readonly detach: boolean;
  readonly json: boolean;
  readonly logLevel: string;
}

/**
 * Reads `tessera start`'s options (pure).
 * @throws {TesseraError} ERR_CLI_USAGE for bad values or extra arguments
 */
export function parseStartOptions(args: ParsedArgs): StartOptions {
  if (args.positionals.length > 1) throw usageError('start', `unexpected argument "${args.positionals[1]}": start takes at most ROOT`);
  const logLevel = stringOption(args, 'log-level') ?? 'info';
  if (!(kLogLevels as readonly string[]).includes(logLevel)) throw usageError('start', `--log-level must be one of ${kLogLevels.join(', ')}: current value is "${logLevel}"`);
  return {
    rootArg: args.positionals[0],
    workers: intOption('start', args, 'workers', 256),
    memoryBudgetMb: intOption('start', args, 'memory-budget', 1 << 20),
    watch: args.values['no-watch'] !== true,
    persist: args.values['no-persist'] !== true,
    socket: stringOption(args, 'socket'),
    tcpPort: intOption('start', args, 'tcp', 65535, 0),
    detach: args.values.detach === true,
    json: args.values.json === true,
    logLevel,
  };
}

/**
 * The arguments a detached daemon is started with: the same options, with the root resolved
 * and without `--detach` (the child runs in the foreground of its own session).
 * @param o - the parent's options
 * @param root - the resolved root
 */
export function detachedChildArgs(o: StartOptions, root: string): string[] {
  const out = ['start', root, '--log-level', o.logLevel];
  if (o.workers !== undefined) out.push('--workers', String(o.workers));
  if (o.memoryBudgetMb !== undefined) out.push('--memory-budget', String(o.memoryBudgetMb));
  if (!o.watch) out.push('--no-watch');
  if (!o.persist) out.push('--no-persist');
  if (o.socket !== undefined) out.push('--socket', o.socket);
  if (o.tcpPort !== undefined) out.push('--tcp', String(o.tcpPort));
  return out;
}
