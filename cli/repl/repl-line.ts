import { parseArgs } from 'node:util';
import { isTesseraError } from '../../protocol/index.js';
import { kQueryOptions, parseQueryCommandLine } from '../commands/query-command-line.js';
import { isQueryOp } from '../daemon/query-args.js';
import type { QueryOp } from '../service/query-service.js';

/** One REPL command line, understood. */
export type ReplCommand =
  | { readonly type: 'empty' }
  | { readonly type: 'help' }
  | { readonly type: 'query'; readonly op: QueryOp; readonly args: Record<string, unknown> }
  | { readonly type: 'stats' | 'partitions' | 'workers' | 'watch' | 'unwatch' | 'sync' }
  | { readonly type: 'evict'; readonly target: string }
  | { readonly type: 'budget'; readonly mb: number }
  | { readonly type: 'send'; readonly actor: string; readonly msg: unknown };

/** A command line the REPL cannot run; the message says why and what to type instead. */
export class ReplUsageError extends Error {
  override readonly name = 'ReplUsageError';
}

/** Every REPL command with its usage, in the order `.help` lists them. */
export const kReplCommands: readonly { readonly name: string; readonly usage: string; readonly summary: string }[] = [
  { name: 'def', usage: 'def NAME', summary: 'where NAME is defined' },
  { name: 'refs', usage: 'refs NAME', summary: 'where NAME is referenced' },
  { name: 'complete', usage: 'complete PREFIX', summary: 'symbol names starting with PREFIX' },
  { name: 'search', usage: 'search PATTERN [--regex] [-i]', summary: 'lines matching PATTERN' },
  { name: 'outline', usage: 'outline FILE', summary: "FILE's definitions, in order" },
  { name: 'imports', usage: 'imports FILE', summary: 'what FILE imports' },
  { name: 'importers', usage: 'importers FILE', summary: 'the files that import FILE' },
  { name: 'impact', usage: 'impact FILE', summary: 'the files affected by a change to FILE' },
  { name: 'map', usage: 'map [--tokens N]', summary: 'the most important definitions, ranked' },
  { name: 'stats', usage: 'stats', summary: "the daemon's figures (as tessera status)" },
  { name: 'partitions', usage: 'partitions', summary: 'partitions resident and evicted' },
  { name: 'workers', usage: 'workers', summary: 'worker threads and restarts' },
  { name: 'evict', usage: 'evict PARTITION|all', summary: 'passivate a partition (its number or kind/key) or all of them to their snapshots' },
  { name: 'budget', usage: 'budget MB', summary: 'change the memory budget; evictions follow at once if it is exceeded' },
  { name: 'watch', usage: 'watch', summary: 'print live events until Ctrl-C or unwatch' },
  { name: 'unwatch', usage: 'unwatch', summary: 'stop printing events' },
  { name: 'sync', usage: 'sync', summary: 'wait until every file change seen so far is indexed' },
  { name: 'send', usage: 'send KIND ID JSON', summary: 'deliver JSON to actor KIND/ID and print its reply' },
  { name: '.help', usage: '.help', summary: 'this list' },
];

/**
 * Understands one line typed at the REPL (pure).
 * @param line - the line, without its newline
 * @throws {ReplUsageError} for an unknown command, a missing or extra argument, a bad value
 */
export function parseReplLine(line: string): ReplCommand {
  const words = splitWords(line);
  const [name, ...rest] = words;
  if (name === undefined) return { type: 'empty' };
  if (isQueryOp(name)) return queryCommand(words);
  switch (name) {
    case '.help':
    case 'help':
      return { type: 'help' };
    case 'stats':
    case 'partitions':
    case 'workers':
    case 'watch':
    case 'unwatch':
    case 'sync':
      if (rest.length > 0) throw new ReplUsageError(`${name} takes no argument: got "${rest[0]}"`);
      return { type: name };
    case 'evict':
      if (rest.length !== 1) throw new ReplUsageError('usage: evict PARTITION|all');
      return { type: 'evict', target: rest[0]! };
    case 'budget':
      return { type: 'budget', mb: budgetMb(rest) };
    case 'send':
      return sendCommand(line);
    default:
      throw new ReplUsageError(`unknown command "${name}": type .help for the commands`);
  }
}

function queryCommand(words: string[]): ReplCommand {
  try {
    const { values, positionals } = parseArgs({ args: words, options: kQueryOptions, allowPositionals: true, strict: true });
    const parsed = parseQueryCommandLine({ values, positionals });
    return { type: 'query', op: parsed.op, args: parsed.args };
  } catch (err) {
    // parseQueryCommandLine speaks of "tessera query"; here only its reason helps.
    const reason = isTesseraError(err, 'ERR_CLI_USAGE') ? String((err.details as { reason?: unknown }).reason) : (err as Error).message;
    throw new ReplUsageError(reason);
  }
}

function budgetMb(rest: string[]): number {
  const raw = rest[0];
  if (rest.length !== 1 || raw === undefined || !/^\d+$/.test(raw) || Number(raw) < 1) {
    throw new ReplUsageError(`usage: budget MB, with MB a whole number of megabytes >= 1: current value is "${rest.join(' ')}"`);
  }
  return Number(raw);
}

function sendCommand(line: string): ReplCommand {
  const match = /^\s*send\s+(\S+)\s+(\S+)\s+(.+?)\s*$/.exec(line);
  if (match === null) throw new ReplUsageError('usage: send KIND ID JSON, e.g. send partition 0 {"type":"stats"}');
  let msg: unknown;
  try {
    msg = JSON.parse(match[3]!);
  } catch (err) {
    throw new ReplUsageError(`send: the message is not JSON: ${(err as Error).message}`);
  }
  return { type: 'send', actor: `${match[1]}/${match[2]}`, msg };
}

/** Splits on blanks; "double" or 'single' quotes keep blanks inside a word. */
export function splitWords(line: string): string[] {
  const words: string[] = [];
  for (const m of line.matchAll(/"((?:[^"\\]|\\.)*)"|'([^']*)'|(\S+)/g)) {
    words.push(m[1] !== undefined ? m[1].replace(/\\(.)/g, '$1') : (m[2] ?? m[3]!));
  }
  return words;
}
