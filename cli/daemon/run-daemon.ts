import { toWireError, type WireError } from '../../protocol/index.js';
import type { IndexProgress } from '../service/query-service.js';
import { Daemon, type DaemonOptions } from './daemon.js';
import type { DaemonLogger } from './daemon-logger.js';
import { limitIdleCollections } from './idle-gc-policy.js';

/** What `tessera start` prints (or sends its parent) once the daemon is ready. */
export interface ReadySummary {
  readonly root: string;
  readonly pid: number;
  readonly socket: string;
  readonly tcpPort: number | null;
  readonly log: string;
  readonly indexMs: number;
  readonly files: number | null;
  readonly workers: number | null;
}

/** Who hears about the first index: a terminal, or the parent of a detached daemon. */
export interface StartReporter {
  progress(progress: IndexProgress): void;
  ready(summary: ReadySummary): void;
}

/** How a daemon run ended: 0 after a graceful stop, 4 with the error when it could not start or index. */
export type DaemonOutcome = { readonly code: 0 } | { readonly code: 4; readonly error: WireError };

const kSignals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/**
 * Runs a daemon in this process until it stops: starts it, reports progress and readiness,
 * turns SIGINT, SIGTERM and SIGHUP into a graceful stop (a second signal exits at once), and
 * logs a crash before the process dies.
 * @param options - the daemon's options (`logger` is required here: the run is logged)
 * @param reporter - where progress and the ready summary go
 * @returns how the run ended; the caller exits with its code
 */
export async function runDaemon(options: DaemonOptions & { readonly logger: DaemonLogger }, reporter: StartReporter): Promise<DaemonOutcome> {
  const log = options.logger;
  limitIdleCollections();
  let daemon: Daemon;
  try {
    daemon = await Daemon.start({ ...options, onProgress: (p) => reporter.progress(p) });
  } catch (err) {
    log.error({ err: toWireError(err) }, `cannot start: ${toWireError(err).message}`);
    return { code: 4, error: toWireError(err, false) };
  }
  const removeHandlers = handleSignals(daemon, log);
  try {
    await daemon.ready;
    reporter.ready(summary(daemon));
    await daemon.stopped;
    return { code: 0 };
  } catch (err) {
    await daemon.stopped;
    return { code: 4, error: toWireError(err, false) };
  } finally {
    removeHandlers();
  }
}

function summary(daemon: Daemon): ReadySummary {
  const s = daemon.stats();
  return {
    root: s.root,
    pid: s.pid,
    socket: s.socket,
    tcpPort: s.tcpPort,
    log: s.log,
    indexMs: s.index.tookMs ?? 0,
    files: s.graph?.files ?? null,
    workers: s.graph?.workers.total ?? null,
  };
}

function handleSignals(daemon: Daemon, log: DaemonLogger): () => void {
  let received = 0;
  const onSignal = (signal: NodeJS.Signals): void => {
    if (++received > 1) {
      log.warn({ signal }, 'second signal: exiting without finishing the shutdown');
      process.exit(128 + (signal === 'SIGINT' ? 2 : signal === 'SIGHUP' ? 1 : 15));
    }
    log.info({ signal }, 'signal received');
    void daemon.stop(signal);
  };
  const onCrash = (err: unknown): void => {
    log.fatal({ err: toWireError(err) }, `crashed: ${toWireError(err).message}`);
    process.exit(4);
  };
  for (const signal of kSignals) process.on(signal, onSignal);
  process.on('uncaughtException', onCrash);
  process.on('unhandledRejection', onCrash);
  return () => {
    for (const signal of kSignals) process.off(signal, onSignal);
    process.off('uncaughtException', onCrash);
    process.off('unhandledRejection', onCrash);
  };
}
