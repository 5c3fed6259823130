import type { Command } from './command.js';
import { kExit } from './exit-codes.js';

/**
 * A command that is planned but not built yet: it says so, and what to use meanwhile.
 * @param name - the command
 * @param summary - what it will do
 * @param meanwhile - what to use until then
 */
export function laterCommand(name: string, summary: string, meanwhile: string): Command {
  return {
    name,
    summary: `${summary} (not yet available)`,
    help: `Usage: tessera ${name} [ROOT]\n\n${summary[0]!.toUpperCase()}${summary.slice(1)}. Not available yet.\n${meanwhile}\n`,
    options: {},
    run(_args, io) {
      io.stderr.write(`tessera ${name}: not available yet (${summary}).\n  ${meanwhile}\n`);
      return Promise.resolve(kExit.usage);
    },
  };
}
