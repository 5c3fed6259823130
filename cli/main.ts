#!/usr/bin/env node
/**
 * The `tessera` command (package.json `bin`). Everything happens in `runCli`; this file only
 * binds it to the process. See docs/cli.md.
 *
 * @module
 */
import { processIo } from './commands/cli-io.js';
import { runCli } from './commands/run-cli.js';

const code = await runCli(process.argv.slice(2), processIo());
// A daemon run may leave handles behind (timers of a closed graph): its end is the process's end.
if (process.argv[2] === 'start') process.exit(code);
process.exitCode = code;
