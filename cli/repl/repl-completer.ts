import type { DaemonClient } from '../client/daemon-client.js';
import { kReplCommands } from './repl-line.js';

/** node:repl's completer: the candidates, and the part of the line they replace. */
export type Completion = [string[], string];

/** Commands whose argument is a symbol name. */
const kSymbolCommands = new Set(['def', 'refs', 'complete']);

/**
 * Completes a REPL line: the first word from the command names, the argument of `def`, `refs`
 * and `complete` from the daemon's symbol names (the `complete` query). Any failure completes
 * nothing rather than disturbing the prompt.
 * @param line - the line up to the cursor
 * @param client - the daemon connection
 * @param limit - the most symbol names to offer
 */
export async function completeReplLine(line: string, client: DaemonClient, limit = 50): Promise<Completion> {
  const words = line.trimStart().split(/\s+/);
  if (words.length <= 1) {
    const word = words[0] ?? '';
    return [kReplCommands.map((c) => c.name).filter((n) => n.startsWith(word)), word];
  }
  const word = words[words.length - 1]!;
  if (words.length !== 2 || !kSymbolCommands.has(words[0]!)) return [[], word];
  try {
    const answer = await client.query('complete', { prefix: word, limit }, 2_000);
    const names = [...new Set(answer.results.map((r) => r.name).filter((n): n is string => typeof n === 'string' && n.startsWith(word)))];
    return [names, word];
  } catch {
    // a completion is a hint: no daemon answer, no candidates
    return [[], word];
  }
}
