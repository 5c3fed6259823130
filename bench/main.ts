#!/usr/bin/env node
/**
 * The one benchmark entry point: `npm run -s bench -- NAME [--root PATH] [--json] [--quick]`.
 * A readable table goes to stderr; with --json, exactly one JSON object is the last line of stdout.
 * Without NAME (or with `all`) every benchmark runs, each in its own process; `report` only
 * regenerates docs/benchmarks.md's generated section from bench/results/.
 */
import { benches } from './registry.js';
import { parseBenchArgs } from './bench-args.js';
import { printTable } from './report.js';
import { fullRunCommand, reportCommand } from './all/full-run-command.js';
import { planFullRun } from './all/plan-full-run.js';
import { passedResult } from './all/saved-result.js';
import { saveResultFile } from './all/save-result-file.js';

// Set by the full run, whose pipe ends on a terminal: keeps the benchmarks' progress lines.
if (process.env.TESSERA_BENCH_STDERR_IS_TTY === '1') process.stderr.isTTY = true;

/** Runs fn; a TypeError or RangeError from it is a usage mistake, shown as one line rather than a stack trace. */
function orExitOnUsageError<T>(fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    if (!(err instanceof TypeError || err instanceof RangeError)) throw err;
    process.stderr.write(`${err.message}\n`);
    process.exit(2);
  }
}

const args = orExitOnUsageError(() => parseBenchArgs(process.argv.slice(2)));
if (args.help) {
  process.stderr.write(
    `Usage: npm run -s bench -- NAME [--root PATH] [--json] [--quick] [--memory-budget MB] [--sizes 1,2,4,8]\n` +
      `       npm run -s bench -- [all] [--quick] [--only a,b] [--root PATH] [--memory-budget MB]\n         every benchmark, one process each; saves bench/results/, updates docs/benchmarks.md\n` +
      `       npm run -s bench -- report\n         docs/benchmarks.md from the saved results only\n\n` +
      `Benchmarks:\n${Object.entries(benches)
        .map(([name, b]) => `  ${name.padEnd(16)} ${b.description}`)
        .join('\n')}\n`,
  );
  process.exit(0);
}
if (args.sizes && args.name !== 'scale') {
  // A full run saves what it measures for the report: all sizes or none.
  process.stderr.write(`Option --sizes applies to the scale bench alone: use "npm run -s bench -- scale --sizes ${args.sizes.join(',')}"\n`);
  process.exit(2);
}
if (args.name === undefined || args.name === 'all') {
  process.exit(await fullRunCommand(orExitOnUsageError(() => planFullRun(args, Object.keys(benches)))));
}
if (args.name === 'report') process.exit(await reportCommand());
if (args.only) {
  process.stderr.write(`Option --only applies to a full run: use "npm run -s bench -- all --only ${args.only.join(',')}"\n`);
  process.exit(2);
}
const bench = benches[args.name];
if (!bench) {
  process.stderr.write(`Unknown benchmark "${args.name}": expected all, report or one of ${Object.keys(benches).join(', ')}\n`);
  process.exit(2);
}
const started = performance.now();
const result = await bench.run(args);
const seconds = (performance.now() - started) / 1000;
printTable(args.name, result.rows);
if (args.save) await saveResultFile(args.save, passedResult(args.name, args, result, seconds));
process.stdout.write((args.json ? JSON.stringify(result.json) : JSON.stringify(result.json, null, 2)) + '\n');
process.exit(0);
