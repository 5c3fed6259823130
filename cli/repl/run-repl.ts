/**
 * The REPL's two faces over one {@link ReplSession}:
 *
 *   terminal:  node:repl (prompt, history file, tab completion, colours, timing per command)
 *   piped:     one command per input line, in order; plain results on stdout, errors on stderr
 *
 * Piped input goes through readline rather than node:repl so that nothing but results reaches
 * stdout (node:repl echoes prompts even when it is not on a terminal).
 */
import { homedir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import repl from 'node:repl';
import type { DaemonClient } from '../client/daemon-client.js';
import type { TextOut } from '../commands/cli-io.js';
import { completeReplLine } from './repl-completer.js';
import { helpText, ReplSession } from './repl-session.js';
import { replStyle } from './repl-style.js';

/** What {@link runRepl} needs. */
export interface RunReplOptions {
  readonly client: DaemonClient;
  readonly root: string;
  readonly cwd: string;
  readonly input: NodeJS.ReadableStream & { readonly isTTY?: boolean };
  readonly output: NodeJS.WritableStream & TextOut;
  readonly errOutput: TextOut;
  readonly env: Readonly<Record<string, string | undefined>>;
}

/**
 * The history file: `TESSERA_REPL_HISTORY` when set ('' for none), else ~/.tessera_repl_history.
 * @returns the path, or undefined for no history
 */
export function replHistoryPath(env: RunReplOptions['env']): string | undefined {
  const chosen = env.TESSERA_REPL_HISTORY;
  if (chosen !== undefined) return chosen === '' ? undefined : chosen;
  return join(env.HOME ?? homedir(), '.tessera_repl_history');
}

/**
 * Runs the REPL until its input ends (Ctrl-D, `.exit`, end of the pipe).
 * @returns how many commands failed
 */
export async function runRepl(o: RunReplOptions): Promise<number> {
  const terminal = o.input.isTTY === true && o.output.isTTY === true;
  const colour = terminal && o.env.NO_COLOR === undefined;
  const session = new ReplSession({
    client: o.client,
    root: o.root,
    cwd: o.cwd,
    out: o.output,
    errOut: terminal ? o.output : o.errOutput,
    style: replStyle(colour),
    timing: terminal,
  });
  if (terminal) await interactive(session, o);
  else await piped(session, o.input);
  return session.failures;
}

async function piped(session: ReplSession, input: NodeJS.ReadableStream): Promise<void> {
  const lines = createInterface({ input, crlfDelay: Infinity, terminal: false });
  for await (const line of lines) await session.run(line.trim());
}

function interactive(session: ReplSession, o: RunReplOptions): Promise<void> {
  o.output.write(`tessera repl on ${o.root}; .help for the commands, Ctrl-D to leave\n`);
  const server = repl.start({
    prompt: 'tessera> ',
    input: o.input,
    output: o.output,
    terminal: true,
    ignoreUndefined: true,
    eval: (code, _context, _file, done) => {
      session.run(code.trim()).then(() => done(null, undefined), (err: Error) => done(err, undefined));
    },
    completer: (line: string, done: (err: Error | null, result: [string[], string]) => void) => {
      completeReplLine(line, o.client).then((result) => done(null, result), () => done(null, [[], line]));
    },
  });
  server.defineCommand('help', {
    help: 'The tessera commands',
    action() {
      o.output.write(helpText());
      this.displayPrompt();
    },
  });
  server.on('SIGINT', () => {
    if (session.unwatch()) o.output.write('stopped watching\n');
  });
  const history = replHistoryPath(o.env);
  if (history !== undefined) {
    server.setupHistory(history, (err) => {
      if (err) o.output.write(`(no history: ${err.message})\n`);
    });
  }
  return new Promise((resolve) => server.once('exit', resolve));
}
