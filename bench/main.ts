#!/usr/bin/env node
/**
 * The one benchmark entry point: `npm run -s bench -- NAME [--root PATH] [--json]`.
 * A readable table goes to stderr; with --json, exactly one JSON object is the last line of stdout.
 */
import { benches } from './registry.js';
import { parseBenchArgs } from './bench-args.js';
import { printTable } from './report.js';

const args = parseBenchArgs(process.argv.slice(2));
if (args.help || !args.name) {
  process.stderr.write(
    `Usage: npm run -s bench -- NAME [--root PATH] [--json] [--quick]\n\nBenchmarks:\n${Object.entries(benches)
      .map(([name, b]) => `  ${name.padEnd(12)} ${b.description}`)
      .join('\n')}\n`,
  );
  process.exit(args.help ? 0 : 2);
}
const bench = benches[args.name];
if (!bench) {
  process.stderr.write(`Unknown benchmark "${args.name}": expected one of ${Object.keys(benches).join(', ')}\n`);
  process.exit(2);
}
const result = await bench.run(args);
printTable(args.name, result.rows);
process.stdout.write((args.json ? JSON.stringify(result.json) : JSON.stringify(result.json, null, 2)) + '\n');
process.exit(0);
