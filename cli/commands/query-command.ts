import { realpath } from 'node:fs/promises';
import { hitsText } from '../format/hits-text.js';
import type { Command } from './command.js';
import { connectToDaemon } from './daemon-root.js';
import { kExit } from './exit-codes.js';
import { stringOption } from './parse-command-args.js';
import { kQueryOptions, parseQueryCommandLine, rootRelativeFile } from './query-command-line.js';

/** `tessera query [ROOT] <op> ARGS [--json] [--limit N]`. */
export const queryCommand: Command = {
  name: 'query',
  summary: 'run one query: def, refs, complete, search, outline, imports, importers, impact, map',
  help: `Usage: tessera query [ROOT] <op> ARGS [--json] [--limit N] [options]

Runs one query against the daemon serving ROOT (default: the nearest served directory from
here upwards) and prints one result per line, "file:line: kind name  text".

Operations:
  def NAME          where NAME is defined
  refs NAME         where NAME is referenced
  complete PREFIX   symbol names starting with PREFIX
  search PATTERN    lines matching PATTERN (literal unless --regex)
  outline FILE      the definitions in FILE, in order
  imports FILE      what FILE imports
  importers FILE    the files that import FILE
  impact FILE       the files affected by a change to FILE
  map               the most important definitions, ranked, as text (--tokens N to size it)

FILE is relative to the working directory or to ROOT.

Options:
  --json              print one JSON object: {"results": [{file, line, column?, name?,
                      kind?, text?, ...}, ...], "took_ms": T, "truncated": B}; file is
                      relative to ROOT with forward slashes, line is 1-based (map adds
                      "text", the rendered map)
  --limit N           at most N results
  --regex             search: PATTERN is a JavaScript regular expression
  -i, --ignore-case   search: ignore case
  --include GLOB      search: only files matching GLOB (repeatable)
  --exclude GLOB      search: skip files matching GLOB (repeatable)
  --tokens N          map: the size of the map, in tokens
  --socket PATH       talk to the daemon on this socket instead of ROOT's default one
  -h, --help          show this help

Exit codes: 0 found, 1 nothing found, 2 usage, 3 no daemon running, 4 other errors.
`,
  options: { json: { type: 'boolean' }, ...kQueryOptions, socket: { type: 'string' } },
  async run(parsed, io) {
    const line = parseQueryCommandLine(parsed);
    const { client, root } = await connectToDaemon('query', line.rootArg, stringOption(parsed, 'socket'), io);
    try {
      const args = { ...line.args };
      if (typeof args.file === 'string') args.file = rootRelativeFile(args.file, root, await realpath(io.cwd));
      const answer = await client.query(line.op, args);
      if (parsed.values.json === true) {
        const text = answer.text === undefined ? {} : { text: answer.text };
        io.stdout.write(JSON.stringify({ results: answer.results, took_ms: answer.took_ms, truncated: answer.truncated, ...text }) + '\n');
      } else {
        // A map reads best as the graph rendered it; other answers as file:line lines.
        io.stdout.write(line.op === 'map' && answer.text !== undefined ? answer.text.replace(/\n?$/, '\n') : hitsText(answer.results));
        if (io.stderr.isTTY === true) {
          const more = answer.truncated ? ' (truncated: raise --limit for more)' : '';
          io.stderr.write(`${answer.results.length} result${answer.results.length === 1 ? '' : 's'}${more} in ${answer.took_ms.toFixed(2)} ms\n`);
        }
      }
      return answer.results.length > 0 ? kExit.ok : kExit.notFound;
    } finally {
      await client.close();
    }
  },
};

