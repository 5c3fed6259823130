import type { WireError } from '../../protocol/index.js';
import type { ReadySummary, StartReporter } from '../daemon/run-daemon.js';
import { ProgressBar } from '../format/progress-bar.js';
import { shellQuote } from '../format/shell-quote.js';
import { formatDuration, plural } from '../format/units.js';
import type { IndexProgress } from '../service/query-service.js';
import type { CliIo } from './cli-io.js';

/** What a detached daemon tells the `tessera start --detach` that spawned it, over IPC. */
export type ChildReport =
  | { readonly type: 'progress'; readonly progress: IndexProgress }
  | { readonly type: 'ready'; readonly summary: ReadySummary }
  | { readonly type: 'failed'; readonly error: WireError };

/**
 * The one line printed when the daemon is ready, or with `--json` one JSON object.
 * @param s - the summary
 * @param json - print JSON
 * @param detached - the daemon runs in the background (the hint says how to stop it)
 */
export function readyLine(s: ReadySummary, json: boolean, detached: boolean): string {
  if (json) return JSON.stringify({ ready: true, detached, ...s }) + '\n';
  const files = s.files === null ? '' : `${plural(s.files, 'file')}, `;
  const workers = s.workers === null ? '' : `${plural(s.workers, 'worker')}, `;
  const stop = detached ? `stop it with: tessera stop ${shellQuote(s.root)}` : 'Ctrl-C or tessera stop to stop';
  const tcp = s.tcpPort === null ? '' : ` and 127.0.0.1:${s.tcpPort}`;
  return `tessera: ready in ${formatDuration(s.indexMs)} (${files}${workers}pid ${s.pid}), listening on ${s.socket}${tcp}; ${stop}\n`;
}

/** Progress bar on a terminal's stderr, then the ready line on stdout. */
export function terminalReporter(io: CliIo, json: boolean, detached: boolean): StartReporter & { clear(): void } {
  const bar = new ProgressBar(io.stderr);
  return {
    progress: (p) => bar.update(p),
    ready: (s) => {
      bar.clear();
      io.stdout.write(readyLine(s, json, detached));
    },
    clear: () => bar.clear(),
  };
}

/** Reports to the parent process over IPC (a detached daemon), and lets go of it once ready. */
export function ipcReporter(): StartReporter {
  let last = 0;
  const send = (report: ChildReport, then?: () => void): void => {
    if (process.connected) process.send?.(report, undefined, {}, () => then?.());
  };
  return {
    progress: (progress) => {
      const now = performance.now();
      if (now - last < 100 && progress.done < progress.total) return;
      last = now;
      send({ type: 'progress', progress });
    },
    // Once the parent knows, the channel goes: the daemon must not depend on its parent.
    ready: (summary) => send({ type: 'ready', summary }, () => process.disconnect?.()),
  };
}

/** Tells the parent that the daemon failed to start. */
export function reportChildFailure(error: WireError): Promise<void> {
  return new Promise((resolve) => {
    if (!process.connected || process.send === undefined) return resolve();
    process.send({ type: 'failed', error } satisfies ChildReport, undefined, {}, () => resolve());
  });
}

