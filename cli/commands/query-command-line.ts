import { isAbsolute, relative, resolve, sep } from 'node:path';
import { isQueryOp } from '../daemon/query-args.js';
import { kQueryOps, type QueryOp } from '../service/query-service.js';
import type { ParsedArgs } from './command.js';
import { intOption, stringsOption, usageError } from './parse-command-args.js';

/** What each operation takes on the command line after its name. */
const kOperand: { readonly [Op in QueryOp]: { readonly arg: string | null; readonly name: string } } = {
  def: { arg: 'name', name: 'NAME' },
  refs: { arg: 'name', name: 'NAME' },
  complete: { arg: 'prefix', name: 'PREFIX' },
  search: { arg: 'pattern', name: 'PATTERN' },
  outline: { arg: 'file', name: 'FILE' },
  imports: { arg: 'file', name: 'FILE' },
  importers: { arg: 'file', name: 'FILE' },
  impact: { arg: 'file', name: 'FILE' },
  map: { arg: null, name: '' },
};

/** Options that only some operations take. */
const kOpOptions: Readonly<Record<string, readonly QueryOp[]>> = {
  regex: ['search'],
  'ignore-case': ['search'],
  include: ['search'],
  exclude: ['search'],
  tokens: ['map'],
};

/** The options a query takes, shared by `tessera query` and the REPL (parseArgs shapes). */
export const kQueryOptions = {
  limit: { type: 'string' },
  regex: { type: 'boolean' },
  'ignore-case': { type: 'boolean', short: 'i' },
  include: { type: 'string', multiple: true },
  exclude: { type: 'string', multiple: true },
  tokens: { type: 'string' },
} as const;

/** A `tessera query` command line, understood. */
export interface QueryCommandLine {
  readonly rootArg: string | undefined;
  readonly op: QueryOp;
  /** The daemon's `args` for the op; a FILE is still as typed (see {@link rootRelativeFile}). */
  readonly args: Record<string, unknown>;
}

/**
 * Splits `[ROOT] <op> ARGS` and turns the options into the op's arguments (pure). The first
 * positional is the op when it names one, otherwise it is ROOT (write `./def` for a root named
 * like an op).
 * @throws {TesseraError} ERR_CLI_USAGE for a missing or unknown op, a missing or extra operand,
 *   or an option the op does not take
 */
export function parseQueryCommandLine(parsed: ParsedArgs): QueryCommandLine {
  const [first, ...rest] = parsed.positionals;
  const hasRoot = first !== undefined && !isQueryOp(first);
  const [opWord, ...operands] = hasRoot ? rest : parsed.positionals;
  if (opWord === undefined) throw usageError('query', `missing the operation: one of ${kQueryOps.join(', ')}`);
  if (!isQueryOp(opWord)) throw usageError('query', `unknown operation "${opWord}": expected one of ${kQueryOps.join(', ')}`);
  const op = opWord;
  const operand = kOperand[op];
  const wanted = operand.arg === null ? 0 : 1;
  if (operands.length < wanted) throw usageError('query', `${op} needs ${operand.name}`);
  if (operands.length > wanted) throw usageError('query', `unexpected argument "${operands[wanted]}" after ${op}${wanted ? ` ${operand.name}` : ''}`);
  for (const [option, ops] of Object.entries(kOpOptions)) {
    if (parsed.values[option] !== undefined && !ops.includes(op)) throw usageError('query', `--${option} applies to ${ops.join(', ')} only, not to ${op}`);
  }
  const args: Record<string, unknown> = {};
  if (operand.arg !== null) args[operand.arg] = operands[0];
  const limit = intOption('query', parsed, 'limit', 100_000);
  if (limit !== undefined) args.limit = limit;
  if (op === 'search') Object.assign(args, searchArgs(parsed));
  const tokens = intOption('query', parsed, 'tokens', 100_000);
  if (tokens !== undefined) args.tokens = tokens;
  return { rootArg: hasRoot ? first : undefined, op, args };
}

function searchArgs(parsed: ParsedArgs): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (parsed.values.regex === true) out.mode = 'regex';
  if (parsed.values['ignore-case'] === true) out.ignoreCase = true;
  const include = stringsOption(parsed, 'include');
  if (include !== undefined) out.include = include;
  const exclude = stringsOption(parsed, 'exclude');
  if (exclude !== undefined) out.exclude = exclude;
  return out;
}

/**
 * A FILE argument as the daemon wants it: relative to the root with forward slashes when it
 * names a path inside the root (typed relative to the working directory, or absolute), as typed
 * otherwise (e.g. already root-relative from elsewhere).
 * @param file - the argument
 * @param root - the daemon's root (real path)
 * @param cwd - the working directory
 */
export function rootRelativeFile(file: string, root: string, cwd: string): string {
  const full = isAbsolute(file) ? file : resolve(cwd, file);
  const rel = relative(root, full);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return file.split(sep).join('/');
  return rel.split(sep).join('/');
}
