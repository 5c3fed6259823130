import { performance } from 'node:perf_hooks';
import { kUnknownErrorCode, toWireError } from '../../protocol/index.js';
import type { DaemonClient } from '../client/daemon-client.js';
import type { TextOut } from '../commands/cli-io.js';
import { rootRelativeFile } from '../commands/query-command-line.js';
import { statusText } from '../format/status-text.js';
import { partitionsTable, workersTable } from '../format/list-text.js';
import { formatBytes, formatMs } from '../format/units.js';
import { kReplCommands, parseReplLine, type ReplCommand } from './repl-line.js';
import type { ReplStyle } from './repl-style.js';
import { replHitsText } from './repl-hits.js';

/** What a session needs around it. */
export interface ReplSessionOptions {
  readonly client: DaemonClient;
  /** The daemon's root (real path): FILE arguments are made relative to it. */
  readonly root: string;
  /** The working directory (real path), for FILE arguments typed relative to it. */
  readonly cwd: string;
  readonly out: TextOut;
  /** Where `error: …` lines go (default: `out`). */
  readonly errOut?: TextOut;
  readonly style: ReplStyle;
  /** Print `N results in T ms` after each command (a terminal). */
  readonly timing: boolean;
}

/**
 * Runs REPL command lines against one daemon connection and prints their output. A failed
 * command prints `error: …` and the session goes on; {@link failures} counts them.
 */
export class ReplSession {
  readonly #o: ReplSessionOptions;
  #watching: (() => void) | undefined;
  #failures = 0;

  constructor(options: ReplSessionOptions) {
    this.#o = options;
  }

  /** How many commands failed so far. */
  get failures(): number {
    return this.#failures;
  }

  /** Whether `watch` is printing events. */
  get watching(): boolean {
    return this.#watching !== undefined;
  }

  /** Runs one line; never rejects (errors are printed). */
  async run(line: string): Promise<void> {
    const start = performance.now();
    try {
      const command = parseReplLine(line);
      const summary = await this.#execute(command);
      if (this.#o.timing && summary !== undefined) this.#o.out.write(this.#o.style.dim(`${summary} in ${formatMs(performance.now() - start)}`) + '\n');
    } catch (err) {
      this.#failures++;
      (this.#o.errOut ?? this.#o.out).write(this.#o.style.error(`error: ${errorText(err)}`) + '\n');
    }
  }

  /** Stops `watch` (Ctrl-C or `unwatch`). @returns whether it was watching */
  unwatch(): boolean {
    const stop = this.#watching;
    this.#watching = undefined;
    stop?.();
    // Nothing waits for the answer: a daemon gone meanwhile sends no events either.
    if (stop !== undefined) this.#o.client.unsubscribe(kWatchTopics).catch(() => {});
    return stop !== undefined;
  }

  /** Runs a command; @returns the summary for the timing line, undefined for none */
  async #execute(command: ReplCommand): Promise<string | undefined> {
    const { client, out } = this.#o;
    switch (command.type) {
      case 'empty':
        return undefined;
      case 'help':
        out.write(helpText());
        return undefined;
      case 'query':
        return this.#query(command.op, command.args);
      case 'stats':
        out.write(statusText(await client.stats()));
        return 'stats';
      case 'partitions':
      case 'workers':
        out.write(await this.#graphFigures(command.type));
        return command.type;
      case 'evict':
        out.write(`evicted ${(await client.evict(command.target.includes('/') || command.target === 'all' ? command.target : `partition/${command.target}`)).evicted.length}\n`);
        return `evict ${command.target}`;
      case 'budget':
        out.write(`budget ${(await client.setBudget(Math.round(command.mb * 1024 * 1024))).budgetBytes} bytes\n`);
        return `budget ${command.mb} MB`;
      case 'watch':
        await this.#watch();
        return undefined;
      case 'unwatch':
        if (!this.unwatch()) out.write('not watching\n');
        return undefined;
      case 'sync':
        out.write(`in sync after ${formatMs((await client.sync()).tookMs)}\n`);
        return 'sync';
      case 'send':
        out.write(JSON.stringify(await client.send(command.actor, command.msg)) + '\n');
        return `send ${command.actor}`;
    }
  }

  async #query(op: string, args: Record<string, unknown>): Promise<string> {
    const { client, out, style } = this.#o;
    const full = { ...args };
    if (typeof full.file === 'string') full.file = rootRelativeFile(full.file, this.#o.root, this.#o.cwd);
    const answer = await client.query(op as Parameters<DaemonClient['query']>[0], full);
    out.write(op === 'map' && answer.text !== undefined ? answer.text.replace(/\n?$/, '\n') : replHitsText(answer.results, style));
    const n = answer.results.length;
    return `${n} result${n === 1 ? '' : 's'}${answer.truncated ? ' (truncated)' : ''}`;
  }

  /** `partitions` and `workers`: the counts `stats` has, then one row per partition or worker. */
  async #graphFigures(what: 'partitions' | 'workers'): Promise<string> {
    const s = await this.#o.client.stats();
    const g = s.graph;
    if (g === null) return `the graph is not ready yet (${s.index.phase} ${s.index.done}/${s.index.total})\n`;
    const rows = await this.#o.client.list(what);
    if (what === 'workers') return `workers ${g.workers.total} (${g.workers.ready} ready), restarts ${g.restarts}\n${workersTable(rows)}`;
    const files = g.files === null ? '' : `, ${g.files} files`;
    return `partitions ${g.partitions.resident} resident, ${g.partitions.evicted} evicted${files}; memory used ${formatBytes(g.memory.usedBytes)} of ${formatBytes(g.memory.budgetBytes)}, pressure ${g.memory.pressure}\n${partitionsTable(rows)}`;
  }

  async #watch(): Promise<void> {
    const { client, out, style } = this.#o;
    if (this.#watching !== undefined) return;
    this.#watching = client.onEvent((topic, data) => out.write(`${style.dim(`[${topic}]`)} ${JSON.stringify(data)}\n`));
    await client.subscribe(kWatchTopics);
    out.write(style.dim('watching daemon, runtime and graph events (files re-indexed, evictions); Ctrl-C or unwatch stops') + '\n');
  }
}

/** The topics `watch` prints. */
const kWatchTopics = ['daemon', 'runtime', 'graph'];

function errorText(err: unknown): string {
  const wire = toWireError(err, false);
  return wire.code === kUnknownErrorCode ? wire.message : `${wire.message} (${wire.code})`;
}

/** The `.help` text. */
export function helpText(): string {
  const width = Math.max(...kReplCommands.map((c) => c.usage.length));
  const lines = kReplCommands.map((c) => `  ${c.usage.padEnd(width)}  ${c.summary}`);
  return `Commands:\n${lines.join('\n')}\n\nQueries also take --limit N. FILE is relative to the working directory or to ROOT.\nTab completes command names and symbol names. evict and budget need daemon requests that do not exist yet.\n`;
}
